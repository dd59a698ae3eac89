package vn.baucu.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one counting minutes as typed from the paper, before anything is decided on them. Ballot figures
 * are null for a show of hands. {@code candidates} holds every name of the ballot by candidate id.
 *
 * <p>Legal fields: Luật 85/2015/QH13, Điều 76 khoản 2 (voters, voters who voted, ballots issued and collected, valid
 * and invalid ballots, votes per candidate, complaints received, settled and forwarded); Luật 10/2022/QH15, Điều 20
 * khoản 2 (village meetings: households, representatives present, households with no representative).
 */
public record EnteredMinutes(VotingMethod votingMethod, long electorate, long participants, Long ballotsIssued,
                             Long ballotsReturned, Long validBallots, Long invalidBallots, List<Votes> candidates,
                             long complaintsReceived, long complaintsSettled, long complaintsForwarded,
                             Long householdsUnrepresented) {

    public EnteredMinutes {
        votingMethod = votingMethod == null ? VotingMethod.SECRET_BALLOT : votingMethod;
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** One name's votes. */
    public record Votes(String id, long votes) {
    }

    /**
     * Every figure by its field name, in the order of the paper form ({@code candidates[101].votes} per name): what
     * two entries are compared on, field by field.
     */
    public Map<String, Object> fields() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("votingMethod", votingMethod.name());
        out.put("electorate", electorate);
        out.put("participants", participants);
        out.put("ballotsIssued", ballotsIssued);
        out.put("ballotsReturned", ballotsReturned);
        out.put("validBallots", validBallots);
        out.put("invalidBallots", invalidBallots);
        for (Votes v : candidates) {
            out.put("candidates[" + v.id() + "].votes", v.votes());
        }
        out.put("complaints.received", complaintsReceived);
        out.put("complaints.settled", complaintsSettled);
        out.put("complaints.forwarded", complaintsForwarded);
        out.put("householdsUnrepresented", householdsUnrepresented);
        return out;
    }

    /** The figures as the contest evaluation reads them. */
    public ContestFigures asContestFigures(RuleSet ruleSet, Round round, int seats, java.time.LocalDate electionDay) {
        return asContestFigures(ruleSet, round, seats, electionDay, Map.of());
    }

    /** As above, with each name (by candidate id) so that what is reported about a name says whose it is. */
    public ContestFigures asContestFigures(RuleSet ruleSet, Round round, int seats, java.time.LocalDate electionDay,
                                           Map<String, String> names) {
        return new ContestFigures(ruleSet, round, seats, electionDay, votingMethod, electorate, 0, participants,
                ballotsIssued, ballotsReturned, validBallots, invalidBallots,
                candidates.stream().map(v -> new ContestFigures.CandidateFigures(v.id(), names.get(v.id()), null, v.votes()))
                        .toList());
    }
}
