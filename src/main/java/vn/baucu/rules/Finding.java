package vn.baucu.rules;

import java.util.List;

/**
 * Something a rule found wrong with its input, language-neutral: a stable code, the field concerned,
 * a message key and its arguments (the caller localises). {@code warning} findings ask for an
 * explanation; the others block.
 */
public record Finding(String code, String field, String messageKey, List<Object> args, boolean warning) {

    public Finding {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Finding error(String code, String field, String messageKey, Object... args) {
        return new Finding(code, field, messageKey, List.of(args), false);
    }

    public static Finding warning(String code, String field, String messageKey, Object... args) {
        return new Finding(code, field, messageKey, List.of(args), true);
    }
}
