package vn.baucu.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.baucu.rules.PartyBallotCount.Mark.AGREE;
import static vn.baucu.rules.PartyBallotCount.Mark.BOTH;
import static vn.baucu.rules.PartyBallotCount.Mark.DISAGREE;
import static vn.baucu.rules.PartyBallotCount.Mark.KEPT;
import static vn.baucu.rules.PartyBallotCount.Mark.NEITHER;
import static vn.baucu.rules.PartyBallotCount.Mark.STRUCK;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import vn.baucu.rules.PartyBallotCount.Mark;
import vn.baucu.rules.PartyBallotCount.Paper;

/** Counting a Party ballot from its papers (law.md §3.2 and case 31). */
class PartyBallotCountTest {

    @Test
    void case31BothBoxesTickedLeavesThePaperValidWithoutAVoteForThatName() {
        var count = PartyBallotCount.count(3, 3, List.of(
                new Paper(true, List.of(AGREE, BOTH, DISAGREE)),
                new Paper(true, List.of(AGREE, AGREE, NEITHER)),
                new Paper(false, List.of(AGREE, AGREE, AGREE))));
        assertThat(count.problems()).isEmpty();
        assertThat(count.returned()).isEqualTo(3);
        assertThat(count.valid()).isEqualTo(2);
        assertThat(count.invalid()).isEqualTo(1);
        assertThat(count.invalidBy()).isEqualTo(Map.of("BALLOT_NOT_ISSUED", 1));
        assertThat(count.votes()).containsExactly(2L, 1L, 0L);
    }

    @Test
    void aSingleNameNeedsExactlyOneBox() {
        var count = PartyBallotCount.count(1, 1, List.of(new Paper(true, List.of(BOTH)), new Paper(true, List.of(NEITHER)),
                new Paper(true, List.of(AGREE)), new Paper(true, List.of(DISAGREE))));
        assertThat(count.valid()).isEqualTo(2);
        assertThat(count.invalidBy()).isEqualTo(Map.of("BALLOT_SINGLE_NAME_UNMARKED", 2));
        assertThat(count.votes()).containsExactly(1L);
    }

    @Test
    void aListWithSurplusIsStruckOutKeepingNoMoreThanTheSeats() {
        var count = PartyBallotCount.count(4, 3, List.of(
                new Paper(true, List.of(KEPT, KEPT, KEPT, STRUCK)),
                new Paper(true, List.of(KEPT, STRUCK, STRUCK, STRUCK)),
                new Paper(true, List.of(KEPT, KEPT, KEPT, KEPT)),
                new Paper(true, List.of(STRUCK, STRUCK, STRUCK, STRUCK))));
        assertThat(count.valid()).isEqualTo(2);
        assertThat(count.invalidBy()).isEqualTo(Map.of("BALLOT_TOO_MANY_KEPT", 1, "BALLOT_ALL_STRUCK", 1));
        assertThat(count.votes()).containsExactly(2L, 1L, 1L, 0L);
    }

    @Test
    void marksThatDoNotFitTheListAreNamedByPaper() {
        var count = PartyBallotCount.count(2, 2, List.of(new Paper(true, List.of(AGREE, AGREE)),
                new Paper(true, List.of(AGREE)), new Paper(true, List.of(KEPT, AGREE))));
        assertThat(count.problems()).extracting(PartyBallotCount.Issue::paper, PartyBallotCount.Issue::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "B-119"), org.assertj.core.groups.Tuple.tuple(2, "B-120"));
        assertThat(PartyBallotCount.count(3, 2, List.of(new Paper(true, List.of(AGREE, DISAGREE, AGREE)))).problems())
                .extracting(PartyBallotCount.Issue::messageKey).containsExactly("party.ballot-marks-strike");
    }

    /** Whatever the papers: valid + invalid = returned, and no name has more votes than there are valid papers. */
    @Test
    void theCountAlwaysAddsUp() {
        SplittableRandom random = new SplittableRandom(31);
        for (int run = 0; run < 2_000; run++) {
            int names = random.nextInt(1, 8);
            int seats = random.nextInt(1, names + 1);
            boolean agree = PartyBallotCount.agreeDisagree(names, seats);
            List<Paper> papers = new ArrayList<>();
            int[] valid = new int[1];
            for (int p = random.nextInt(0, 40); p > 0; p--) {
                List<Mark> marks = new ArrayList<>();
                for (int n = 0; n < names; n++) {
                    marks.add(agree ? Mark.values()[random.nextInt(4)] : random.nextBoolean() ? KEPT : STRUCK);
                }
                papers.add(new Paper(random.nextInt(10) > 0, marks));
            }
            var count = PartyBallotCount.count(names, seats, papers);
            assertThat(count.problems()).isEmpty();
            assertThat(count.valid() + count.invalid()).isEqualTo(papers.size());
            valid[0] = count.valid();
            assertThat(count.votes()).hasSize(names).allSatisfy(v -> assertThat(v).isBetween(0L, (long) valid[0]));
            long kept = papers.stream().filter(Paper::issued).filter(pp -> !agree)
                    .filter(pp -> pp.marks().stream().filter(m -> m == KEPT).count() > seats).count();
            assertThat(count.invalidBy().getOrDefault("BALLOT_TOO_MANY_KEPT", 0)).isEqualTo((int) kept);
        }
    }
}
