package vn.baucu.counting;

/**
 * Where a counting minutes stands (contracts/counting-minutes.md): {@code OPEN} waits for its first entry (a new
 * minutes, a correction, or one sent back for two new entries), {@code ENTERED} for its second; two agreeing entries
 * make it {@code VERIFIED}, differing ones {@code DIFFERENT} until a coordinator resolves them; {@code CERTIFIED} is
 * frozen. Each move is one conditional update from the state it leaves.
 */
public enum MinutesStatus {
    OPEN, ENTERED, DIFFERENT, VERIFIED, CERTIFIED;

    public boolean canMoveTo(MinutesStatus to) {
        return switch (this) {
            case OPEN -> to == ENTERED;
            case ENTERED -> to == VERIFIED || to == DIFFERENT;
            case DIFFERENT -> to == VERIFIED || to == OPEN;
            case VERIFIED -> to == CERTIFIED;
            case CERTIFIED -> to == OPEN;   // a correction opens the next version
        };
    }

    /** Whether an entry may be made now. */
    public boolean takesEntries() {
        return this == OPEN || this == ENTERED;
    }
}
