package vn.baucu.counting;

import java.time.Instant;
import java.util.List;

/**
 * A counting minutes with every version. While a version waits for its second entry nobody sees the figures of the
 * first; once both are in, each entry and the differences are shown; the agreed figures once verified.
 */
public record MinutesView(MinutesSummary minutes, String placeName, String pollingAreaName, List<Version> versions) {

    public record Version(int number, MinutesStatus status, Instant openedAt, String openedBy, String correctionReason,
                          String correctionDecision, MinutesEntry figures, String resolution, String resolvedBy,
                          Instant certifiedAt, String certifiedBy, String signedBy, String sha256, String scanSha256,
                          List<Entry> entries, List<EntryReceipt.Difference> differences) {
    }

    /** An entry: who and when, and its figures only when they may be shown. */
    public record Entry(int attempt, int seq, String enteredBy, Instant enteredAt, String source, boolean discarded,
                        MinutesEntry figures) {
    }
}
