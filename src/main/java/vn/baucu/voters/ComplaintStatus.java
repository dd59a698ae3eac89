package vn.baucu.voters;

/**
 * A complaint about a voter list (Luật 85/2015/QH13, Điều 33): open until the body that made the list decides it,
 * once, within 5 days — accepted (the list is corrected) or rejected (the complainant may go to court).
 */
public enum ComplaintStatus {
    OPEN, ACCEPTED, REJECTED;

    public boolean canMoveTo(ComplaintStatus to) {
        return this == OPEN && to != OPEN;
    }

    /** The status of a complaint with this recorded outcome (null while open). */
    public static ComplaintStatus of(String outcome) {
        return outcome == null ? OPEN : valueOf(outcome);
    }
}
