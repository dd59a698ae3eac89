/**
 * Candidates: who stands in which contest, checked against the law (age, one NA unit, at most two
 * HĐND levels, the exclusions of Art. 37), their status from nomination to the official list and the
 * result, and the official lists in Vietnamese alphabetical order with the surplus rule. Depends on the
 * election module (contests) and supplies it the {@link vn.baucu.election.CandidateRoster}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Candidates")
package vn.baucu.candidates;
