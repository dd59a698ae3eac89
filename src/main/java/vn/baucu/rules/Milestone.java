package vn.baucu.rules;

import java.time.LocalDate;

/**
 * One legal deadline of an election.
 *
 * @param offset    from election day E (or meeting day D): calendar days ({@code -105d}) or working days ({@code +5wd})
 * @param after     for a deadline counted from another milestone (recognition after the minutes arrive), its code
 * @param until     for {@link Relation#WITHIN}: the last day
 * @param confirmed false where the law text for the offset was not confirmed (law.md marks it UNCONFIRMED)
 */
public record Milestone(String code, LocalDate date, Relation relation, String offset, String after, LocalDate until,
                        String legalBasis, boolean confirmed) {

    public enum Relation { NO_LATER_THAN, NO_EARLIER_THAN, ON, WITHIN }
}
