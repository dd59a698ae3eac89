package vn.baucu.election;

/** One commune's milestones of an election: how many its contests have, how many are done, how many overdue. */
public record MilestoneTally(String communeCode, int total, int done, int overdue) {
}
