package vn.baucu.rules;

import java.util.List;

/**
 * Something a rule found wrong with its input, language-neutral: a stable code, the field concerned,
 * a message key and its arguments (the caller localises). {@code warning} findings ask for an
 * explanation; the others block.
 */
public record Finding(String code, String field, String messageKey, List<Object> args, boolean warning) {

    public Finding {
        ViolationCode.require(code, messageKey);
        // arguments may be null (an unknown value is reported as such), so no List.copyOf
        args = args == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
    }

    public static Finding error(String code, String field, String messageKey, Object... args) {
        return new Finding(code, field, messageKey, java.util.Arrays.asList(args), false);
    }

    public static Finding warning(String code, String field, String messageKey, Object... args) {
        return new Finding(code, field, messageKey, java.util.Arrays.asList(args), true);
    }
}
