package vn.baucu.rules.contest;

import java.util.List;

import vn.baucu.rules.Evaluation.Base;
import vn.baucu.rules.RuleSet;

/** Each rule set as the ordered list of its named rules. */
public final class RuleSets {

    private RuleSets() {
    }

    public static List<ContestRule> of(RuleSet ruleSet) {
        return switch (ruleSet) {
            case VILLAGE_HEAD_2023 -> List.of(
                    new MajorityOfAllHouseholds(Base.HOUSEHOLDS, "Luật 10/2022/QH15, Điều 21 khoản 1"),
                    new BarUnreachableSwitchesToHouseholdBallot(),
                    new NoTieBreakForVillageHeads(),
                    new VillageHeadFollowUp());
            case VILLAGE_HEAD_2008 -> List.of(
                    new MajorityOfAllHouseholds(Base.VOTERS, "NQLT 09/2008/NQLT-CP-UBTWMTTQVN, Điều 8"),
                    new MeetingQuorumOfMoreThanHalf(),
                    new NoTieBreakForVillageHeads(),
                    new VillageHeadFollowUp());
            case NATIONAL_ASSEMBLY_2015, NATIONAL_ASSEMBLY_2025 -> List.of(
                    new MajorityOfValidBallots(),
                    new TurnoutOfMoreThanHalf(),
                    new OlderCandidateWinsTie(),
                    new NationalAssemblyAdditionalElection());
            case PEOPLES_COUNCIL_2015, PEOPLES_COUNCIL_2025 -> List.of(
                    new MajorityOfValidBallots(),
                    new TurnoutOfMoreThanHalf(),
                    new OlderCandidateWinsTie(),
                    new TwoThirdsSeatsRule());
            case PARTY_CELL_2024 -> List.of(
                    new MajorityOfAdjustedRoll(),
                    new TieGoesToNextRound(),
                    new PartyCellNextRound());
        };
    }

    /** The names of a rule set's rules, in order (for documentation and review). */
    public static List<String> names(RuleSet ruleSet) {
        return of(ruleSet).stream().map(r -> r.getClass().getSimpleName()).toList();
    }
}
