package vn.baucu.results.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What results night serves again and again, kept in memory by what it is made from: a published snapshot never
 * changes, so its document and the public pages rendered from it are keyed by the snapshot's SHA-256 (and the page and
 * language) and stay right on every node without any invalidation — a new publication has a new hash. Only the
 * latest snapshot's hash is read from the database per request. Least recently used entries go first once the cache
 * holds {@code baucu.portal.cache-bytes} (64 MB by default).
 */
@Component
class SnapshotCache {

    private final long limit;
    private long size;
    private final LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>(64, 0.75f, true);

    SnapshotCache(@Value("${baucu.portal.cache-bytes:67108864}") long limit) {
        this.limit = limit;
    }

    /** The bytes kept under {@code key}, made once by {@code make} (outside the lock: two may make it at once). */
    byte[] get(String key, Supplier<byte[]> make) {
        synchronized (this) {
            byte[] hit = entries.get(key);
            if (hit != null) {
                return hit;
            }
        }
        byte[] made = make.get();
        synchronized (this) {
            byte[] earlier = entries.put(key, made);
            size += made.length - (earlier == null ? 0 : earlier.length);
            var it = entries.entrySet().iterator();
            while (size > limit && it.hasNext()) {
                Map.Entry<String, byte[]> eldest = it.next();
                if (eldest.getKey().equals(key)) {
                    continue;
                }
                size -= eldest.getValue().length;
                it.remove();
            }
        }
        return made;
    }

    /**
     * The same bytes gzip-compressed, made once and kept beside them under {@code key + ":gzip"}: a results-night
     * client (a browser, a CDN) that accepts gzip is sent these, so each request costs the network a tenth of the
     * bytes and the server no compression at all.
     */
    byte[] gzipped(String key, byte[] bytes) {
        return get(key + ":gzip", () -> {
            var out = new java.io.ByteArrayOutputStream(Math.max(64, bytes.length / 6));
            try (var gz = new java.util.zip.GZIPOutputStream(out)) {
                gz.write(bytes);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return out.toByteArray();
        });
    }

    /**
     * Whether the request accepts a gzip-encoded answer: {@code Accept-Encoding} names gzip, or else {@code *}, without
     * {@code q=0} (RFC 9110, 12.5.3).
     */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Boolean any = null;
        for (String part : acceptEncoding.split(",")) {
            String[] p = part.trim().split(";");
            String coding = p[0].trim();
            boolean acceptable = true;
            for (int i = 1; i < p.length; i++) {
                String q = p[i].trim().replace(" ", "");
                if (q.startsWith("q=") && q.substring(2).matches("0(\\.0{0,3})?")) {
                    acceptable = false;
                }
            }
            if (coding.equalsIgnoreCase("gzip")) {
                return acceptable;
            }
            if (coding.equals("*")) {
                any = acceptable;
            }
        }
        return Boolean.TRUE.equals(any);
    }

    synchronized long size() {
        return size;
    }
}
