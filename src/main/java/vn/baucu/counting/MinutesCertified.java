package vn.baucu.counting;

/**
 * Published in the transaction that certifies a version of a counting minutes (the first, or a correction): what is
 * built on the contest's minutes is to be recomputed from its certified versions.
 */
public record MinutesCertified(long electionId, long contestId, long minutesId, int version, String sha256,
                               boolean rehearsal) {
}
