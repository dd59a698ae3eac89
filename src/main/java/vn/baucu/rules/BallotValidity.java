package vn.baucu.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a ballot is valid, and for whom it counts.
 *
 * <p>Strike-out ballots (NA/HĐND; by default also village-head ballots, law.md §1.10): Luật 85/2015/QH13,
 * Điều 74 khoản 1 — invalid if (a) not on the form issued by the election team, (b) without the team's
 * stamp, (c) leaving more names than the seats, (d) with every name struck out, (đ) with a name or any
 * other content added. A name counts as struck when a stroke covers the whole name (HĐBCQG guidance);
 * that judgement is the counter's, made before this check.
 *
 * <p>Party "agree / disagree" ballots for a list without surplus: QĐ 244-QĐ/TW Điều 32 khoản 1 (kept by
 * QĐ 190-QĐ/TW Điều 30) — a name with both or neither box ticked leaves a multi-name ballot valid but
 * does not count for that person; a single-name ballot needs exactly one box.
 */
public final class BallotValidity {

    private BallotValidity() {
    }

    public record Verdict(boolean valid, String code, String legalBasis) {
    }

    /**
     * @param namesKept names left not struck out
     */
    public record StrikeOutBallot(boolean officialForm, boolean stamped, int namesOnBallot, int namesKept,
                                  boolean addedContent) {
    }

    public static Verdict strikeOut(StrikeOutBallot b, int seats) {
        String art = "Luật 85/2015/QH13, Điều 74 khoản 1 điểm ";
        if (!b.officialForm()) {
            return new Verdict(false, "BALLOT_NOT_OFFICIAL_FORM", art + "a");
        }
        if (!b.stamped()) {
            return new Verdict(false, "BALLOT_NOT_STAMPED", art + "b");
        }
        if (b.addedContent()) {
            return new Verdict(false, "BALLOT_ADDED_CONTENT", art + "đ");
        }
        if (b.namesKept() == 0) {
            return new Verdict(false, "BALLOT_ALL_STRUCK", art + "d");
        }
        if (b.namesKept() > seats) {
            return new Verdict(false, "BALLOT_TOO_MANY_KEPT", art + "c");
        }
        return new Verdict(true, "BALLOT_VALID", "Luật 85/2015/QH13, Điều 74");
    }

    public enum Mark { AGREE, DISAGREE, BOTH, NEITHER }

    /** A Party ballot's verdict and, per name, whether it counts as a vote for that person. */
    public record AgreeDisagreeVerdict(Verdict verdict, List<Boolean> countsFor) {
    }

    public static AgreeDisagreeVerdict agreeDisagree(boolean issuedByCountingCommittee, List<Mark> marks) {
        String basis = "QĐ 244-QĐ/TW, Điều 32 khoản 1; Quyết định 190-QĐ/TW, Điều 30";
        List<Boolean> none = marks.stream().map(m -> false).toList();
        if (!issuedByCountingCommittee) {
            return new AgreeDisagreeVerdict(new Verdict(false, "BALLOT_NOT_ISSUED", basis), none);
        }
        if (marks.size() == 1 && (marks.get(0) == Mark.BOTH || marks.get(0) == Mark.NEITHER)) {
            return new AgreeDisagreeVerdict(new Verdict(false, "BALLOT_SINGLE_NAME_UNMARKED", basis), none);
        }
        List<Boolean> counts = new ArrayList<>();
        for (Mark m : marks) {
            counts.add(m == Mark.AGREE);
        }
        return new AgreeDisagreeVerdict(new Verdict(true, "BALLOT_VALID", basis), counts);
    }

    /**
     * A Party ballot on a list with surplus: names are struck out to vote against them (QĐ 244-QĐ/TW, Điều 17; QĐ 190-QĐ/TW,
     * Điều 15). Invalid when not issued by the counting committee or keeping more names than the seats (QĐ 244, Điều 32
     * khoản 1). A ballot striking out every name is invalid too: the source lists it among the invalid cases, with the
     * rest of that list cut off (law.md §3.2, UNCONFIRMED), so this is a default, and it is named in the count.
     */
    public static Verdict partyStrikeOut(boolean issuedByCountingCommittee, int namesKept, int seats) {
        String basis = "QĐ 244-QĐ/TW, Điều 32 khoản 1; Quyết định 190-QĐ/TW, Điều 30";
        if (!issuedByCountingCommittee) {
            return new Verdict(false, "BALLOT_NOT_ISSUED", basis);
        }
        if (namesKept > seats) {
            return new Verdict(false, "BALLOT_TOO_MANY_KEPT", basis);
        }
        if (namesKept == 0) {
            return new Verdict(false, "BALLOT_ALL_STRUCK", basis + " (law.md §3.2, UNCONFIRMED)");
        }
        return new Verdict(true, "BALLOT_VALID", basis);
    }
}
