package vn.baucu.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The row checks of a voter-list file, one case per line: the cells, the kind of list, the codes expected. */
class VoterRowsTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 15);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "-", value = {
        "a clean NA row;             Ngô Thị Lan; 05/05/1980; nữ;  022180000030; Kinh;   NATIONAL_ASSEMBLY; -",
        "18 on the very day;         Trẻ Vừa Đủ;  15/03/2008; nam; 022208000031; -;      NATIONAL_ASSEMBLY; -",
        "18 the day after;           Trẻ Quá;     16/03/2008; nam; 022208000032; -;      NATIONAL_ASSEMBLY; VOTER_TOO_YOUNG",
        "only the year known;        Chỉ Có Năm;  1970;       nam; 022070000033; -;      NATIONAL_ASSEMBLY; BIRTH_MONTH_UNKNOWN",
        "no name, bad date, bad sex; -;           31/02/1980; x;   022180000034; -;      NATIONAL_ASSEMBLY; NAME_REQUIRED BIRTH_DATE_INVALID SEX_INVALID",
        "a one-letter name;          A;           05/05/1980; nam; 022080000035; -;      NATIONAL_ASSEMBLY; NAME_LENGTH",
        "no id on an NA list;        Không Số;    05/05/1980; nam; -;            -;      NATIONAL_ASSEMBLY; PERSONAL_ID_REQUIRED",
        "no id on a household list;  Không Số;    05/05/1980; nam; -;            -;      VILLAGE_HEAD;      -",
        "11 digits;                  Thiếu Số;    05/05/1980; nam; 02208000003;  -;      NATIONAL_ASSEMBLY; PERSONAL_ID_INVALID",
        "id says another year;       Sai Năm;     05/05/1981; nam; 022080000036; -;      NATIONAL_ASSEMBLY; PERSONAL_ID_MISMATCH",
        "id says a woman;            Sai Giới;    05/05/1980; nam; 022180000037; -;      NATIONAL_ASSEMBLY; PERSONAL_ID_MISMATCH",
        "an unknown ethnicity;       Dân Lạ;      05/05/1980; nam; 022080000038; Elf;    NATIONAL_ASSEMBLY; ETHNICITY_UNKNOWN",
    })
    void aRow(String name, String fullName, String birth, String sex, String id, String ethnicity, RuleSet.Kind kind,
              String expected) {
        var checked = VoterRows.check(new VoterRows.Raw(fullName, birth, sex,
                sex.replace("ữ", "u"), id, ethnicity), kind, DAY);
        List<String> codes = checked.findings().stream().map(Finding::code).toList();
        assertThat(codes).as(name).containsExactlyElementsOf(expected == null ? List.of() : Arrays.asList(expected.split(" ")));
        assertThat(checked.rejected()).isEqualTo(codes.stream().anyMatch(c -> !c.equals("BIRTH_MONTH_UNKNOWN")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "one household, one representative;  H1:x H1:-;           ;                               1",
        "a second representative;            H1:x H1:x;           HOUSEHOLD_TWO_REPRESENTATIVES@3;  1",
        "a household without one;            H1:x H2:- H2:-;      HOUSEHOLD_NO_REPRESENTATIVE@3;    2",
        "a row without household;            H1:x :x;             HOUSEHOLD_REQUIRED@3;             1",
    })
    void households(String name, String rows, String expected, int households) {
        var tally = new VoterRows.Tally();
        List<String> found = new java.util.ArrayList<>();
        int row = 2;
        for (String cell : rows.strip().split(" ")) {
            String[] hr = cell.split(":", -1);
            int r = row++;
            tally.household(hr[0], VoterRows.representative(hr[1]), r).ifPresent(f -> found.add(f.code() + "@" + r));
        }
        tally.householdsWithoutRepresentative().forEach(m -> found.add(m.finding().code() + "@" + m.row()));
        assertThat(found).as(name).containsExactlyElementsOf(expected == null ? List.of() : List.of(expected.strip()));
        assertThat(tally.households()).isEqualTo(households);
    }

    @ParameterizedTest
    @CsvSource({"022180000030, 022180000031, 022180000030, PERSONAL_ID_DUPLICATE@3"})
    void theSecondRowWithAnIdIsTheOneFlagged(String a, String b, String c, String expected) {
        var tally = new VoterRows.Tally();
        List<String> found = new java.util.ArrayList<>();
        String[] ids = {a, b, c};
        for (int i = 0; i < ids.length; i++) {
            int row = i + 1;
            tally.personalId(ids[i]).ifPresent(f -> found.add(f.code() + "@" + row));
        }
        assertThat(found).containsExactly(expected);
    }

    @org.junit.jupiter.api.Test
    void theIdSetAgreesWithASetOfStrings() {
        var tally = new VoterRows.Tally();
        var reference = new java.util.HashSet<String>();
        var r = new java.util.SplittableRandom(7);
        for (int i = 0; i < 300_000; i++) {
            String id = String.format("%012d", r.nextLong(0, 400_000));   // many repeats, and id 000000000000
            assertThat(tally.personalId(id).isEmpty()).isEqualTo(reference.add(id));
        }
    }
}
