package vn.baucu.election;

import java.time.LocalDate;

/**
 * One contest as other modules see it (counting, results): where it is, its seats and rule set, and the state of its
 * election. {@code communeCode} is the village's commune for a village contest and null for an electoral unit (whose
 * polling areas lie in several communes); {@code rehearsalOf} is the real election a rehearsal copies.
 */
public record ContestRef(long id, long electionId, String electionName, ElectionKind kind, String ruleSet,
                         String councilLevel, LocalDate electionDay, String scopeCode, String placeCode, String placeName,
                         String communeCode, String provinceCode, boolean village, int seats, boolean frozen,
                         String fingerprint, Long rehearsalOf, String round) {

    public boolean rehearsal() {
        return rehearsalOf != null;
    }
}
