package vn.baucu.rules;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Composition statistics of a list of candidates (or of those elected), as officials publish them
 * (Sóc Trăng 2022: of 60 candidates, women 10%, re-running 48.33%…), every share with its denominator
 * and the one percentage policy; and the quotas of the NA list: at least 35% women and 18% ethnic
 * minority (Luật 85/2015/QH13, Điều 8).
 */
public final class Composition {

    public static final int NA_WOMEN_QUOTA = 35;
    public static final int NA_MINORITY_QUOTA = 18;

    /** What the statistics need of a person. {@code ethnicity} "Kinh" is the majority. */
    public record Profile(char sex, boolean incumbent, String ethnicity, String education, String politicalTheory,
                          boolean partyMember) {
    }

    public record Share(String key, long count, long of, String percent) {
    }

    public record Report(long total, List<Share> shares) {
        public Share share(String key) {
            return shares.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
        }
    }

    private Composition() {
    }

    public static Report of(List<Profile> people) {
        long n = people.size();
        return new Report(n, List.of(
                share("WOMEN", people, p -> p.sex() == 'F'),
                share("INCUMBENT", people, Profile::incumbent),
                share("FIRST_TIME", people, p -> !p.incumbent()),
                share("ETHNIC_MINORITY", people, Composition::minority),
                share("PARTY_MEMBER", people, Profile::partyMember),
                share("NON_PARTY", people, p -> !p.partyMember()),
                share("THEORY_ADVANCED", people, p -> "ADVANCED".equals(p.politicalTheory())),
                share("THEORY_INTERMEDIATE", people, p -> "INTERMEDIATE".equals(p.politicalTheory())),
                share("POSTGRADUATE", people, p -> p.education() != null
                        && p.education().toLowerCase(Locale.ROOT).matches(".*(thạc sĩ|tiến sĩ|master|doctor|phd).*"))));
    }

    /** Quota findings for an NA candidate list (warnings: the quotas bind the national list, not one unit). */
    public static List<Finding> naQuotas(Report r) {
        var out = new java.util.ArrayList<Finding>();
        if (r.share("WOMEN").count() * 100 < (long) NA_WOMEN_QUOTA * r.total()) {
            out.add(Finding.warning("Q-101", "candidates", "composition.women-below-quota", r.share("WOMEN").percent(),
                    NA_WOMEN_QUOTA));
        }
        if (r.share("ETHNIC_MINORITY").count() * 100 < (long) NA_MINORITY_QUOTA * r.total()) {
            out.add(Finding.warning("Q-102", "candidates", "composition.minority-below-quota",
                    r.share("ETHNIC_MINORITY").percent(), NA_MINORITY_QUOTA));
        }
        return out;
    }

    static boolean minority(Profile p) {
        return p.ethnicity() != null && !p.ethnicity().isBlank() && !p.ethnicity().strip().equalsIgnoreCase("Kinh");
    }

    private static Share share(String key, List<Profile> people, Predicate<Profile> test) {
        long count = people.stream().filter(test).count();
        return new Share(key, count, people.size(), Percentages.format(count, people.size()));
    }
}
