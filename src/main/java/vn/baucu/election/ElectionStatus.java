package vn.baucu.election;

/**
 * An election's status: its configuration (units, contests, bodies, lists) is edited while CONFIGURING, then frozen
 * once with the SHA-256 fingerprint that every printed document and every counting minutes carries; a frozen
 * election never goes back. The move is one conditional update, so two freezes at once freeze it once (409).
 */
public enum ElectionStatus {
    CONFIGURING, FROZEN;

    public boolean canMoveTo(ElectionStatus to) {
        return this == CONFIGURING && to == FROZEN;
    }
}
