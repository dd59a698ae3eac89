package vn.baucu.election;

import vn.baucu.rules.RuleSet;

/** The kinds of election baucu runs; each admits the rule sets of its kind. */
public enum ElectionKind {
    VILLAGE_HEAD, NATIONAL_ASSEMBLY, PEOPLES_COUNCIL, PARTY_CELL;

    public boolean admits(RuleSet ruleSet) {
        return ruleSet.kind().name().equals(name());
    }

    /** Village heads and Party cells hold one contest per village; NA and HĐND one per electoral unit. */
    public boolean contestPerVillage() {
        return this == VILLAGE_HEAD || this == PARTY_CELL;
    }
}
