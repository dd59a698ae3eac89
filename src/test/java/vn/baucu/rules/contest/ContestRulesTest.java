package vn.baucu.rules.contest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.baucu.rules.contest.Contests.aContest;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.baucu.rules.Evaluation.Base;
import vn.baucu.rules.Evaluation.FollowUpKind;
import vn.baucu.rules.Evaluation.Outcome;
import vn.baucu.rules.Round;
import vn.baucu.rules.RuleSet;

/** One table per named rule: the rule's clause, its boundary values, and nothing else. */
class ContestRulesTest {

    @ParameterizedTest(name = "{0} households, {1} votes -> passes: {2}")
    @CsvSource({"310, 110, false", "310, 155, false", "310, 156, true", "200, 100, false", "200, 101, true",
        "91, 46, true", "91, 45, false", "1, 1, true", "0, 0, false"})
    void majorityOfAllHouseholds(long households, long votes, boolean passes) {
        ContestState s = aContest(RuleSet.VILLAGE_HEAD_2023).electorate(households).participants(households)
                .candidate("c", votes).run(new MajorityOfAllHouseholds(Base.HOUSEHOLDS, "Luật 10/2022/QH15, Điều 21 khoản 1"));
        assertThat(s.bar().passedBy(votes)).isEqualTo(passes);
        assertThat(s.base().denominator()).isEqualTo(households);
    }

    @ParameterizedTest(name = "{0} valid, {1} votes -> passes: {2}")
    @CsvSource({"80000, 40000, false", "80000, 40001, true", "117900, 58950, false", "117900, 58951, true", "1, 1, true"})
    void majorityOfValidBallots(long valid, long votes, boolean passes) {
        ContestState s = aContest(RuleSet.NATIONAL_ASSEMBLY_2025).electorate(valid * 2).participants(valid).valid(valid)
                .candidate("c", votes).run(new MajorityOfValidBallots());
        assertThat(s.bar().passedBy(votes)).isEqualTo(passes);
    }

    @ParameterizedTest(name = "{0} convened, {1} excluded -> denominator {2}, {3} votes pass: {4}")
    @CsvSource({"11, 1, 10, 5, false", "11, 1, 10, 6, true", "8, 0, 8, 4, false", "9, 1, 8, 5, true", "9, 0, 9, 5, true",
        "100, 3, 97, 49, true", "100, 3, 97, 48, false"})
    void majorityOfAdjustedRoll(long convened, long excluded, long denominator, long votes, boolean passes) {
        ContestState s = aContest(RuleSet.PARTY_CELL_2024).electorate(convened).excluded(excluded).participants(denominator)
                .candidate("c", votes).run(new MajorityOfAdjustedRoll());
        assertThat(s.base().denominator()).isEqualTo(denominator);
        assertThat(s.bar().passedBy(votes)).isEqualTo(passes);
    }

    @ParameterizedTest(name = "{1} of {0} attend -> quorum: {2}")
    @CsvSource({"120, 60, false", "120, 61, true", "310, 216, true", "1, 0, false", "1, 1, true"})
    void meetingQuorumOfMoreThanHalf(long voters, long present, boolean quorum) {
        ContestState s = aContest(RuleSet.VILLAGE_HEAD_2008).electorate(voters).participants(present)
                .candidate("c", 0).run(new MeetingQuorumOfMoreThanHalf());
        assertThat(s.stopped()).isEqualTo(!quorum);
        if (!quorum) {
            assertThat(s.outcome()).isEqualTo(Outcome.NO_QUORUM);
        }
    }

    @ParameterizedTest(name = "{1} of {0} households present, method {2} -> household ballot: {3}")
    @CsvSource({"120, 60, SECRET_BALLOT, true", "120, 61, SECRET_BALLOT, false", "120, 60, SHOW_OF_HANDS, true",
        "150, 40, HOUSEHOLD_BALLOT, false"})
    void barUnreachableSwitchesToHouseholdBallot(long households, long present, String method, boolean switches) {
        Contests c = aContest(RuleSet.VILLAGE_HEAD_2023).electorate(households).participants(present).candidate("c", 0);
        if (method.equals("SHOW_OF_HANDS")) {
            c.showOfHands();
        } else if (method.equals("HOUSEHOLD_BALLOT")) {
            c.householdBallot();
        }
        ContestState s = c.run(new BarUnreachableSwitchesToHouseholdBallot());
        assertThat(s.stopped()).isEqualTo(switches);
        assertThat(s.followUp().kind()).isEqualTo(switches ? FollowUpKind.HOUSEHOLD_BALLOT : FollowUpKind.NONE);
    }

    @ParameterizedTest(name = "{1} of {0} voted, round {2}, {3} -> stops: {4}, follow-up {5} by {6}")
    @CsvSource({
        "100000, 50000, FIRST, NATIONAL_ASSEMBLY_2025, true, 2026-03-22, NATIONAL_ELECTION_COUNCIL",
        "100000, 50001, FIRST, NATIONAL_ASSEMBLY_2025, false, , ",
        "100000, 48000, REELECTION, NATIONAL_ASSEMBLY_2025, false, , ",
        "100000, 50000, FIRST, NATIONAL_ASSEMBLY_2015, true, 2026-03-30, NATIONAL_ELECTION_COUNCIL",
        "100000, 50000, FIRST, PEOPLES_COUNCIL_2025, true, 2026-03-22, ELECTION_COMMITTEE",
        "100000, 30000, ADDITIONAL, PEOPLES_COUNCIL_2025, true, 2026-03-22, ELECTION_COMMITTEE"})
    void turnoutOfMoreThanHalf(long listed, long voted, Round round, RuleSet rs, boolean stops, String latest, String body) {
        ContestState s = aContest(rs).round(round).electorate(listed).participants(voted).candidate("c", 0)
                .run(new TurnoutOfMoreThanHalf());
        assertThat(s.stopped()).isEqualTo(stops);
        if (stops) {
            assertThat(s.followUp().latestDate()).hasToString(latest);
            assertThat(s.followUp().decidedBy()).hasToString(body);
        }
    }

