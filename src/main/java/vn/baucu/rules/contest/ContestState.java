package vn.baucu.rules.contest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import vn.baucu.rules.ContestFigures;
import vn.baucu.rules.ContestFigures.CandidateFigures;
import vn.baucu.rules.Evaluation.Bar;
import vn.baucu.rules.Evaluation.FollowUp;
import vn.baucu.rules.Evaluation.Outcome;
import vn.baucu.rules.Evaluation.Reason;
import vn.baucu.rules.Evaluation.Share;
import vn.baucu.rules.Finding;
import vn.baucu.rules.FiguresRejected;

/** The working state of one evaluation as it passes through the rules of its rule set. */
public final class ContestState {

    final ContestFigures figures;
    Share base;
    Bar bar;
    long turnoutDenominator;
    final Set<String> elected = new LinkedHashSet<>();
    final List<Reason> reasons = new ArrayList<>();
    Outcome outcome;
    FollowUp followUp = FollowUp.NONE;
    boolean stopped;

    public ContestState(ContestFigures figures) {
        this.figures = figures;
    }

    /** Records a step; an undefined value (a percentage of zero) is written as a dash. */
    void reason(String code, String legalBasis, Object... args) {
        reasons.add(new Reason(code, Arrays.stream(args).map(a -> a == null ? "—" : a).toList(), legalBasis));
    }

    /** Ends the evaluation with this outcome: no later rule runs. */
    void stop(Outcome outcome, FollowUp followUp) {
        this.outcome = outcome;
        this.followUp = followUp;
        this.stopped = true;
    }

    /** Candidates that pass the bar, most votes first (ties in input order: the law breaks them, not the order). */
    List<CandidateFigures> passedByVotes() {
        return figures.candidates().stream().filter(c -> bar.passedBy(c.votes()))
                .sorted((a, b) -> Long.compare(b.votes(), a.votes())).toList();
    }

    void reject(Finding finding) {
        throw new FiguresRejected(false, List.of(finding));
    }

    public ContestFigures figures() {
        return figures;
    }

    public Share base() {
        return base;
    }

    public Bar bar() {
        return bar;
    }

    public long turnoutDenominator() {
        return turnoutDenominator;
    }

    public Set<String> elected() {
        return elected;
    }

    public List<Reason> reasons() {
        return reasons;
    }

    public Outcome outcome() {
        return outcome;
    }

    public FollowUp followUp() {
        return followUp;
    }

    public boolean stopped() {
        return stopped;
    }
}
