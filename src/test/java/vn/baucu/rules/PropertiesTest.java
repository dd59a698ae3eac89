package vn.baucu.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import vn.baucu.rules.ContestFigures.CandidateFigures;
import vn.baucu.rules.Evaluation.CandidateResult;

/**
 * Properties of the evaluator over many random valid contests of every rule set (seeded, so a failure
 * is reproducible: the message names the seed and the figures).
 */
class PropertiesTest {

    static final int CONTESTS = 5_000;
    static final long SEED = 20_260_315L;

    /** A random contest whose figures satisfy every invariant. */
    static ContestFigures randomContest(SplittableRandom r) {
        RuleSet rs = RuleSet.values()[r.nextInt(RuleSet.values().length)];
        int maxSeats = Math.min(CandidateLists.maxSeatsPerUnit(rs.kind()), 7);
        int seats = 1 + r.nextInt(maxSeats);
        int n = seats + r.nextInt(4);
        long electorate = 1 + r.nextInt(2_000);
        long excluded = rs == RuleSet.PARTY_CELL_2024 ? r.nextInt((int) Math.min(electorate, 5) + 1) / 2 : 0;
        long participants = r.nextLong(electorate + 1);
        long returned = participants;
        long invalid = participants == 0 ? 0 : r.nextLong(Math.max(1, participants / 10));
        long valid = returned - invalid;
        List<CandidateFigures> cs = new ArrayList<>();
        long budget = valid * seats;
        for (int i = 0; i < n; i++) {
            long votes = valid == 0 ? 0 : r.nextLong(valid + 1);
            votes = Math.min(votes, budget);
            budget -= votes;
            // a few shared birth dates and equal votes make ties with and without an age decision
            LocalDate born = LocalDate.of(1950 + r.nextInt(40), 1 + r.nextInt(12), 1 + r.nextInt(28));
            cs.add(new CandidateFigures("c" + i, "C" + i, born, votes));
        }
        return new ContestFigures(rs, Round.values()[r.nextInt(3)], seats, LocalDate.of(2026, 3, 15),
                VotingMethod.SECRET_BALLOT, electorate, excluded, participants, participants, returned, valid, invalid, cs);
    }

    @Test
    void neverMoreElectedThanSeatsAndEveryElectedPassesTheBar() {
        SplittableRandom r = new SplittableRandom(SEED);
        for (int i = 0; i < CONTESTS; i++) {
            ContestFigures f = randomContest(r);
            Evaluation e = ContestEvaluator.evaluate(f);
            assertThat(e.elected().size()).as(f.toString()).isLessThanOrEqualTo(f.seats());
            for (CandidateResult c : e.candidates()) {
                if (c.elected()) {
                    assertThat(c.passedBar()).as(f.toString()).isTrue();
                    assertThat(e.bar().passedBy(c.votes())).as(f.toString()).isTrue();
                }
            }
        }
    }

    @Test
    void theOutcomeDoesNotDependOnTheOrderOfCandidates() {
        SplittableRandom r = new SplittableRandom(SEED + 1);
        for (int i = 0; i < CONTESTS; i++) {
            ContestFigures f = randomContest(r);
            List<CandidateFigures> shuffled = new ArrayList<>(f.candidates());
            Collections.shuffle(shuffled, new java.util.Random(r.nextLong()));
            Evaluation a = ContestEvaluator.evaluate(f);
            Evaluation b = ContestEvaluator.evaluate(f.withCandidates(shuffled));
            assertThat(b.outcome()).as(f.toString()).isEqualTo(a.outcome());
            assertThat(b.elected()).as(f.toString()).containsExactlyInAnyOrderElementsOf(a.elected());
            assertThat(b.followUp()).as(f.toString()).isEqualTo(a.followUp());
        }
    }

    @Test
    void addingVotesToAnElectedCandidateNeverUnelectsThem() {
        SplittableRandom r = new SplittableRandom(SEED + 2);
        int checked = 0;
        for (int i = 0; i < CONTESTS; i++) {
            ContestFigures f = randomContest(r);
            Evaluation e = ContestEvaluator.evaluate(f);
            for (String id : e.elected()) {
                List<CandidateFigures> more = new ArrayList<>();
                for (CandidateFigures c : f.candidates()) {
                    long extra = c.id().equals(id) ? 1 + r.nextLong(10) : 0;
                    more.add(new CandidateFigures(c.id(), c.name(), c.birthDate(), c.votes() + extra));
                }
                ContestFigures g = f.withCandidates(more);
                if (!MinutesInvariants.check(g).stream().allMatch(Finding::warning)) {
                    continue; // the extra votes would break the minutes' arithmetic: not a valid input
                }
                assertThat(ContestEvaluator.evaluate(g).elected()).as(g.toString()).contains(id);
                checked++;
            }
        }
        assertThat(checked).as("enough elected candidates were tried").isGreaterThan(1_000);
    }
}
