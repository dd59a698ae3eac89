package vn.baucu.counting;

import java.time.Instant;

/**
 * A counting minutes in a list: its place, current version and status, and how many entries its current attempt has.
 * {@code pollingArea} is null for a village meeting.
 */
public record MinutesSummary(long id, long electionId, String place, Long pollingArea, String communeCode, int version,
                             MinutesStatus status, int entries, Instant certifiedAt, String sha256) {
}
