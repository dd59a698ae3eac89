package vn.baucu.voters;

/**
 * The status of a voter-list entry. An entry is never deleted: it leaves its list once (removed with a legal
 * reason, or moved to another list, Điều 29 khoản 4 and Điều 30 of Luật 85/2015/QH13) and never comes back;
 * a person put back on a list is a new entry.
 */
public enum EntryStatus {
    ACTIVE, REMOVED;

    public boolean canMoveTo(EntryStatus to) {
        return this == ACTIVE && to == REMOVED;
    }
}
