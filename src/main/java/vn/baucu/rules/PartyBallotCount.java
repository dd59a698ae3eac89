package vn.baucu.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The count of one Party ballot from its papers, as the counting committee sorts them (QĐ 244-QĐ/TW, Điều 32 khoản 1;
 * Quyết định 190-QĐ/TW, Điều 30): every paper judged by {@link BallotValidity}, then the valid and invalid papers and
 * each name's votes. A list without surplus (as many names as seats) is marked agree / disagree per name; a list with
 * surplus by striking names out. Only the counts leave this class: no paper is kept, so nobody's ballot can be told.
 */
public final class PartyBallotCount {

    private PartyBallotCount() {
    }

    /** How a paper is marked against one name. */
    public enum Mark { AGREE, DISAGREE, BOTH, NEITHER, KEPT, STRUCK }

    /** One paper: whether the counting committee issued it, and its mark against each name, in the list's order. */
    public record Paper(boolean issued, List<Mark> marks) {
    }

    /** A paper that cannot be counted as sent: its index (from 0) and what is wrong. */
    public record Issue(int paper, String field, String code, String messageKey) {
    }

    /** The papers returned, the valid and invalid ones (per reason), and each name's votes in the list's order. */
    public record Count(int returned, int valid, int invalid, Map<String, Integer> invalidBy, List<Long> votes,
                        List<Issue> problems) {
    }

    /** Whether a list of {@code names} for {@code seats} is marked agree / disagree (no surplus) or by striking out. */
    public static boolean agreeDisagree(int names, int seats) {
        return names <= seats;
    }

    public static Count count(int names, int seats, List<Paper> papers) {
        boolean agree = agreeDisagree(names, seats);
        List<Issue> problems = new ArrayList<>();
        long[] votes = new long[names];
        int valid = 0;
        Map<String, Integer> invalidBy = new TreeMap<>();
        for (int p = 0; p < papers.size(); p++) {
            Paper paper = papers.get(p);
            List<Mark> marks = paper == null || paper.marks() == null ? List.of() : paper.marks();
            if (marks.size() != names || marks.stream().anyMatch(java.util.Objects::isNull)) {
                problems.add(new Issue(p, "ballots[" + p + "].marks", "B-119", "party.ballot-marks-count"));
                continue;
            }
            boolean fits = marks.stream().allMatch(m -> agree ? m.ordinal() <= Mark.NEITHER.ordinal() : m.ordinal() > Mark.NEITHER.ordinal());
            if (!fits) {
                problems.add(new Issue(p, "ballots[" + p + "].marks", "B-120",
                        agree ? "party.ballot-marks-agree" : "party.ballot-marks-strike"));
                continue;
            }
            List<Boolean> countsFor;
            BallotValidity.Verdict verdict;
            if (agree) {
                var v = BallotValidity.agreeDisagree(paper.issued(), marks.stream()
                        .map(m -> BallotValidity.Mark.valueOf(m.name())).toList());
                verdict = v.verdict();
                countsFor = v.countsFor();
            } else {
                int kept = (int) marks.stream().filter(m -> m == Mark.KEPT).count();
                verdict = BallotValidity.partyStrikeOut(paper.issued(), kept, seats);
                countsFor = marks.stream().map(m -> m == Mark.KEPT).toList();
            }
            if (!verdict.valid()) {
                invalidBy.merge(verdict.code(), 1, Integer::sum);
                continue;
            }
            valid++;
            for (int n = 0; n < names; n++) {
                if (countsFor.get(n)) {
                    votes[n]++;
                }
            }
        }
        List<Long> out = new ArrayList<>();
        for (long v : votes) {
            out.add(v);
        }
        int invalid = invalidBy.values().stream().mapToInt(Integer::intValue).sum();
        return new Count(papers.size(), valid, invalid, invalidBy, out, problems);
    }
}
