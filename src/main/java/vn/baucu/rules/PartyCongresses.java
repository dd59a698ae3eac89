package vn.baucu.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a Party cell congress that come before and after the count (the count itself is {@link ContestEvaluator}
 * with {@link RuleSet#PARTY_CELL_2024}). Pure: no Spring, no database.
 *
 * <ul>
 *   <li>Who elects what: fewer than 9 full members elect the secretary directly; 9 or more elect a cell committee, then
 *       the secretary from among its members (Điều lệ Đảng, Điều 24 khoản 4; an exempted member counts towards the 9).</li>
 *   <li>The roll: full members convened, less those absent for the whole congress with an accepted reason and those
 *       exempted from activity who are absent (QĐ 190-QĐ/TW, Điều 30; QĐ 244-QĐ/TW, Điều 32 khoản 2).</li>
 *   <li>A delegates' congress (đại hội đại biểu): the full delegates convened, the convening committee's members among
 *       them, less the convening committee's members absent for the whole congress and the delegates absent for the
 *       whole congress whom no alternate delegate replaces (QĐ 244-QĐ/TW, Điều 32 khoản 3; QĐ 190-QĐ/TW, Điều 30). An
 *       alternate who takes an absent delegate's seat is present in their place.</li>
 *   <li>Quorum: the law retrieved does not state it (law.md §3.2: UNCONFIRMED); the documented, configurable default
 *       is common practice, at least two thirds of the roll present.</li>
 *   <li>The list: at most 30% more names than seats, rounded down (QĐ 190-QĐ/TW, Điều 14; the rounding is UNCONFIRMED);
 *       a name from the floor needs more than 30% of those present; the congress approves the list by a show of hands
 *       before the ballot (a majority of those present: the documented default).</li>
 *   <li>Ratification: the superior committee approves the result (chuẩn y, QĐ 190-QĐ/TW, Điều 2); the deadline is not in
 *       the sources retrieved, so it is a documented, configurable default (15 working days after the congress, the
 *       period in which complaints may be made, Điều 33).</li>
 * </ul>
 */
public final class PartyCongresses {

    /** A cell elects its secretary directly below this many full members (Điều lệ Đảng, Điều 24 khoản 4). */
    public static final int COMMITTEE_FROM = 9;

    public enum Mode { SECRETARY_DIRECT, COMMITTEE_THEN_SECRETARY }

    /** One member as the attendance sees them. */
    public record Attendee(long memberId, boolean full, boolean exempted, boolean present, boolean absenceApproved) {
    }

    /** What a congress gathers: the cell's members, or the delegates elected to it (QĐ 244-QĐ/TW, Điều 32). */
    public enum Kind { MEMBERS, DELEGATES }

    /**
     * One full delegate as the attendance sees them: a member of the convening committee (a delegate by office, whom
     * nobody replaces), whether present, and whether an alternate delegate took the seat when absent.
     */
    public record Seat(long memberId, boolean conveningCommittee, boolean present, boolean alternateSeated) {
    }

    /** The roll: full members convened, those taken out of it, the adjusted roll (the bar's denominator), those present. */
    public record Roll(int convened, int excluded, int adjusted, int present) {
    }

    /** A quorum as a fraction of the adjusted roll that must be present. */
    public record Quorum(int numerator, int denominator) {
        public static final Quorum TWO_THIRDS = new Quorum(2, 3);

        public boolean met(Roll roll) {
            return roll.adjusted() > 0 && (long) roll.present() * denominator >= (long) roll.adjusted() * numerator;
        }

        public static Quorum parse(String text) {
            String[] parts = text.strip().split("/");
            return new Quorum(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
        }
    }

    private PartyCongresses() {
    }

    public static Mode mode(int fullMembers) {
        return fullMembers < COMMITTEE_FROM ? Mode.SECRETARY_DIRECT : Mode.COMMITTEE_THEN_SECRETARY;
    }

    public static Roll roll(List<Attendee> members) {
        int convened = 0;
        int excluded = 0;
        int present = 0;
        for (Attendee a : members) {
            if (!a.full()) {
                continue;           // probationary members neither vote nor count
            }
            convened++;
            if (a.present()) {
                present++;
            } else if (a.exempted() || a.absenceApproved()) {
                excluded++;
            }
        }
        return new Roll(convened, excluded, convened - excluded, present);
    }

    /**
     * The roll of a delegates' congress (QĐ 244-QĐ/TW, Điều 32 khoản 3; QĐ 190-QĐ/TW, Điều 30): the full delegates
     * convened; taken out, the convening committee's members absent for the whole congress and the delegates absent
     * for the whole congress with no alternate; present, the delegates present and the alternates seated. An alternate
     * seated for a member of the convening committee is not counted: that seat cannot be filled.
     */
    public static Roll delegatesRoll(List<Seat> seats) {
        int convened = 0;
        int excluded = 0;
        int present = 0;
        for (Seat s : seats) {
            convened++;
            if (s.present()) {
                present++;
            } else if (s.alternateSeated() && !s.conveningCommittee()) {
                present++;
            } else {
                excluded++;
            }
        }
        return new Roll(convened, excluded, convened - excluded, present);
    }

    /** The most names a list may carry for {@code seats} (QĐ 190-QĐ/TW, Điều 14: a surplus of at most 30%). */
    public static int maxNames(int seats) {
        return seats + seats * 3 / 10;
    }

    /** A name nominated from the floor goes on the list with more than 30% of those present (QĐ 190-QĐ/TW, Điều 14). */
    public static boolean floorNominationCarries(int support, int present) {
        return (long) support * 10 > (long) present * 3;
    }

    /** The problems of a list, every one (empty: the list stands). */
    public static List<Finding> listProblems(int seats, int names, List<int[]> floorSupport, int present, int listFor,
                                             int listAgainst) {
        List<Finding> out = new ArrayList<>();
        if (names < seats) {
            out.add(Finding.error("B-106", "nominees", "party.list-too-short", names, seats));
        }
        if (names > maxNames(seats)) {
            out.add(Finding.error("B-105", "nominees", "party.list-surplus", names, seats, maxNames(seats)));
        }
        for (int[] f : floorSupport) {
            if (!floorNominationCarries(f[1], present)) {
                out.add(Finding.error("B-107", "floor[" + f[0] + "].support", "party.floor-support", f[1], present));
            }
        }
        if (listFor < 0 || listAgainst < 0 || listFor + listAgainst > present) {
            out.add(Finding.error("B-108", "listApproval", "party.list-vote-invalid", listFor, listAgainst, present));
        } else if ((long) listFor * 2 <= present) {
            out.add(Finding.error("B-109", "listApproval", "party.list-not-approved", listFor, present));
        }
        return out;
    }

    /** The latest day for the superior committee's ratification: {@code workingDays} working days after the congress. */
    public static LocalDate ratificationDue(LocalDate heldOn, int workingDays, WorkingDays calendar) {
        return calendar.plus(heldOn, workingDays);
    }
}
