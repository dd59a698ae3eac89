package vn.baucu.rules;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * When a posted voter list may still change, and the deadlines of complaints about it (Luật 85/2015/QH13):
 * <ul>
 *   <li>polls open at 07:00 on election day (Điều 71 khoản 1);</li>
 *   <li>voters are added or struck off until 24 hours before polls open (Điều 29 khoản 4, Điều 30);</li>
 *   <li>a complaint is made within 30 days of the posting (Điều 33 khoản 1) and answered within 5 days of its
 *       receipt (Điều 33 khoản 2).</li>
 * </ul>
 * Village head lists follow the same windows by default (NĐ 59/2023/NĐ-CP says nothing on them; ADR 0007).
 */
public final class VoterListWindows {

    public static final LocalTime POLLS_OPEN = LocalTime.of(7, 0);
    public static final int CHANGES_CLOSE_HOURS_BEFORE = 24;
    public static final int COMPLAINT_DAYS_AFTER_POSTING = 30;
    public static final int ANSWER_DAYS = 5;

    private VoterListWindows() {
    }

    /** The moment after which the list no longer changes. */
    public static LocalDateTime changesCloseAt(LocalDate electionDay) {
        return LocalDateTime.of(electionDay, POLLS_OPEN).minusHours(CHANGES_CLOSE_HOURS_BEFORE);
    }

    /** Whether a change made at {@code now} is still in time. */
    public static boolean changesOpen(LocalDate electionDay, LocalDateTime now) {
        return !now.isAfter(changesCloseAt(electionDay));
    }

    /** The last day a complaint about a list posted on {@code postedOn} may be received. */
    public static LocalDate complaintsUntil(LocalDate postedOn) {
        return postedOn.plusDays(COMPLAINT_DAYS_AFTER_POSTING);
    }

    /** The day by which a complaint received on {@code receivedOn} must be answered. */
    public static LocalDate answerDue(LocalDate receivedOn) {
        return receivedOn.plusDays(ANSWER_DAYS);
    }
}
