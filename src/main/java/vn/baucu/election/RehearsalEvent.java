package vn.baucu.election;

/**
 * Published inside the transaction that creates, resets or deletes a rehearsal, so that every module copies or clears
 * its own rows of the election in that same transaction (a failure anywhere undoes all of it). Listeners that delete
 * run in dependency order (counting before candidates before voters) and the election module removes its own rows
 * last.
 *
 * @param sourceId the real election a created rehearsal copies; null for a reset or a deletion
 */
public record RehearsalEvent(Kind kind, long rehearsalId, Long sourceId) {

    public enum Kind { CREATED, RESET, DELETING }
}
