package vn.baucu.rules.contest;

import java.util.List;

import vn.baucu.rules.ContestFigures.CandidateFigures;

/**
 * Party cell: candidates tied for the last seat are not elected in this round; the congress votes again
 * among them. UNCONFIRMED in QĐ 190-QĐ/TW (common practice, mirroring NQ 1186/2021 Điều 6 for voter
 * conferences): a documented default.
 *
 * <p>Quyết định 190-QĐ/TW, Điều 30; QĐ 244-QĐ/TW, Điều 20 khoản 2 (repeated rounds).
 */
final class TieGoesToNextRound extends SeatAllocation {

    @Override
    void resolveTie(ContestState s, List<CandidateFigures> tied, int remaining) {
        for (CandidateFigures c : tied) {
            s.reason("TIE_NEXT_ROUND", "Quyết định 190-QĐ/TW, Điều 30 (thực tiễn, chưa xác nhận)", c.id(), c.votes());
        }
    }
}
