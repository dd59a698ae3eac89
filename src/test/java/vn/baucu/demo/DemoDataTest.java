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
}
