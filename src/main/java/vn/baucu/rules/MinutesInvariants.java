package vn.baucu.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import vn.baucu.rules.ContestFigures.CandidateFigures;

/**
 * The arithmetic of counting minutes, every broken invariant reported at once with a stable code
 * (Kiesraad-style). Real national totals show valid + invalid below the number who voted, so that sum
 * is bounded by the ballots returned, not required to equal it.
 *
 * <p>Legal basis of the fields: Luật 85/2015/QH13 Điều 76 khoản 2 (counting minutes); NQLT 09/2008 Điều 8
 * and Luật 10/2022/QH15 Điều 20 khoản 2 (village meeting minutes); QĐ 190-QĐ/TW Điều 30 (Party).
 */
public final class MinutesInvariants {

    private MinutesInvariants() {
    }

    /** Missing or out-of-range input: the figures are not a contest at all (E-0xx, HTTP 400). */
    public static List<Finding> malformed(ContestFigures f) {
        List<Finding> out = new ArrayList<>();
        if (f.ruleSet() == null) {
            out.add(Finding.error("E-001", "ruleSet", "evaluation.required", "ruleSet"));
        }
        if (f.seats() < 1) {
            out.add(Finding.error("E-002", "seats", "evaluation.seats-positive", f.seats()));
        }
        nonNegative(out, "electorate", f.electorate());
        nonNegative(out, "electorateExcluded", f.electorateExcluded());
        nonNegative(out, "participants", f.participants());
        if (f.votingMethod().usesBallots()) {
            required(out, "ballotsIssued", f.ballotsIssued());
            required(out, "ballotsReturned", f.ballotsReturned());
            required(out, "validBallots", f.validBallots());
            required(out, "invalidBallots", f.invalidBallots());
        }
        if (f.candidates().isEmpty()) {
            out.add(Finding.error("E-005", "candidates", "evaluation.candidates-required"));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < f.candidates().size(); i++) {
            CandidateFigures c = f.candidates().get(i);
            String field = "candidates[" + i + "]";
            if (c.id() == null || c.id().isBlank()) {
                out.add(Finding.error("E-006", field + ".id", "evaluation.required", field + ".id"));
            } else if (!ids.add(c.id())) {
                out.add(Finding.error("E-007", field + ".id", "evaluation.duplicate-id", c.id()));
            }
            if (c.votes() < 0) {
                out.add(Finding.error("E-003", field + ".votes", "evaluation.negative", field + ".votes", c.votes()));
            }
        }
        return out;
    }

    /** Well-formed figures that cannot all be true (M-1xx errors) or that need an explanation (W-1xx). */
    public static List<Finding> check(ContestFigures f) {
        List<Finding> out = new ArrayList<>();
        if (f.participants() > f.electorate()) {
            out.add(Finding.error("M-101", "participants", "minutes.participants-above-electorate",
                    f.participants(), f.electorate()));
        }
        if (f.electorateExcluded() > f.electorate()) {
            out.add(Finding.error("M-108", "electorateExcluded", "minutes.excluded-above-electorate",
                    f.electorateExcluded(), f.electorate()));
        }
        if (f.votingMethod().usesBallots() && f.validBallots() != null && f.invalidBallots() != null
                && f.ballotsReturned() != null && f.ballotsIssued() != null) {
            if (f.validBallots() + f.invalidBallots() > f.ballotsReturned()) {
                out.add(Finding.error("M-102", "validBallots", "minutes.valid-invalid-above-returned",
                        f.validBallots(), f.invalidBallots(), f.ballotsReturned()));
            }
            if (f.ballotsReturned() > f.ballotsIssued()) {
                out.add(Finding.error("M-103", "ballotsReturned", "minutes.returned-above-issued",
                        f.ballotsReturned(), f.ballotsIssued()));
            }
            if (f.ballotsReturned() > f.participants()) {
                out.add(Finding.warning("W-101", "ballotsReturned", "minutes.returned-above-participants",
                        f.ballotsReturned(), f.participants()));
            }
            for (int i = 0; i < f.candidates().size(); i++) {
                CandidateFigures c = f.candidates().get(i);
                if (c.votes() > f.validBallots()) {
                    out.add(Finding.error("M-104", "candidates[" + i + "].votes", "minutes.votes-above-valid",
                            c.name() == null ? c.id() : c.name(), c.votes(), f.validBallots()));
                }
            }
            if (f.totalVotes() > f.validBallots() * f.seats()) {
                out.add(Finding.error("M-105", "candidates", "minutes.total-above-valid-times-seats",
                        f.totalVotes(), f.validBallots(), f.seats()));
            }
        } else if (!f.votingMethod().usesBallots()) {
            for (int i = 0; i < f.candidates().size(); i++) {
                CandidateFigures c = f.candidates().get(i);
                if (c.votes() > f.participants()) {
                    out.add(Finding.error("M-107", "candidates[" + i + "].votes", "minutes.votes-above-participants",
                            c.name() == null ? c.id() : c.name(), c.votes(), f.participants()));
                }
            }
            if (f.totalVotes() > f.participants() * f.seats()) {
                out.add(Finding.error("M-106", "candidates", "minutes.total-above-participants-times-seats",
                        f.totalVotes(), f.participants(), f.seats()));
            }
        }
        return out;
    }

    private static void nonNegative(List<Finding> out, String field, long value) {
        if (value < 0) {
            out.add(Finding.error("E-003", field, "evaluation.negative", field, value));
        }
    }

    private static void required(List<Finding> out, String field, Long value) {
        if (value == null) {
            out.add(Finding.error("E-004", field, "evaluation.ballot-figure-required", field));
        } else {
            nonNegative(out, field, value);
        }
    }
}
