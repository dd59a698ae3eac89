package vn.baucu.election;

/**
 * Published in the transaction that creates a follow-up election of one village's contest, so that the voters and
 * candidates modules copy that village's list and its eligible candidates into it in the same transaction.
 */
public record FollowUpCreated(long sourceElectionId, String placeCode, long electionId) {
}
