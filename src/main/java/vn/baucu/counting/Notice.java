package vn.baucu.counting;

import java.util.List;

/**
 * A warning that went with an entry, with the explanation given for it (localised where it is shown).
 */
public record Notice(String code, String field, String messageKey, List<Object> args, String explanation) {
}
