package vn.baucu.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import vn.baucu.rules.ContestFigures.CandidateFigures;
import vn.baucu.rules.Evaluation.CandidateResult;
import vn.baucu.rules.Evaluation.Outcome;
import vn.baucu.rules.contest.ContestRule;
import vn.baucu.rules.contest.ContestState;
import vn.baucu.rules.contest.RuleSets;

/**
 * Decides the legal outcome of one contest from its counting figures: checks that the figures are well
 * formed and add up, runs the rule set's named rules in order, then ranks and reports every candidate.
 * Pure and stateless; microseconds per contest.
 */
public final class ContestEvaluator {

    private ContestEvaluator() {
    }

    /**
     * @throws FiguresRejected with every finding, when the figures are malformed or break an invariant
     */
    public static Evaluation evaluate(ContestFigures figures) {
        List<Finding> malformed = MinutesInvariants.malformed(figures);
        if (!malformed.isEmpty()) {
            throw new FiguresRejected(true, malformed);
        }
        List<Finding> broken = MinutesInvariants.check(figures).stream().filter(f -> !f.warning()).toList();
        if (!broken.isEmpty()) {
            throw new FiguresRejected(false, broken);
        }
        ContestState state = new ContestState(figures);
        for (ContestRule rule : RuleSets.of(figures.ruleSet())) {
            rule.apply(state);
            if (state.stopped()) {
                break;
            }
        }
        Outcome outcome = state.stopped() ? state.outcome()
                : state.elected().isEmpty() ? Outcome.NONE_ELECTED
                : state.elected().size() >= figures.seats() ? Outcome.ELECTED_ALL : Outcome.ELECTED_SOME;
        boolean anyElected = !state.stopped();
        List<CandidateResult> results = new ArrayList<>();
        for (CandidateFigures c : figures.candidates()) {
            int rank = 1 + (int) figures.candidates().stream().filter(o -> o.votes() > c.votes()).count();
            results.add(new CandidateResult(c.id(), c.votes(), Percentages.format(c.votes(), state.base().denominator()),
                    state.bar().passedBy(c.votes()), rank, anyElected && state.elected().contains(c.id())));
        }
        List<String> elected = anyElected
                ? results.stream().filter(CandidateResult::elected)
                        .sorted(Comparator.comparingInt(CandidateResult::rank)).map(CandidateResult::id).toList()
                : List.of();
        return new Evaluation(figures.ruleSet(), outcome, elected, results, state.bar(), state.base(),
                Percentages.format(figures.participants(), state.turnoutDenominator()), state.followUp(),
                List.copyOf(state.reasons()));
    }
}