    @ParameterizedTest(name = "{0} seats, votes {1} -> elected {2}")
    @CsvSource(delimiter = ';', value = {
        "3; 70000 60000 50000 46000 30000; a b c",
        "2; 60000 50500 50500 10000; a c",
        "1; 40000 39000; ",
        "3; 60000 50000 40000 30000 20000; a b"})
    void olderCandidateWinsTie(int seats, String votes, String elected) {
        Contests c = aContest(RuleSet.NATIONAL_ASSEMBLY_2025).seats(seats).electorate(200000).participants(92000).valid(90000);
        String[] born = {"1970-01-01", "1975-06-01", "1968-02-03", "1980-01-01", "1985-01-01"};
        long[] v = Arrays.stream(votes.split(" ")).mapToLong(Long::parseLong).toArray();
        for (int i = 0; i < v.length; i++) {
            c.candidate(String.valueOf((char) ('a' + i)), v[i], born[i]);
        }
        ContestState s = c.run(new MajorityOfValidBallots(), new OlderCandidateWinsTie());
        assertThat(String.join(" ", s.elected())).isEqualTo(elected == null ? "" : elected);
    }

    @ParameterizedTest(name = "{0} seats, {1} elected -> {2}")
    @CsvSource({"5, 3, ADDITIONAL_ELECTION", "4, 3, NONE", "3, 2, NONE", "3, 1, ADDITIONAL_ELECTION", "2, 1, ADDITIONAL_ELECTION",
        "1, 0, ADDITIONAL_ELECTION", "5, 4, NONE", "5, 5, NONE"})
    void twoThirdsSeatsRule(int seats, int elected, FollowUpKind kind) {
        ContestState s = aContest(RuleSet.PEOPLES_COUNCIL_2025).seats(seats).electorate(100).participants(60).state();
        for (int i = 0; i < elected; i++) {
            s.elected.add("k" + i);
        }
        new TwoThirdsSeatsRule().apply(s);
        assertThat(s.followUp().kind()).isEqualTo(kind);
    }

    @ParameterizedTest(name = "NA {0} seats, {1} elected, round {2} -> {3}")
    @CsvSource({"3, 2, FIRST, ADDITIONAL_ELECTION", "3, 3, FIRST, NONE", "2, 0, REELECTION, ADDITIONAL_ELECTION",
        "1, 0, ADDITIONAL, NONE"})
    void nationalAssemblyAdditionalElection(int seats, int elected, Round round, FollowUpKind kind) {
        ContestState s = aContest(RuleSet.NATIONAL_ASSEMBLY_2025).round(round).seats(seats).electorate(100).participants(60)
                .state();
        for (int i = 0; i < elected; i++) {
            s.elected.add("k" + i);
        }
        new NationalAssemblyAdditionalElection().apply(s);
        assertThat(s.followUp().kind()).isEqualTo(kind);
    }

    @ParameterizedTest(name = "village tie {0}/{1} of {2} -> elected: {3}")
    @CsvSource({"140, 140, 300, ''", "160, 100, 300, a"})
    void noTieBreakForVillageHeads(long a, long b, long households, String elected) {
        ContestState s = aContest(RuleSet.VILLAGE_HEAD_2023).electorate(households).participants(households)
                .candidate("a", a).candidate("b", b)
                .run(new MajorityOfAllHouseholds(Base.HOUSEHOLDS, "x"), new NoTieBreakForVillageHeads(), new VillageHeadFollowUp());
        assertThat(String.join(" ", s.elected())).isEqualTo(elected);
        assertThat(s.followUp().kind()).isEqualTo(elected.isEmpty() ? FollowUpKind.REELECTION : FollowUpKind.NONE);
    }

    @ParameterizedTest(name = "party {0} seats, votes {1} of 20 -> elected {2}, next round: {3}")
    @CsvSource(delimiter = ';', value = {"2; 15 12 12; x; true", "2; 15 12 8; x y; false", "1; 10 9; ; true"})
    void tieGoesToNextRoundAndShortfallToo(int seats, String votes, String elected, boolean nextRound) {
        Contests c = aContest(RuleSet.PARTY_CELL_2024).seats(seats).electorate(20).participants(20);
        String[] ids = {"x", "y", "z"};
        long[] v = Arrays.stream(votes.split(" ")).mapToLong(Long::parseLong).toArray();
        for (int i = 0; i < v.length; i++) {
            c.candidate(ids[i], v[i]);
        }
        ContestState s = c.run(new MajorityOfAdjustedRoll(), new TieGoesToNextRound(), new PartyCellNextRound());
        assertThat(String.join(" ", s.elected())).isEqualTo(elected == null ? "" : elected);
        assertThat(s.followUp().kind() == FollowUpKind.NEXT_ROUND).isEqualTo(nextRound);
    }
}
