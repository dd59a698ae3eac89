package vn.baucu.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of one row of a voter-list file ({@code contracts/voter-list-format.md}), and of the rows together:
 * <ul>
 *   <li>a name of 2–100 characters; a birth date (a year or month alone is allowed, the 1st assumed and a month
 *       unknown warned of); 18 years old on election day (Luật 85/2015/QH13, Điều 2); the sex;</li>
 *   <li>a personal id of 12 digits that agrees with the birth date and sex (NĐ 137/2015/NĐ-CP, Điều 7), required
 *       for NA and HĐND lists, and once only in the file (Điều 29 khoản 2);</li>
 *   <li>an ethnicity of the official 54;</li>
 *   <li>for a village head list, a household on every row and exactly one representative per household (Luật
 *       10/2022/QH15, Điều 18–19).</li>
 * </ul>
 * Pure: the importer streams rows through {@link #check} and one {@link Tally} per file.
 */
public final class VoterRows {

    private VoterRows() {
    }

    /**
     * A row's cells as read (converted to Unicode and stripped); the importer cleans the name (NFC, spaces) and folds
     * the sex cell to its search key (no case or diacritics) before the check.
     */
    public record Raw(String fullName, String birthDate, String sex, String sexKey, String personalId, String ethnicity) {
    }

    /** A row once checked: its values and what is wrong with it (an error rejects the row; a warning does not). */
    public record Checked(String fullName, BirthDates.Parsed birth, char sex, String personalId, boolean idWellFormed,
                          String ethnicity, List<Finding> findings) {
        public boolean rejected() {
            return findings.stream().anyMatch(f -> !f.warning());
        }
    }

    public static Checked check(Raw raw, RuleSet.Kind kind, LocalDate electionDay) {
        List<Finding> out = new ArrayList<>();
        String name = raw.fullName();
        if (name == null || name.isEmpty()) {
            out.add(Finding.error("NAME_REQUIRED", "full_name", "voter.name-required"));
        } else if (name.length() < 2 || name.length() > 100) {
            out.add(Finding.error("NAME_LENGTH", "full_name", "voter.name-length", name.length()));
        }
        var birth = BirthDates.parse(raw.birthDate());
        if (birth.isEmpty()) {
            out.add(Finding.error("BIRTH_DATE_INVALID", "birth_date", "voter.birth-date-invalid", raw.birthDate()));
        } else {
            if (birth.get().precision() == BirthDates.Precision.YEAR) {
                out.add(Finding.warning("BIRTH_MONTH_UNKNOWN", "birth_date", "voter.birth-month-unknown"));
            }
            if (!Eligibility.isVoterAge(birth.get().date(), electionDay)) {
                out.add(Finding.error("VOTER_TOO_YOUNG", "birth_date", "voter.too-young", raw.birthDate(),
                        electionDay.toString()));
            }
        }
        char sex = sex(raw.sexKey());
        if (sex == '?') {
            out.add(Finding.error("SEX_INVALID", "sex", "voter.sex-invalid", raw.sex()));
        }
        String id = raw.personalId() == null ? "" : raw.personalId().replace(" ", "");
        boolean wellFormed = false;
        if (id.isEmpty()) {
            if (kind != RuleSet.Kind.VILLAGE_HEAD) {
                out.add(Finding.error("PERSONAL_ID_REQUIRED", "personal_id", "voter.id-required"));
            }
        } else if (!PersonalIds.wellFormed(id)) {
            out.add(Finding.error("PERSONAL_ID_INVALID", "personal_id", "voter.id-invalid", id));
        } else {
            wellFormed = true;
            var mismatch = PersonalIds.mismatch(id, birth.map(BirthDates.Parsed::date).orElse(null), sex);
            if (mismatch.isPresent() && sex != '?') {
                out.add(Finding.error("PERSONAL_ID_MISMATCH", "personal_id", "voter.id-mismatch." + mismatch.get()));
            }
        }
        String ethnicity = raw.ethnicity() == null ? "" : raw.ethnicity();
        String canonical = Ethnicities.canonical(ethnicity).orElse(null);
        if (!ethnicity.isEmpty() && canonical == null) {
            out.add(Finding.error("ETHNICITY_UNKNOWN", "ethnicity", "voter.ethnicity-unknown", ethnicity));
        }
        return new Checked(name, birth.orElse(null), sex, id.isEmpty() ? null : id, wellFormed, canonical,
                out.isEmpty() ? List.of() : List.copyOf(out));
    }

    /** "nam", "m", "male" → 'M'; "nu", "f", "female" → 'F' (folded text); anything else '?'. */
    public static char sex(String key) {
        return switch (key == null ? "" : key) {
            case "nam", "m", "male" -> 'M';
            case "nu", "f", "female" -> 'F';
            default -> '?';
        };
    }

    /** Whether a "representative" cell (folded) marks the household's representative: x, 1, có, yes, true. */
    public static boolean representative(String key) {
        return REPRESENTATIVE.contains(String.valueOf(key));
    }

    private static final Set<String> REPRESENTATIVE = Set.of("x", "1", "co", "yes", "true");

    /** What the rows of one file must satisfy together: each personal id once, each household one representative. */
    public static final class Tally {
        private final LongSet ids = new LongSet();
        private final Map<String, int[]> households = new HashMap<>();   // household -> {representatives, first row}

        /**
         * The second and later rows with the same (well-formed, 12-digit) personal id are the ones flagged (the earlier
         * row stands).
         */
        public Optional<Finding> personalId(String id) {
            return ids.add(Long.parseLong(id)) ? Optional.empty()
                    : Optional.of(Finding.error("PERSONAL_ID_DUPLICATE", "personal_id", "voter.id-duplicate", id));
        }

        /** A row of a household list: its household (required) and whether it is the representative. */
        public Optional<Finding> household(String household, boolean representative, int row) {
            if (household == null || household.isEmpty()) {
                return Optional.of(Finding.error("HOUSEHOLD_REQUIRED", "household_id", "voter.household-required"));
            }
            int[] h = households.computeIfAbsent(household, k -> new int[] {0, row});
            if (representative && ++h[0] == 2) {
                return Optional.of(Finding.error("HOUSEHOLD_TWO_REPRESENTATIVES", "representative", "voter.household-two",
                        household));
            }
            return Optional.empty();
        }

        /** A household with no representative, flagged at its first row. */
        public record Missing(int row, Finding finding) {
        }

        public List<Missing> householdsWithoutRepresentative() {
            List<Missing> out = new ArrayList<>();
            households.forEach((household, h) -> {
                if (h[0] == 0) {
                    out.add(new Missing(h[1], Finding.error("HOUSEHOLD_NO_REPRESENTATIVE", "representative",
                            "voter.household-none", household)));
                }
            });
            return out;
        }

        public int households() {
            return households.size();
        }
    }

    /**
     * The personal ids of a file as numbers in an open-addressing table (12 digits fit in a long): a million ids take
     * 16 MB instead of the ~100 MB of a set of strings, and no allocation per row.
     */
    static final class LongSet {
        private long[] slots = new long[1 << 12];
        private int size;

        /** Adds {@code value} (≥ 0); false when it was there already. */
        boolean add(long value) {
            if (size * 2 >= slots.length) {
                grow();
            }
            if (put(slots, value + 1)) {
                size++;
                return true;
            }
            return false;
        }

        private static boolean put(long[] table, long stored) {
            int mask = table.length - 1;
            int i = (int) mix(stored) & mask;
            while (table[i] != 0) {
                if (table[i] == stored) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            table[i] = stored;
            return true;
        }

        private void grow() {
            long[] bigger = new long[slots.length * 2];
            for (long v : slots) {
                if (v != 0) {
                    put(bigger, v);
                }
            }
            slots = bigger;
        }

        private static long mix(long v) {
            v ^= v >>> 33;
            v *= 0xff51afd7ed558ccdL;
            v ^= v >>> 33;
            return v;
        }
    }
}
