package vn.baucu.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything that must hold of one entered counting minutes before it is stored, every problem at once: the
 * arithmetic of {@link MinutesInvariants}; the ballot's names, each with its votes, a name struck off after printing
 * with none (ADR 0006); the electorate equal to the voter list on election day; the complaints adding up; the voting
 * method the contest allows. Then the plausibility warnings, which need a written explanation
 * ({@link #warnings(EnteredMinutes)}).
 *
 * <p>Legal basis: Luật 85/2015/QH13, Điều 73–76 (counting and its minutes), Điều 74 khoản 2 (no name may be crossed
 * out or changed on a ballot), Điều 29–34 (the voter list); Luật 10/2022/QH15, Điều 18–20; NĐ 59/2023/NĐ-CP, Điều 3.
 */
public final class MinutesChecks {

    /** A name as printed on the ballot, in ballot order; {@code counted} is false for a name struck off after printing. */
    public record BallotName(String id, String name, boolean counted) {
    }

    /**
     * What the minutes are checked against.
     *
     * @param listElectorate the voter list's electorate on election day (households for the 2023 village rules), or
     *                       null when the place has no list
     */
    public record Expected(RuleSet ruleSet, int seats, java.time.LocalDate electionDay, List<BallotName> ballot,
                           Long listElectorate) {
    }

    /** Invalid ballots from this share of those returned need an explanation (3%, a documented default). */
    public static final long INVALID_WARNING_PERCENT = 3;

    private MinutesChecks() {
    }

    /** The errors: any one blocks the entry. */
    public static List<Finding> errors(EnteredMinutes m, Expected expected) {
        Map<String, String> names = new java.util.HashMap<>();
        expected.ballot().forEach(b -> names.put(b.id(), b.name()));
        ContestFigures figures = m.asContestFigures(expected.ruleSet(), Round.FIRST, expected.seats(), expected.electionDay(),
                names);
        List<Finding> out = new ArrayList<>(MinutesInvariants.malformed(figures).stream()
                .filter(f -> !f.code().equals("E-005")).toList());
        if (out.isEmpty()) {
            out.addAll(MinutesInvariants.check(figures).stream().filter(f -> !f.warning()).toList());
        }
        if (!allowed(expected.ruleSet()).contains(m.votingMethod())) {
            out.add(Finding.error("M-119", "votingMethod", "minutes.method-not-allowed", m.votingMethod().name(),
                    expected.ruleSet().name()));
        }
        Map<String, BallotName> ballot = expected.ballot().stream()
                .collect(Collectors.toMap(BallotName::id, Function.identity()));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < m.candidates().size(); i++) {
            EnteredMinutes.Votes v = m.candidates().get(i);
            BallotName name = v.id() == null ? null : ballot.get(v.id());
            if (name == null) {
                out.add(Finding.error("M-111", "candidates[" + i + "].id", "minutes.name-not-on-ballot", String.valueOf(v.id())));
                continue;
            }
            seen.add(v.id());
            if (!name.counted() && v.votes() != 0) {
                out.add(Finding.error("M-112", "candidates[" + v.id() + "].votes", "minutes.struck-name-has-votes",
                        name.name(), v.votes()));
            }
        }
        for (BallotName name : expected.ballot()) {
            if (!seen.contains(name.id())) {
                out.add(Finding.error("M-110", "candidates[" + name.id() + "].votes", "minutes.name-missing", name.name()));
            }
        }
        if (expected.listElectorate() == null) {
            out.add(Finding.error("M-114", "electorate", "minutes.no-voter-list"));
        } else if (m.electorate() != expected.listElectorate()) {
            out.add(Finding.error("M-113", "electorate", "minutes.electorate-not-list", m.electorate(),
                    expected.listElectorate()));
        }
        if (m.complaintsReceived() < 0 || m.complaintsSettled() < 0 || m.complaintsForwarded() < 0) {
            out.add(Finding.error("E-003", "complaints", "evaluation.negative", "complaints",
                    Math.min(m.complaintsReceived(), Math.min(m.complaintsSettled(), m.complaintsForwarded()))));
        } else if (m.complaintsSettled() + m.complaintsForwarded() > m.complaintsReceived()) {
            out.add(Finding.error("M-115", "complaints", "minutes.complaints-above-received", m.complaintsSettled(),
                    m.complaintsForwarded(), m.complaintsReceived()));
        }
        if (m.householdsUnrepresented() != null && (m.householdsUnrepresented() < 0
                || m.householdsUnrepresented() + m.participants() > m.electorate())) {
            out.add(Finding.error("M-116", "householdsUnrepresented", "minutes.unrepresented-invalid",
                    m.householdsUnrepresented(), m.participants(), m.electorate()));
        }
        return out;
    }

    /**
     * The plausibility warnings (W-1xx): figures that can be true but that the team must explain in writing. Checked
     * only on figures without errors.
     */
    public static List<Finding> warnings(EnteredMinutes m) {
        List<Finding> out = new ArrayList<>();
        if (m.votingMethod().usesBallots() && m.ballotsReturned() != null && m.ballotsIssued() != null
                && m.invalidBallots() != null) {
            if (m.ballotsReturned() > m.participants()) {
                out.add(Finding.warning("W-101", "ballotsReturned", "minutes.returned-above-participants",
                        m.ballotsReturned(), m.participants()));
            }
            if (m.ballotsReturned() > 0 && m.invalidBallots() * 100 >= INVALID_WARNING_PERCENT * m.ballotsReturned()) {
                out.add(Finding.warning("W-102", "invalidBallots", "minutes.many-invalid", m.invalidBallots(),
                        Percentages.format(m.invalidBallots(), m.ballotsReturned()), INVALID_WARNING_PERCENT));
            }
            if (m.ballotsReturned() < m.ballotsIssued()) {
                out.add(Finding.warning("W-104", "ballotsReturned", "minutes.returned-below-issued", m.ballotsReturned(),
                        m.ballotsIssued()));
            }
        }
        if (m.electorate() > 0 && m.participants() == m.electorate()) {
            out.add(Finding.warning("W-103", "participants", "minutes.turnout-complete", m.participants()));
        }
        if (m.electorate() > 0 && m.participants() * 2 <= m.electorate()) {
            out.add(Finding.warning("W-105", "participants", "minutes.turnout-half-or-less", m.participants(),
                    m.electorate()));
        }
        return out;
    }

    /** The voting methods a rule set's contests may use. */
    public static Set<VotingMethod> allowed(RuleSet ruleSet) {
        return switch (ruleSet.kind()) {
            case NATIONAL_ASSEMBLY, PEOPLES_COUNCIL -> Set.of(VotingMethod.SECRET_BALLOT);
            case VILLAGE_HEAD -> ruleSet == RuleSet.VILLAGE_HEAD_2023
                    ? Set.of(VotingMethod.SECRET_BALLOT, VotingMethod.SHOW_OF_HANDS, VotingMethod.HOUSEHOLD_BALLOT)
                    : Set.of(VotingMethod.SECRET_BALLOT, VotingMethod.SHOW_OF_HANDS);
            case PARTY_CELL -> Set.of(VotingMethod.SECRET_BALLOT);
        };
    }

    /** A field that two entries of the same paper minutes give differently. */
    public record Difference(String field, Object first, Object second) {
    }

    /** Field by field, in the order of the form: every figure the two entries do not agree on. */
    public static List<Difference> compare(EnteredMinutes first, EnteredMinutes second) {
        Map<String, Object> a = first.fields();
        Map<String, Object> b = second.fields();
        List<Difference> out = new ArrayList<>();
        Set<String> keys = new java.util.LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String k : keys) {
            if (!java.util.Objects.equals(a.get(k), b.get(k))) {
                out.add(new Difference(k, a.get(k), b.get(k)));
            }
        }
        return out;
    }
}
