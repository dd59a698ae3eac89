package vn.baucu.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a posted list still changes (Điều 29 khoản 4: until 24 h before polls open at 07:00) and complaints' deadlines. */
class VoterListWindowsTest {

    @ParameterizedTest(name = "{1} for {0}: {2}")
    @CsvSource({
        "2026-03-15, 2026-03-14T06:59, true",
        "2026-03-15, 2026-03-14T07:00, true",
        "2026-03-15, 2026-03-14T07:01, false",
        "2026-03-15, 2026-03-15T06:00, false",
        "2022-06-05, 2022-06-01T12:00, true",
    })
    void changes(LocalDate electionDay, LocalDateTime now, boolean open) {
        assertThat(VoterListWindows.changesOpen(electionDay, now)).isEqualTo(open);
    }

    @ParameterizedTest(name = "posted {0}: complaints until {1}; received {1}: answer by {2}")
    @CsvSource({
        "2026-02-03, 2026-03-05, 2026-03-10",   // 2026: posted 3/2, complaints until 5/3, resolved by 10/3 (law.md §2.7)
        "2021-04-13, 2021-05-13, 2021-05-18",
    })
    void complaints(LocalDate posted, LocalDate until, LocalDate answerBy) {
        assertThat(VoterListWindows.complaintsUntil(posted)).isEqualTo(until);
        assertThat(VoterListWindows.answerDue(until)).isEqualTo(answerBy);
    }
}
