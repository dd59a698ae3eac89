package vn.baucu.platform;

import java.util.List;

/**
 * Optimistic versions of records that several people edit: the version goes out as an {@code ETag}
 * ({@code "7"}) on read and comes back as {@code If-Match} on write; a write against an older version is
 * refused with 412 (see {@link DomainException#stale}). A write without {@code If-Match} is accepted as it
 * always was (last writer wins only where no version was sent), but every state change is still a
 * conditional update, so a lost race is a 409 either way.
 */
public final class Versions {

    private Versions() {
    }

    /** The ETag of a version. */
    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header names; null when absent or {@code *}; a 400 when malformed. */
    public static Integer ifMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String v = header.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        if (!v.matches("\\d{1,9}")) {
            throw DomainException.malformed(List.of(Violation.of("P-403", "If-Match", "problem.bad-if-match", header)));
        }
        return Integer.valueOf(v);
    }
}
