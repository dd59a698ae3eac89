package vn.baucu.platform;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Small, shared handling of what users send: blank text, enum names, and the SHA-256 of uploaded files. */
public final class Inputs {

    private Inputs() {
    }

    /** Trimmed text, or null when blank. */
    public static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The constant named {@code value}; null when blank; a 400 naming the field and the valid values otherwise. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.malformed(List.of(Violation.of("E-008", field, "evaluation.unknown-value", field, value,
                    Arrays.toString(type.getEnumConstants()))));
        }
    }

    /** Hex SHA-256, recorded in the audit log for every imported or exported file. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
