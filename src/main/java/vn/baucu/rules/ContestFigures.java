package vn.baucu.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * The counting figures of one contest, as the minutes state them. Ballot figures are null for a
 * show of hands.
 *
 * @param electorate         households of the village (village heads), voters on the unit's list (NA/HĐND),
 *                           full members or delegates convened (Party)
 * @param electorateExcluded Party only: those the rules take out of the roll (absent with an accepted reason…)
 * @param participants       households present / voters who voted / members present
 */
public record ContestFigures(RuleSet ruleSet, Round round, int seats, LocalDate electionDay, VotingMethod votingMethod,
                             long electorate, long electorateExcluded, long participants, Long ballotsIssued,
                             Long ballotsReturned, Long validBallots, Long invalidBallots,
                             List<CandidateFigures> candidates) {

    public ContestFigures {
        round = round == null ? Round.FIRST : round;
        votingMethod = votingMethod == null ? VotingMethod.SECRET_BALLOT : votingMethod;
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** One candidate's votes; {@code birthDate} matters only to break a tie by age. */
    public record CandidateFigures(String id, String name, LocalDate birthDate, long votes) {
    }

    public long totalVotes() {
        return candidates.stream().mapToLong(CandidateFigures::votes).sum();
    }

    /** A copy with other candidate figures (same contest). */
    public ContestFigures withCandidates(List<CandidateFigures> other) {
        return new ContestFigures(ruleSet, round, seats, electionDay, votingMethod, electorate, electorateExcluded,
                participants, ballotsIssued, ballotsReturned, validBallots, invalidBallots, other);
    }
}
