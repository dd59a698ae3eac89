package vn.baucu.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersAndAreasTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"ba, 3", "chín, 9", "mười, 10", "mười một, 11", "mười lăm, 15", "hai mươi, 20", "hai mươi mốt, 21",
        "ba mươi hai, 32", "ba mươi tám, 38", "hai mươi tư, 24", "một trăm linh năm, 105", "năm trăm, 500",
        "một trăm tám mươi hai, 182"})
    void vietnameseNumberWords(String words, int value) {
        assertThat(VietnameseNumbers.parse(words)).hasValue(value);
    }

    /** Repeated or misplaced words are no number (they used to be added up: "mười mười…" overflowed). */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"ba ba", "mười mười", "mười mười mười mười mười mười mười mười mười mười",
        "trăm trăm", "chín trăm chín trăm", "một mươi", "một trăm năm", "hai mươi không", "linh năm", "mười một hai", "", "ba con"})
    void malformedNumberWordsAreRefused(String words) {
        assertThat(VietnameseNumbers.parse(words)).isEmpty();
    }

    /** Every number from 0 to 999 as ICU spells it in Vietnamese reads back as itself. */
    @org.junit.jupiter.api.Test
    void everyNumberUpTo999SpelledByIcuReadsBack() {
        var spell = new com.ibm.icu.text.RuleBasedNumberFormat(com.ibm.icu.util.ULocale.forLanguageTag("vi"),
                com.ibm.icu.text.RuleBasedNumberFormat.SPELLOUT);
        for (int n = 0; n <= 999; n++) {
            assertThat(VietnameseNumbers.parse(spell.format(n))).as(spell.format(n)).hasValue(n);
        }
    }

    @ParameterizedTest(name = "{0} voters, exception {1} -> {2}")
    @CsvSource(delimiter = ';', value = {"300; ; ", "4000; ; ", "4001; ; A-101", "299; ; A-102", "120; REMOTE; ",
        "60; HOSPITAL; ", "49; HOSPITAL; A-103", "5000; ARMED_FORCES; A-101"})
    void pollingAreaSize(int voters, PollingAreas.Exception exception, String code) {
        assertThat(PollingAreas.check(voters, exception)).extracting(Finding::code)
                .containsExactly(code == null ? new String[0] : new String[] {code});
    }

    @ParameterizedTest(name = "{0}, {1} voters -> at least {2}")
    @CsvSource({"RESIDENCE, 80, 40", "RESIDENCE, 81, 41", "RESIDENCE, 99, 50", "RESIDENCE, 100, 55", "RESIDENCE, 5000, 55",
        "WORKPLACE, 90, 60", "WORKPLACE, 91, 61", "WORKPLACE, 100, 70"})
    void voterConferenceAttendance(VoterConferences.Place place, long voters, long minimum) {
        assertThat(VoterConferences.minimumPresent(place, voters)).isEqualTo(minimum);
        assertThat(VoterConferences.checkAttendance(place, voters, minimum)).isEmpty();
        assertThat(VoterConferences.checkAttendance(place, voters, minimum - 1)).extracting(Finding::code).containsExactly("V-202");
    }

    @ParameterizedTest(name = "{1} of {0} present trust -> {2}")
    @CsvSource({"60, 30, false", "60, 31, true", "55, 28, true", "55, 27, false"})
    void trustNeedsMoreThanHalfOfThosePresent(long present, long votes, boolean trusted) {
        assertThat(VoterConferences.trusted(present, votes)).isEqualTo(trusted);
    }
}
