package vn.baucu.rules;

import java.time.LocalDate;

/**
 * Ages counted to the day on election day: a voter is 18 or over (Luật 85/2015/QH13, Điều 2; HĐBCQG:
 * born on or before 15/3/2008 for 15/3/2026), a candidate 21 or over (Điều 2; village heads: TT
 * 04/2012/TT-BNV Điều 11). Someone born on 29 February comes of age on 28 February in a common year
 * (documented default: {@link LocalDate#plusYears} clamps to the month's last day).
 */
public final class Eligibility {

    public static final int VOTER_AGE = 18;
    public static final int CANDIDATE_AGE = 21;

    /**
     * Who may not stand (Luật 85/2015/QH13, Điều 37): deprived of the right to stand by a court; serving a
     * prison term; without (or with limited) civil capacity; charged as a defendant; serving a sentence or
     * with a conviction not yet expunged; under an administrative detention measure.
     */
    public enum Exclusion {
        DEPRIVED_OF_RIGHT, PRISONER, INCAPACITATED, DEFENDANT, CONVICTED, ADMINISTRATIVE_DETENTION
    }

    private Eligibility() {
    }

    public static boolean hasReached(LocalDate birthDate, int years, LocalDate onDay) {
        return !birthDate.plusYears(years).isAfter(onDay);
    }

    public static boolean isVoterAge(LocalDate birthDate, LocalDate electionDay) {
        return hasReached(birthDate, VOTER_AGE, electionDay);
    }

    public static boolean isCandidateAge(LocalDate birthDate, LocalDate electionDay) {
        return hasReached(birthDate, CANDIDATE_AGE, electionDay);
    }
}
