package vn.baucu.rules;

/**
 * How the votes were given: secret ballot, show of hands at the meeting, or a paper opinion ballot
 * delivered to every household (village heads, Luật 10/2022 Điều 19 khoản 1 điểm b; Nghị định 59/2023 Điều 4).
 */
public enum VotingMethod {
    SECRET_BALLOT, SHOW_OF_HANDS, HOUSEHOLD_BALLOT;

    public boolean usesBallots() {
        return this != SHOW_OF_HANDS;
    }
}
