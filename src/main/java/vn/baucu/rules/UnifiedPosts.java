package vn.baucu.rules;

import java.util.Optional;

/**
 * Whether a village's cell secretary is also its village head (nhất thể hóa; Quảng Ninh's "Dân tin – Đảng cử", law.md
 * §3.3), and if not, the first reason in the order the process runs: the head is elected, then recognised by the commune
 * (NĐ 59/2023/NĐ-CP, Điều 8), is a Party member of the village's cell, the congress is held and elects the head as
 * secretary, and the superior committee ratifies it (QĐ 190-QĐ/TW, Điều 2). A ratification still within its deadline
 * is not a shortfall; one overdue is. People are matched by personal id, never by name.
 */
public final class UnifiedPosts {

    public enum Reason {
        HEAD_NOT_ELECTED, HEAD_NOT_RECOGNISED, HEAD_NOT_PARTY_MEMBER, CONGRESS_NOT_HELD, SECRETARY_NOT_HEAD, NOT_RATIFIED
    }

    /**
     * What is known of one village as of the report's day.
     *
     * @param headStatus          null when the village held no head election by then
     * @param headIsMember        the head's personal id is a full member of the village's cell
     * @param congressHeld        the cell's congress was held (and closed) by then
     * @param secretaryIsHead     the secretary it elected has the head's personal id
     * @param ratified            the superior committee ratified it by then
     * @param ratificationOverdue not ratified and the deadline has passed
     */
    public record Village(VillageHeads.Status headStatus, boolean headIsMember, boolean congressHeld,
                          boolean secretaryIsHead, boolean ratified, boolean ratificationOverdue) {
    }

    private UnifiedPosts() {
    }

    /** The shortfall of a village, or empty when its secretary is its head (or the ratification is still in time). */
    public static Optional<Reason> shortfall(Village v) {
        if (v.headStatus() == null || v.headStatus() == VillageHeads.Status.NOT_ELECTED) {
            return Optional.of(Reason.HEAD_NOT_ELECTED);
        }
        if (v.headStatus() == VillageHeads.Status.ELECTED_PENDING_RECOGNITION) {
            return Optional.of(Reason.HEAD_NOT_RECOGNISED);
        }
        if (!v.headIsMember()) {
            return Optional.of(Reason.HEAD_NOT_PARTY_MEMBER);
        }
        if (!v.congressHeld()) {
            return Optional.of(Reason.CONGRESS_NOT_HELD);
        }
        if (!v.secretaryIsHead()) {
            return Optional.of(Reason.SECRETARY_NOT_HEAD);
        }
        if (!v.ratified() && v.ratificationOverdue()) {
            return Optional.of(Reason.NOT_RATIFIED);
        }
        return Optional.empty();
    }
}
