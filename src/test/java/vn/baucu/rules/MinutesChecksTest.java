package vn.baucu.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The checks of an entered counting minutes, one row per case: the figures of a two-name village ballot (the
 * second name struck off after printing when the row says so) and the codes that must come out, errors and warnings.
 */
class MinutesChecksTest {

    static final LocalDate DAY = LocalDate.of(2022, 6, 5);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                   | rule set          | method        | list | elect | part | issued | ret | valid | inv | a   | b  | struck | recv | settled | fwd | errors            | warnings
            all well                                 | VILLAGE_HEAD_2008 | SECRET_BALLOT | 100  | 100   | 80   | 80     | 80  | 79    | 1   | 50  | 29 | false  | 0    | 0       | 0   |                   |
            electorate not the list                  | VILLAGE_HEAD_2008 | SECRET_BALLOT | 100  | 101   | 80   | 80     | 80  | 79    | 1   | 50  | 29 | false  | 0    | 0       | 0   | M-113             |
            no voter list                            | VILLAGE_HEAD_2008 | SECRET_BALLOT |      | 100   | 80   | 80     | 80  | 79    | 1   | 50  | 29 | false  | 0    | 0       | 0   | M-114             |
            struck name with votes                   | VILLAGE_HEAD_2008 | SECRET_BALLOT | 100  | 100   | 80   | 80     | 80  | 79    | 1   | 50  | 2  | true   | 0    | 0       | 0   | M-112             |
            struck name with none                    | VILLAGE_HEAD_2008 | SECRET_BALLOT | 100  | 100   | 80   | 80     | 80  | 79    | 1   | 50  | 0  | true   | 0    | 0       | 0   |                   |
            complaints do not add up                 | VILLAGE_HEAD_2008 | SECRET_BALLOT | 100  | 100   | 80   | 80     | 80  | 79    | 1   | 50  | 29 | false  | 1    | 1       | 1   | M-115             |
            household ballot under the 2008 rules    | VILLAGE_HEAD_2008 | HOUSEHOLD_BALLOT | 100 | 100 | 80   | 80     | 80  | 79    | 1   | 50  | 29 | false  | 0    | 0       | 0   | M-119             |
            household ballot under the 2023 rules    | VILLAGE_HEAD_2023 | HOUSEHOLD_BALLOT | 100 | 100 | 80   | 80     | 80  | 79    | 1   | 50  | 29 | false  | 0    | 0       | 0   |                   |
            everything broken at once                | VILLAGE_HEAD_2008 | SECRET_BALLOT | 100  | 90    | 95   | 90     | 95  | 90    | 10  | 91  | 9  | true   | 0    | 1       | 0   | M-101 M-102 M-103 M-104 M-105 M-112 M-113 M-115 |
            3% invalid needs an explanation          | VILLAGE_HEAD_2008 | SECRET_BALLOT | 100  | 100   | 80   | 80     | 80  | 77    | 3   | 50  | 27 | false  | 0    | 0       | 0   |                   | W-102
            just under 3% does not                   | VILLAGE_HEAD_2008 | SECRET_BALLOT | 100  | 100   | 81   | 81     | 81  | 79    | 2   | 50  | 29 | false  | 0    | 0       | 0   |                   |
            every voter voted                        | VILLAGE_HEAD_2008 | SECRET_BALLOT | 100  | 100   | 100  | 100    | 100 | 100   | 0   | 60  | 40 | false  | 0    | 0       | 0   |                   | W-103
            ballots not all returned                 | VILLAGE_HEAD_2008 | SECRET_BALLOT | 100  | 100   | 80   | 80     | 79  | 79    | 0   | 50  | 29 | false  | 0    | 0       | 0   |                   | W-104
            half or less took part                   | VILLAGE_HEAD_2008 | SECRET_BALLOT | 100  | 100   | 50   | 50     | 50  | 50    | 0   | 30  | 20 | false  | 0    | 0       | 0   |                   | W-105
            more returned than voted                 | VILLAGE_HEAD_2008 | SECRET_BALLOT | 100  | 100   | 80   | 81     | 81  | 81    | 0   | 50  | 31 | false  | 0    | 0       | 0   |                   | W-101
            """)
    void checks(String name, RuleSet ruleSet, VotingMethod method, Long list, long electorate, long participants, long issued,
                long returned, long valid, long invalid, long a, long b, boolean struck, long received, long settled,
                long forwarded, String errors, String warnings) {
        EnteredMinutes m = new EnteredMinutes(method, electorate, participants, issued, returned, valid, invalid,
                List.of(new EnteredMinutes.Votes("1", a), new EnteredMinutes.Votes("2", b)), received, settled, forwarded, null);
        var expected = new MinutesChecks.Expected(ruleSet, 1, DAY, List.of(new MinutesChecks.BallotName("1", "Phạm Văn Kiểm", true),
                new MinutesChecks.BallotName("2", "Lê Thị Phiếu", !struck)), list);
        List<String> found = MinutesChecks.errors(m, expected).stream().map(Finding::code).sorted().toList();
        assertThat(found).as(name).isEqualTo(codes(errors));
        if (found.isEmpty()) {
            assertThat(MinutesChecks.warnings(m).stream().map(Finding::code).sorted().toList()).as(name)
                    .isEqualTo(codes(warnings));
        }
    }

    static List<String> codes(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.strip().split("\\s+")).sorted().toList();
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource({"30, 30, ''", "30, 31, candidates[1].votes"})
    void twoEntriesAreComparedFieldByField(long first, long second, String field) {
        EnteredMinutes a = new EnteredMinutes(VotingMethod.SECRET_BALLOT, 100, 80, 80L, 80L, 79L, 1L,
                List.of(new EnteredMinutes.Votes("1", first)), 0, 0, 0, null);
        EnteredMinutes b = new EnteredMinutes(VotingMethod.SECRET_BALLOT, 100, 80, 80L, 80L, 79L, 1L,
                List.of(new EnteredMinutes.Votes("1", second)), 0, 0, 0, null);
        assertThat(MinutesChecks.compare(a, b).stream().map(MinutesChecks.Difference::field).toList())
                .isEqualTo(field.isEmpty() ? List.of() : List.of(field));
    }
}
