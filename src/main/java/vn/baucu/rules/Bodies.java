package vn.baucu.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Election bodies and how many members each may have.
 *
 * <ul>
 *   <li>Election committee: province 23–37, commune 9–17 (Luật 85/2015/QH13, Điều 22).</li>
 *   <li>Election board: NA 9–17; provincial HĐND 11–15; commune HĐND 9–15 (Điều 24).</li>
 *   <li>Election team: 11–21; the separate polling area of an armed-forces unit 5–9 (Điều 25); a village
 *       head election team has no number set (Nghị định 59/2023/NĐ-CP, Điều 6 khoản 1 điểm b).</li>
 *   <li>Counting committee of a village meeting: 3–5 (Nghị định 59/2023/NĐ-CP, Điều 3 khoản 5 điểm c);
 *       household ballot team: 3–5 (Điều 4).</li>
 *   <li>Steering committees (Party) and Front working committees: no size in law.</li>
 * </ul>
 * Every body has exactly one chair.
 */
public final class Bodies {

    public enum Kind {
        STEERING_COMMITTEE, ELECTION_COMMITTEE, ELECTION_BOARD, ELECTION_TEAM, COUNTING_COMMITTEE,
        HOUSEHOLD_BALLOT_TEAM, FRONT_WORKING_COMMITTEE
    }

    public enum Role { CHAIR, VICE_CHAIR, SECRETARY, MEMBER }

    /** Inclusive bounds; {@code max} is {@link Integer#MAX_VALUE} where the law sets none. */
    public record Size(int min, int max, String legalBasis) {
        static final Size ANY = new Size(1, Integer.MAX_VALUE, "—");
    }

    private Bodies() {
    }

    /**
     * @param level        PROVINCE or COMMUNE (committees; HĐND boards)
     * @param armedForces  an election team of an armed-forces unit's separate polling area
     */
    public static Size size(Kind kind, RuleSet.Kind election, String level, boolean armedForces) {
        String law = "Luật 85/2015/QH13, ";
        return switch (kind) {
            case ELECTION_COMMITTEE -> "PROVINCE".equals(level) ? new Size(23, 37, law + "Điều 22 khoản 1")
                    : new Size(9, 17, law + "Điều 22 khoản 2");
            case ELECTION_BOARD -> election == RuleSet.Kind.NATIONAL_ASSEMBLY ? new Size(9, 17, law + "Điều 24 khoản 1")
                    : "PROVINCE".equals(level) ? new Size(11, 15, law + "Điều 24 khoản 1")
                    : new Size(9, 15, law + "Điều 24 khoản 1");
            case ELECTION_TEAM -> election == RuleSet.Kind.VILLAGE_HEAD || election == RuleSet.Kind.PARTY_CELL ? Size.ANY
                    : armedForces ? new Size(5, 9, law + "Điều 25 khoản 1") : new Size(11, 21, law + "Điều 25 khoản 1");
            case COUNTING_COMMITTEE -> new Size(3, 5, "Nghị định 59/2023/NĐ-CP, Điều 3 khoản 5 điểm c");
            case HOUSEHOLD_BALLOT_TEAM -> new Size(3, 5, "Nghị định 59/2023/NĐ-CP, Điều 4");
            case STEERING_COMMITTEE, FRONT_WORKING_COMMITTEE -> Size.ANY;
        };
    }

    /** The milestone whose deadline the forming decision must meet, for a kind of body and election. */
    public static String formationMilestone(Kind kind, RuleSet.Kind election) {
        return switch (kind) {
            case ELECTION_COMMITTEE -> "ELECTION_COMMITTEES_FORMED";
            case ELECTION_BOARD -> "ELECTION_BOARDS_FORMED";
            case ELECTION_TEAM -> election == RuleSet.Kind.VILLAGE_HEAD ? "ELECTION_TEAM_FORMED" : "ELECTION_TEAMS_FORMED";
            default -> null;
        };
    }

    /** Size and chair checks of a body with these members' roles. */
    public static List<Finding> check(Kind kind, RuleSet.Kind election, String level, boolean armedForces, List<Role> roles) {
        List<Finding> out = new ArrayList<>();
        Size size = size(kind, election, level, armedForces);
        if (roles.size() < size.min()) {
            out.add(Finding.error("O-101", "members", "body.too-few", roles.size(), size.min(), size.legalBasis()));
        }
        if (roles.size() > size.max()) {
            out.add(Finding.error("O-102", "members", "body.too-many", roles.size(), size.max(), size.legalBasis()));
        }
        long chairs = roles.stream().filter(r -> r == Role.CHAIR).count();
        if (chairs != 1 && !roles.isEmpty()) {
            out.add(Finding.error("O-103", "members", "body.one-chair", chairs));
        }
        return out;
    }
}
