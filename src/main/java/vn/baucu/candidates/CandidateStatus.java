package vn.baucu.candidates;

import java.util.Map;
import java.util.Set;

/**
 * A candidate's status and the moves it allows (Luật 85/2015/QH13, Điều 48–61; NĐ 59/2023/NĐ-CP, Điều 6):
 * nominated → consulted (passed the third consultation, or proposed by a village's Front meeting) → on the
 * official list → elected or not; withdrawn or struck off (with reason) before the result. Each move is one
 * conditional update from the status read, so a move that lost a race is a 409.
 */
public enum CandidateStatus {
    NOMINATED, CONSULTED, ON_LIST, WITHDRAWN, STRUCK_OFF, ELECTED, NOT_ELECTED;

    private static final Map<CandidateStatus, Set<CandidateStatus>> MOVES = Map.of(
            NOMINATED, Set.of(CONSULTED, ON_LIST, WITHDRAWN, STRUCK_OFF),
            CONSULTED, Set.of(ON_LIST, WITHDRAWN, STRUCK_OFF),
            ON_LIST, Set.of(WITHDRAWN, STRUCK_OFF, ELECTED, NOT_ELECTED));

    public boolean canMoveTo(CandidateStatus to) {
        return MOVES.getOrDefault(this, Set.of()).contains(to);
    }

    /** Still in the race: may be put on the official list. */
    public boolean active() {
        return this == NOMINATED || this == CONSULTED || this == ON_LIST;
    }
}
