package vn.baucu.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.baucu.rules.ContestFigures.CandidateFigures;

/** Table-driven tests of the public rule classes: percentages, ages, working days, invariants. */
class RulesTablesTest {

    @ParameterizedTest(name = "{0}/{1} -> {2}")
    @CsvSource({"110, 310, 35.48", "22566, 100000, 22.57", "90100, 117900, 76.42", "1, 3, 33.33", "2, 3, 66.67",
        "5, 1000, 0.50", "1, 8, 12.50", "1, 200, 0.50", "1, 400, 0.25", "0, 7, 0.00", "7, 7, 100.00",
        "76188970, 76430000, 99.68"})
    void percentagesAreTwoDecimalsHalfUp(long part, long whole, String expected) {
        assertThat(Percentages.format(part, whole)).isEqualTo(expected);
    }

    @Test
    void aPercentageOfNothingIsUndefined() {
        assertThat(Percentages.format(0, 0)).isNull();
    }

    @ParameterizedTest(name = "born {0}, election {1}: voter {2}, candidate {3}")
    @CsvSource({"2008-03-15, 2026-03-15, true, false", "2008-03-16, 2026-03-15, false, false",
        "2005-03-15, 2026-03-15, true, true", "2005-03-16, 2026-03-15, true, false",
        "2008-02-29, 2026-02-28, true, false", "2008-02-29, 2026-02-27, false, false"})
    void agesAreCountedToTheDay(LocalDate born, LocalDate day, boolean voter, boolean candidate) {
        assertThat(Eligibility.isVoterAge(born, day)).isEqualTo(voter);
        assertThat(Eligibility.isCandidateAge(born, day)).isEqualTo(candidate);
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
        "2025-11-30, 5, 2025-12-05",   // ordinary week
        "2025-01-19, 5, 2025-01-24",   // the week before Tết 2025
        "2025-01-24, 5, 2025-02-07",   // across Tết 2025 (27/1–31/1 off)
        "2025-08-29, 1, 2025-09-03",   // National Day 2025: 1/9 and 2/9 off (30–31/8 weekend)
        "2025-04-29, 1, 2025-05-05",   // 30/4 and 1/5 off, 2/5 swapped day off
        "2025-12-05, -5, 2025-11-28"}) // backwards
    void workingDaysSkipWeekendsAndDaysOff(LocalDate from, int n, LocalDate expected) {
        assertThat(WorkingDays.bundled().plus(from, n)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is a working day: {1}")
    @CsvSource({"2025-01-27, false", "2025-02-03, true", "2025-09-02, false", "2025-11-29, false", "2025-12-01, true"})
    void workingDayTable(LocalDate day, boolean working) {
        assertThat(WorkingDays.bundled().isWorkingDay(day)).isEqualTo(working);
    }

    @Test
    void aSwappedWorkingSaturdayIsWorkedAndItsSwappedWeekdayIsNot() throws Exception {
        String csv = "date,kind,name,source\n2024-05-04,SWAPPED_WORKING_SATURDAY,x,y\n2024-04-29,SWAPPED_DAY_OFF,x,y\n";
        WorkingDays table = WorkingDays.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(table.isWorkingDay(LocalDate.of(2024, 5, 4))).isTrue();
        assertThat(table.isWorkingDay(LocalDate.of(2024, 4, 29))).isFalse();
        assertThat(table.isWorkingDay(LocalDate.of(2024, 5, 11))).isFalse();
    }

    @Test
    void aYearOutsideTheTableIsRefusedNotGuessed() {
        assertThatThrownBy(() -> WorkingDays.bundled().isWorkingDay(LocalDate.of(2028, 1, 3)))
                .isInstanceOf(FiguresRejected.class).hasMessageContaining("C-102");
        assertThatThrownBy(() -> WorkingDays.bundled().isWorkingDay(LocalDate.of(2019, 12, 31)))
                .isInstanceOf(FiguresRejected.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "participants above electorate; 100; 120; 120; 120; 120; 0; 50; M-101",
        "valid + invalid above returned; 200; 150; 150; 150; 150; 10; 50; M-102",
        "returned above issued; 200; 150; 140; 150; 140; 0; 50; M-103",
        "votes above valid; 200; 150; 150; 150; 100; 0; 120; M-104 M-105",
        "all at once; 100; 120; 100; 110; 100; 20; 110; M-101 M-102 M-103 M-104 M-105"})
    void everyBrokenInvariantIsReportedAtOnce(String name, long electorate, long participants, long issued, long returned,
                                              long valid, long invalid, long votes, String codes) {
        var f = new ContestFigures(RuleSet.NATIONAL_ASSEMBLY_2025, Round.FIRST, 1, null, VotingMethod.SECRET_BALLOT,
                electorate, 0, participants, issued, returned, valid, invalid,
                List.of(new CandidateFigures("a", "A", null, votes)));
        assertThat(MinutesInvariants.check(f).stream().filter(x -> !x.warning()).map(Finding::code).toList())
                .containsExactly(codes.split(" "));
    }

    @Test
    void ballotsReturnedAboveVotersIsAWarningNotAnError() {
        var f = new ContestFigures(RuleSet.NATIONAL_ASSEMBLY_2025, Round.FIRST, 1, null, VotingMethod.SECRET_BALLOT,
                200, 0, 100, 110L, 105L, 100L, 5L, List.of(new CandidateFigures("a", "A", null, 60)));
        assertThat(MinutesInvariants.check(f)).extracting(Finding::code, Finding::warning)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("W-101", true));
    }

    @Test
    void showOfHandsBoundsVotesByThoseWhoRaisedThem() {
        var f = new ContestFigures(RuleSet.VILLAGE_HEAD_2023, Round.FIRST, 1, null, VotingMethod.SHOW_OF_HANDS,
                100, 0, 60, null, null, null, null,
                List.of(new CandidateFigures("a", "A", null, 61), new CandidateFigures("b", "B", null, 10)));
        assertThat(MinutesInvariants.check(f).stream().map(Finding::code).toList()).containsExactly("M-107", "M-106");
    }

    @ParameterizedTest(name = "{0}: seats {1}, {2} names -> {3}")
    @CsvSource(delimiter = ';', value = {"NATIONAL_ASSEMBLY_2025; 3; 5; ", "NATIONAL_ASSEMBLY_2025; 3; 4; L-102",
        "NATIONAL_ASSEMBLY_2025; 4; 6; L-101", "PEOPLES_COUNCIL_2025; 5; 8; ", "PEOPLES_COUNCIL_2025; 6; 9; L-101",
        "PEOPLES_COUNCIL_2025; 1; 1; L-102", "PARTY_CELL_2024; 7; 10; L-103", "PARTY_CELL_2024; 7; 9; ",
        "VILLAGE_HEAD_2008; 1; 3; L-103", "VILLAGE_HEAD_2023; 1; 0; L-102"})
    void candidateListChecks(RuleSet rs, int seats, int names, String codes) {
        assertThat(CandidateLists.check(rs, seats, names).stream().map(Finding::code).toList())
                .containsExactly(codes == null ? new String[0] : codes.split(" "));
    }
}
