package vn.baucu.rules.contest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.baucu.rules.ContestFigures;
import vn.baucu.rules.ContestFigures.CandidateFigures;
import vn.baucu.rules.Round;
import vn.baucu.rules.RuleSet;
import vn.baucu.rules.VotingMethod;

/** Test data in the domain's words: {@code aContest(NA).seats(3).listed(100_000).voted(60_000).votes(…)}. */
final class Contests {

    private RuleSet ruleSet;
    private Round round = Round.FIRST;
    private int seats = 1;
    private long electorate;
    private long excluded;
    private long participants;
    private Long valid;
    private VotingMethod method = VotingMethod.SECRET_BALLOT;
    private LocalDate day = LocalDate.of(2026, 3, 15);
    private final List<CandidateFigures> candidates = new ArrayList<>();

    static Contests aContest(RuleSet ruleSet) {
        var c = new Contests();
        c.ruleSet = ruleSet;
        return c;
    }

    Contests seats(int n) {
        seats = n;
        return this;
    }

    Contests round(Round r) {
        round = r;
        return this;
    }

    Contests electorate(long n) {
        electorate = n;
        return this;
    }

    Contests excluded(long n) {
        excluded = n;
        return this;
    }

    Contests participants(long n) {
        participants = n;
        return this;
    }

    Contests valid(long n) {
        valid = n;
        return this;
    }

    Contests showOfHands() {
        method = VotingMethod.SHOW_OF_HANDS;
        return this;
    }

    Contests householdBallot() {
        method = VotingMethod.HOUSEHOLD_BALLOT;
        return this;
    }

    Contests candidate(String id, long votes) {
        candidates.add(new CandidateFigures(id, id, null, votes));
        return this;
    }

    Contests candidate(String id, long votes, String born) {
        candidates.add(new CandidateFigures(id, id, LocalDate.parse(born), votes));
        return this;
    }

    ContestFigures figures() {
        Long v = method == VotingMethod.SHOW_OF_HANDS ? null : valid == null ? participants : valid;
        Long p = method == VotingMethod.SHOW_OF_HANDS ? null : participants;
        return new ContestFigures(ruleSet, round, seats, day, method, electorate, excluded, participants, p, p, v,
                v == null ? null : participants - v, candidates);
    }

    ContestState state() {
        return new ContestState(figures());
    }

    /** Runs the given rules in order, as a rule set would, and returns the state. */
    ContestState run(ContestRule... rules) {
        ContestState s = state();
        for (ContestRule r : rules) {
            r.apply(s);
            if (s.stopped()) {
                break;
            }
        }
        return s;
    }
}
