package vn.baucu.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemoDataTest {

    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource({"1452, 171", "346663, 1452", "10, 10", "100, 7"})
    void spreadSumsExactlyAndGivesEveryPartAtLeastOne(int total, int parts) {
        int[] shares = DemoData.spread(total, parts, new SplittableRandom(1), 0.35, 1.65);
        assertThat(Arrays.stream(shares).sum()).isEqualTo(total);
        assertThat(Arrays.stream(shares).min().orElseThrow()).isPositive();
    }

    @ParameterizedTest
    @CsvSource({"1452, 171"})
    void spreadIsDeterministic(int total, int parts) {
        assertThat(DemoData.spread(total, parts, new SplittableRandom(7), 0.5, 1.5))
                .containsExactly(DemoData.spread(total, parts, new SplittableRandom(7), 0.5, 1.5));
    }

    @org.junit.jupiter.api.Test
    void meetingsAddUpToQuangNinhsPublishedFiguresAndEachIsACleanMinutes() {
        SplittableRandom random = new SplittableRandom(DemoData.SEED);
        int[] households = DemoData.spread(DemoData.HOUSEHOLDS, DemoData.VILLAGES, random, 0.35, 1.65);
        int[] names = new int[households.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = random.nextInt(100) < 85 ? 2 : 1;
        }
        var meetings = DemoCount.meetings(households, names, random);
        assertThat(meetings.stream().mapToInt(DemoCount.Meeting::households).sum()).isEqualTo(346_663);
        assertThat(meetings.stream().mapToInt(DemoCount.Meeting::participants).sum()).isEqualTo(340_134);
        // the bands by the printed percentage of all households, as the results document gives it
        java.util.Map<String, Long> bands = meetings.stream().collect(java.util.stream.Collectors.groupingBy(m -> {
            double printed = new java.math.BigDecimal(m.first() * 100.0 / m.households())
                    .setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
            return m.first() * 2 <= m.households() ? "none" : printed >= 90 ? "90+" : printed >= 70 ? "70-90" : "50-70";
        }, java.util.stream.Collectors.counting()));
        assertThat(bands).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("none", 3L, "90+", 1_061L, "70-90", 316L,
                "50-70", 72L));
        for (int i = 0; i < meetings.size(); i++) {
            DemoCount.Meeting m = meetings.get(i);
            assertThat(m.participants() * 2).as("quorum").isGreaterThan(m.households());
            assertThat(m.participants()).as("someone stayed away").isLessThan(m.households());
            assertThat(m.invalid()).isBetween(0, 2);
            assertThat(m.first() + m.second()).isLessThanOrEqualTo(m.valid());
            assertThat(m.second()).isLessThan(m.first()).isGreaterThanOrEqualTo(0);
            if (names[i] == 1) {
                assertThat(m.second()).isZero();
            }
        }
    }
}
