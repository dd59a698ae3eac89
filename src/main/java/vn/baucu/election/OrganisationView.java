package vn.baucu.election;

import java.time.LocalDate;
import java.util.List;

/**
 * A body with its members and what its composition breaks ({@code checks}: size, chair, a decision
 * after the legal deadline). Bodies are entered step by step, so the checks flag; they do not block.
 */
public record OrganisationView(long id, long electionId, Long contestId, String kind, String level, String place, String name,
                               String decisionNo, LocalDate decisionDate, String issuingBody, LocalDate deadline,
                               List<Member> members, List<vn.baucu.platform.Violation> checks, int version) {
}
