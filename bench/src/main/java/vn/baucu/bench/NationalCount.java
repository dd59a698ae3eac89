package vn.baucu.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import vn.baucu.rules.ContestFigures;
import vn.baucu.rules.ContestFigures.CandidateFigures;
import vn.baucu.rules.Round;
import vn.baucu.rules.RuleSet;
import vn.baucu.rules.VotingMethod;

/**
 * The 2026 national count in numbers: 72,195 polling-area-sized contests (about 1,050 voters, 3 seats,
 * 5 candidates, 99.7% turnout), deterministic. Every contest satisfies the minutes' invariants.
 */
final class NationalCount {

    static final int POLLING_AREAS = 72_195;

    private NationalCount() {
    }

    static List<ContestFigures> contests(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<ContestFigures> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long electorate = 300 + r.nextInt(1_500);
            long voted = electorate - r.nextInt((int) (electorate / 200) + 1);
            long invalid = r.nextInt(5);
            long valid = voted - invalid;
            List<CandidateFigures> cs = new ArrayList<>(5);
            long budget = valid * 3;
            for (int c = 0; c < 5; c++) {
                long votes = Math.min(budget, (long) (valid * (0.35 + r.nextDouble() * 0.6)));
                budget -= votes;
                cs.add(new CandidateFigures("c" + c, "Ứng cử viên " + c, LocalDate.of(1960 + c * 5, 1 + c, 10), votes));
            }
            out.add(new ContestFigures(RuleSet.NATIONAL_ASSEMBLY_2025, Round.FIRST, 3, LocalDate.of(2026, 3, 15),
                    VotingMethod.SECRET_BALLOT, electorate, 0, voted, voted, voted, valid, invalid, cs));
        }
        return out;
    }
}
