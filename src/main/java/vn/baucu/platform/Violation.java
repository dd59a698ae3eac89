package vn.baucu.platform;

import java.util.List;

/**
 * One broken rule, reported together with every other one (never only the first).
 *
 * @param code       stable code (e.g. {@code G-103}) that clients and tests can rely on
 * @param field      the field, parameter or column concerned; may be null
 * @param row        for file imports, the 1-based line or row number in the file; null otherwise
 * @param messageKey key of the localised message; the arguments fill its placeholders
 */
public record Violation(String code, String field, Integer row, String messageKey, List<Object> args) {

    public Violation {
        // the one catalogue: an unlisted code, or a listed one with another problem's message, fails here at once
        // (a message already rendered for an import row is not a key and is checked by code only)
        vn.baucu.rules.ViolationCode.require(code, vn.baucu.rules.ViolationCode.looksLikeKey(messageKey) ? messageKey : null);
        args = args == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
    }

    public static Violation of(String code, String field, String messageKey, Object... args) {
        return new Violation(code, field, null, messageKey, java.util.Arrays.asList(args));
    }

    public static Violation atRow(int row, String code, String field, String messageKey, Object... args) {
        return new Violation(code, field, row, messageKey, java.util.Arrays.asList(args));
    }
}
