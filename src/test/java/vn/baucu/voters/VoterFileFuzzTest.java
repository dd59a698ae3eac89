package vn.baucu.voters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Constructor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.unit.DataSize;

import com.code_intelligence.jazzer.junit.FuzzTest;

import vn.baucu.platform.DomainException;
import vn.baucu.platform.ZipBombGuard;
import vn.baucu.rules.RuleSet;

/**
 * Coverage-guided fuzzing of the voter-list reader and its row checks (the clerk's CSV and XLSX uploads, in any of the
 * encodings baucu converts), from valid files in {@code VoterFileFuzzTestInputs/}: any bytes give a report or a
 * problem naming the file's defect, never another exception; the report adds up (every row accepted or rejected, once
 * — the fuzzer found a village row counted twice when it was refused on its own and its household had no
 * representative), and no accepted row has a name that is not clean text.
 * Regression mode (the seeds and every input the fuzzer ever failed on) in every test run; fuzzing mode: {@code bin/fuzz}.
 */
class VoterFileFuzzTest {

    static final VoterLists LISTS = lists();

    @FuzzTest(maxDuration = "30s")
    void validatesOrNamesTheProblem(byte[] bytes) {
        for (RuleSet ruleSet : new RuleSet[] {RuleSet.NATIONAL_ASSEMBLY_2025, RuleSet.VILLAGE_HEAD_2023}) {
            List<VoterLists.Voter> accepted = new ArrayList<>();
            try {
                VoterListReport report = LISTS.validate(() -> new ByteArrayInputStream(bytes), ruleSet,
                        LocalDate.of(2026, 3, 15), Locale.forLanguageTag("vi"), accepted::add);
                // rows go to the sink as they pass their own checks; a household found without its representative
                // at the end of the file refuses its first row then (and, rows refused, the import refuses the file)
                if (ruleSet.kind() == RuleSet.Kind.VILLAGE_HEAD) {
                    assertThat(report.accepted()).isBetween(0L, (long) accepted.size());
                } else {
                    assertThat(report.accepted()).isEqualTo(accepted.size());
                }
                assertThat(report.rejected()).isNotNegative();
                assertThat(report.accepted() + report.rejected()).isEqualTo(report.rows());
                report.errors().forEach(e -> {
                    assertThat(e.row()).isPositive();
                    assertThat(e.message()).isNotBlank();
                });
                accepted.forEach(v -> {
                    assertThat(v.fullName()).isNotBlank().doesNotContain("\uFFFD", "\0");
                    assertThat(v.birthDate()).isNotNull();
                });
            } catch (DomainException e) {
                assertThat(e.violations()).isNotEmpty();
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aRowRefusedOnItsOwnAndForItsHouseholdCountsOnce() {
        String csv = "Họ và tên,Ngày sinh,Giới tính,Mã hộ,Đại diện hộ\n"
                + "Nguyễn Văn An,31/02/1980,Nam,H1,\n"       // no such day, and H1 has no representative
                + "Trần Thị Bình,01/01/1985,Nữ,H2,x\n";
        VoterListReport report = LISTS.validate(() -> new ByteArrayInputStream(csv.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), RuleSet.VILLAGE_HEAD_2023, LocalDate.of(2026, 3, 15),
                Locale.forLanguageTag("vi"), v -> { });
        assertThat(report.rows()).isEqualTo(2);
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.errors()).extracting(VoterListReport.Issue::row).containsOnly(2);
        assertThat(report.errors()).hasSizeGreaterThanOrEqualTo(2);
    }

    static VoterLists lists() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        try {
            Constructor<ZipBombGuard> guard = ZipBombGuard.class.getDeclaredConstructor(DataSize.class, DataSize.class,
                    int.class);
            guard.setAccessible(true);
            return new VoterLists(guard.newInstance(DataSize.ofMegabytes(64), DataSize.ofMegabytes(4), 100), messages,
                    null, null, null, null, null, null, null, null, null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
