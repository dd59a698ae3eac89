package vn.baucu.election.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import com.code_intelligence.jazzer.junit.FuzzTest;

import vn.baucu.rules.VietnameseNumbers;

/**
 * Coverage-guided fuzzing of the reader of the National Election Council's resolution text (the units, their seats and
 * communes, numbers in words), from excerpts of NQ 85 in {@code UnitsResolutionFuzzTestInputs/}: any text gives
 * provinces and the problems found, each problem a resolution code (R-1xx) naming its line, never an exception; every
 * number read is one the law could write (0–999, or -1 where the problem is reported). The number reader on its own.
 * Writing these targets showed that repeated words ("mười mười …") were added up past int's range (now refused), and
 * the fuzzer's low rate of inputs a second pointed at lines read in quadratic time (now linear).
 * Regression mode (the seeds and every input that ever failed) in every test run; fuzzing mode: {@code bin/fuzz}.
 */
class UnitsResolutionFuzzTest {

    static final Set<String> TYPES = Set.of("phường", "xã", "đặc khu");

    @FuzzTest(maxDuration = "20s")
    void readsOrNamesTheProblem(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        UnitsResolution.Parsed parsed = UnitsResolution.parse(text);
        assertThat(parsed).isEqualTo(UnitsResolution.parse(text));
        parsed.problems().forEach(p -> {
            assertThat(p.code()).startsWith("R-1");
            assertThat(p.field()).matches("line \\d+|file");
        });
        parsed.provinces().forEach(province -> {
            assertThat(province.name()).isNotBlank();
            assertThat(province.line()).isPositive();
            assertThat(province.declaredUnits()).isBetween(-1, 999);
            assertThat(province.declaredSeats()).isBetween(-1, 999);
            province.units().forEach(u -> {
                assertThat(u.number()).isBetween(-1, 999_999);
                assertThat(u.seats()).isBetween(-1, 999);
                assertThat(u.line()).isPositive();
                u.communes().forEach(c -> {
                    assertThat(TYPES).contains(c.type());
                    assertThat(c.name()).isNotBlank().isEqualTo(c.name().strip());
                });
            });
        });
    }

    @FuzzTest(maxDuration = "20s")
    void readsNumberWords(byte[] bytes) {
        String words = new String(bytes, StandardCharsets.UTF_8);
        VietnameseNumbers.parse(words).ifPresent(n -> assertThat(n).isBetween(0, 999));
    }
}
