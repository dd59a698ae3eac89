package vn.baucu.election;

import java.util.List;

/**
 * What the election module needs to know of candidates, supplied by the candidates module (which
 * depends on this one, not the other way round): who stands where, to keep candidates off the board or
 * team of their own unit, and the final lists that the election's fingerprint covers.
 */
public interface CandidateRoster {

    /** Match keys of the names of the candidates (not withdrawn or struck off) of these contests. */
    List<String> candidateKeys(List<Long> contestIds);

    /** One canonical line per candidate on a final list of the election ("list|place|position|name|birth"). */
    List<String> finalListLines(long electionId);
}
