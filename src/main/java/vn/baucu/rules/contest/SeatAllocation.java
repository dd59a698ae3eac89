package vn.baucu.rules.contest;

import java.util.List;

import vn.baucu.rules.ContestFigures.CandidateFigures;
import vn.baucu.rules.Percentages;

/**
 * Fills the seats from the candidates who passed the bar, most votes first. When more pass than there
 * are seats, the highest vote-getters win (Luật 85/2015/QH13, Điều 78 khoản 3); a tie at the last seat
 * is left to the rule set's tie rule ({@link #resolveTie}).
 */
abstract class SeatAllocation implements ContestRule {

    @Override
    public final void apply(ContestState s) {
        int seats = s.figures.seats();
        for (CandidateFigures c : s.figures.candidates()) {
            if (!s.bar.passedBy(c.votes())) {
                s.reason("BELOW_BAR", barBasis(s), c.id(), c.votes(), percent(s, c), s.bar.mustExceed());
            }
        }
        List<CandidateFigures> passed = s.passedByVotes();
        if (passed.size() <= seats) {
            passed.forEach(c -> elect(s, c, "ELECTED"));
            return;
        }
        long cutoff = passed.get(seats - 1).votes();
        List<CandidateFigures> above = passed.stream().filter(c -> c.votes() > cutoff).toList();
        List<CandidateFigures> tied = passed.stream().filter(c -> c.votes() == cutoff).toList();
        above.forEach(c -> elect(s, c, "ELECTED_BY_RANK"));
        int remaining = seats - above.size();
        if (tied.size() == remaining) {
            tied.forEach(c -> elect(s, c, "ELECTED_BY_RANK"));
        } else {
            resolveTie(s, tied, remaining);
        }
        passed.stream().filter(c -> c.votes() < cutoff)
                .forEach(c -> s.reason("OUTRANKED", "Luật 85/2015/QH13, Điều 78 khoản 3", c.id(), c.votes(), seats));
    }

    /** {@code tied} candidates (more than {@code remaining}) share the votes of the last seat(s). */
    abstract void resolveTie(ContestState s, List<CandidateFigures> tied, int remaining);

    static void elect(ContestState s, CandidateFigures c, String code) {
        s.elected.add(c.id());
        s.reason(code, barBasis(s), c.id(), c.votes(), percent(s, c));
    }

    static String percent(ContestState s, CandidateFigures c) {
        return Percentages.format(c.votes(), s.base.denominator());
    }

    private static String barBasis(ContestState s) {
        return s.reasons.isEmpty() ? s.figures.ruleSet().legalBasis() : s.reasons.get(0).legalBasis();
    }
}
