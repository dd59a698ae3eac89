package vn.baucu.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Standing in several contests held on the same day (Luật 85/2015/QH13, sửa đổi 2025):
 * <ul>
 *   <li>a person is on a contest's list once (Điều 36) — {@code K-104};</li>
 *   <li>an NA candidate stands in one electoral unit only (Điều 57 khoản 5) — {@code K-102};</li>
 *   <li>a person stands for the People's Council at two levels at most, and at one level only if also standing for
 *       the National Assembly (Điều 36 khoản 3) — {@code K-103}.</li>
 * </ul>
 * Village heads and Party cells are not counted: those rules are about the deputies' elections.
 */
public final class SameDayCandidacies {

    private SameDayCandidacies() {
    }

    /** A candidacy of the same person on the same election day: its kind of election, HĐND level, and contest. */
    public record Candidacy(RuleSet.Kind kind, String councilLevel, long contestId) {
    }

    /** What standing in {@code contestId} ({@code kind}, {@code councilLevel}) would break, given {@code others}. */
    public static List<Finding> check(RuleSet.Kind kind, String councilLevel, long contestId, List<Candidacy> others,
                                      String fullName) {
        List<Finding> out = new ArrayList<>();
        if (others.stream().anyMatch(o -> o.contestId() == contestId)) {
            out.add(Finding.error("K-104", "fullName", "candidate.already-in-contest", fullName));
            return out;
        }
        boolean na = others.stream().anyMatch(o -> o.kind() == RuleSet.Kind.NATIONAL_ASSEMBLY);
        if (kind == RuleSet.Kind.NATIONAL_ASSEMBLY && na) {
            out.add(Finding.error("K-102", "fullName", "candidate.second-na-unit", fullName));
        }
        if (kind == RuleSet.Kind.PEOPLES_COUNCIL || kind == RuleSet.Kind.NATIONAL_ASSEMBLY) {
            Set<String> levels = new HashSet<>();
            others.stream().filter(o -> o.kind() == RuleSet.Kind.PEOPLES_COUNCIL).forEach(o -> levels.add(o.councilLevel()));
            if (kind == RuleSet.Kind.PEOPLES_COUNCIL) {
                levels.add(councilLevel);
            }
            int max = na || kind == RuleSet.Kind.NATIONAL_ASSEMBLY ? 1 : 2;
            if (levels.size() > max) {
                out.add(Finding.error("K-103", "fullName", "candidate.too-many-levels", fullName, levels.size(), max));
            }
        }
        return out;
    }
}
