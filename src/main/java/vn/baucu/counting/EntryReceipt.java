package vn.baucu.counting;

import java.util.List;

/**
 * The answer to an entry (contracts/counting-minutes.md): the minutes as it now stands, the differences from the
 * other entry when this was the second, and the warnings this entry explained.
 */
public record EntryReceipt(MinutesSummary minutes, List<Difference> differences, List<Notice> warnings) {

    /** A field the two entries give differently ({@code candidates[102].votes}, 1150, 1105). */
    public record Difference(String field, Object first, Object second) {
    }
}
