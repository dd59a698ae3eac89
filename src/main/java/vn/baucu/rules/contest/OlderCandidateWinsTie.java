package vn.baucu.rules.contest;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import vn.baucu.rules.ContestFigures.CandidateFigures;
import vn.baucu.rules.Finding;

/**
 * NA / HĐND: when candidates tie for the last seat(s), the older wins. A tie that needs a birth date
 * that was not given cannot be decided (422). Two tied candidates born the same day: the law has no
 * further rule, so that seat is left unfilled and reported (documented default).
 *
 * <p>Luật 85/2015/QH13, Điều 78 khoản 4.
 */
final class OlderCandidateWinsTie extends SeatAllocation {

    @Override
    void resolveTie(ContestState s, List<CandidateFigures> tied, int remaining) {
        String basis = s.figures.ruleSet().law85() + ", Điều 78 khoản 4";
        for (CandidateFigures c : tied) {
            if (c.birthDate() == null) {
                s.reject(Finding.error("E-201", "candidates", "evaluation.tie-needs-birth-date", c.id(),
                        tied.stream().map(CandidateFigures::id).toList()));
            }
        }
        List<CandidateFigures> byAge = tied.stream().sorted(Comparator.comparing(CandidateFigures::birthDate)).toList();
        LocalDate boundary = byAge.get(remaining - 1).birthDate();
        boolean unbroken = byAge.get(remaining).birthDate().equals(boundary);
        for (CandidateFigures c : byAge) {
            boolean wins = unbroken ? c.birthDate().isBefore(boundary) : byAge.indexOf(c) < remaining;
            if (wins) {
                s.elected.add(c.id());
                s.reason("TIE_WON_BY_AGE", basis, c.id(), c.votes(), c.birthDate().toString());
            } else if (unbroken && c.birthDate().equals(boundary)) {
                s.reason("TIE_UNBROKEN_SAME_BIRTH_DATE", basis, c.id(), c.votes(), c.birthDate().toString());
            } else {
                s.reason("TIE_LOST_BY_AGE", basis, c.id(), c.votes(), c.birthDate().toString());
            }
        }
    }
}
