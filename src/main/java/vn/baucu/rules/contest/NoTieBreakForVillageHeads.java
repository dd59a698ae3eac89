package vn.baucu.rules.contest;

import java.util.List;

import vn.baucu.rules.ContestFigures.CandidateFigures;

/**
 * Village heads: the law has no tie-break. Candidates tied for the seat are not elected; the minutes
 * record why, and the commune People's Committee decides on a re-election.
 *
 * <p>Nghị định 59/2023/NĐ-CP, Điều 3 khoản 5 điểm d và Điều 8 (no tie rule in NQLT 09/2008 either).
 */
final class NoTieBreakForVillageHeads extends SeatAllocation {

    @Override
    void resolveTie(ContestState s, List<CandidateFigures> tied, int remaining) {
        for (CandidateFigures c : tied) {
            s.reason("TIE_NO_RULE", "Nghị định 59/2023/NĐ-CP, Điều 8", c.id(), c.votes());
        }
    }
}
