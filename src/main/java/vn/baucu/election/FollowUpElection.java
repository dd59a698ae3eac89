package vn.baucu.election;

import java.time.LocalDate;

/**
 * A follow-up election of one contest of an earlier election (Luật 85/2015/QH13, Điều 79–80; a village's re-election):
 * the new election, the contest it follows ({@code placeCode}), its round (ADDITIONAL or REELECTION) and its day.
 */
public record FollowUpElection(long electionId, String placeCode, String round, LocalDate electionDay) {
}
