package vn.baucu.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import vn.baucu.rules.Milestone.Relation;

/**
 * Every legal milestone of an election from its rule set and its election (or meeting) day. The
 * offsets and their articles are those of law.md §1.3, §1.16, §2.3, §2.13 and §3.3.
 */
public final class LegalCalendar {

    private LegalCalendar() {
    }

    /** NA/HĐND elections are held on a Sunday (Luật 85/2015/QH13, Điều 5). */
    public static List<Finding> check(RuleSet ruleSet, LocalDate electionDay) {
        List<Finding> out = new ArrayList<>();
        boolean deputies = ruleSet.kind() == RuleSet.Kind.NATIONAL_ASSEMBLY || ruleSet.kind() == RuleSet.Kind.PEOPLES_COUNCIL;
        if (deputies && electionDay.getDayOfWeek() != DayOfWeek.SUNDAY) {
            out.add(Finding.error("C-101", "electionDay", "calendar.not-sunday", electionDay.toString()));
        }
        return out;
    }

    public static List<Milestone> of(RuleSet ruleSet, LocalDate day, WorkingDays workingDays) {
        return of(ruleSet, day, workingDays, false);
    }

    /**
     * @param followsVillageHead Party cell only: the congress follows a village head election of the
     *                           same term ("Dân tin – Đảng cử"), so the head must be recognised before it
     * @throws FiguresRejected for a non-Sunday NA/HĐND election day, or a working-day deadline in a year
     *                         the holiday table does not cover
     */
    public static List<Milestone> of(RuleSet ruleSet, LocalDate day, WorkingDays workingDays, boolean followsVillageHead) {
        List<Finding> problems = check(ruleSet, day);
        if (!problems.isEmpty()) {
            throw new FiguresRejected(false, problems);
        }
        var b = new Builder(day, workingDays);
        switch (ruleSet) {
            case VILLAGE_HEAD_2023 -> {
                String nd59 = "Nghị định 59/2023/NĐ-CP";
                b.before("ELECTION_DECIDED", 20, nd59 + ", Điều 6 khoản 1 điểm a");
                b.before("CANDIDATE_LIST_SUBMITTED", 15, nd59 + ", Điều 6 khoản 2");
                b.before("ELECTION_TEAM_FORMED", 10, nd59 + ", Điều 6 khoản 1 điểm b");
                b.before("PUBLIC_NOTICE_POSTED", 7, nd59 + ", Điều 6 khoản 1");
                b.before("MEETING_NOTICE_DELIVERED", 2, nd59 + ", Điều 3 khoản 3");
                b.on("MEETING", nd59 + ", Điều 3");
                Milestone sent = b.workingDaysAfter("MINUTES_SENT", 5, nd59 + ", Điều 3 khoản 5 điểm d; Luật 10/2022/QH15, Điều 20 khoản 3");
                LocalDate until = workingDays.plus(sent.date(), 5);
                b.add(new Milestone("RECOGNITION_DECIDED", sent.date(), Relation.WITHIN, "+5wd", "MINUTES_SENT", until,
                        nd59 + ", Điều 8; Luật 10/2022/QH15, Điều 21 khoản 2", true));
            }
            case VILLAGE_HEAD_2008 -> {
                String nqlt = "NQLT 09/2008/NQLT-CP-UBTWMTTQVN, Điều 6";
                b.before("ELECTION_DECIDED", 20, nqlt);
                b.before("CANDIDATE_LIST_SUBMITTED", 15, nqlt);
                b.before("ELECTION_TEAM_FORMED", 10, nqlt);
                b.before("VOTER_LIST_POSTED", 7, nqlt);
                b.on("MEETING", "NQLT 09/2008/NQLT-CP-UBTWMTTQVN, Điều 8");
            }
            case NATIONAL_ASSEMBLY_2025, PEOPLES_COUNCIL_2025, NATIONAL_ASSEMBLY_2015, PEOPLES_COUNCIL_2015 ->
                    deputies(b, ruleSet);
            case PARTY_CELL_2024 -> {
                if (followsVillageHead) {
                    b.add(new Milestone("VILLAGE_HEAD_RECOGNISED", day.minusDays(1), Relation.NO_LATER_THAN, "-1d", null,
                            null, "Nghị định 59/2023/NĐ-CP, Điều 8 (\"Dân tin – Đảng cử\")", true));
                }
                b.on("CONGRESS", "Điều lệ Đảng, Điều 24 khoản 3; Quyết định 190-QĐ/TW");
            }
        }
        return b.sorted();
    }

    private static void deputies(Builder b, RuleSet rs) {
        boolean amended = rs.amended2025();
        boolean na = rs.kind() == RuleSet.Kind.NATIONAL_ASSEMBLY;
        String law = rs.law85() + ", ";
        b.before("ELECTION_DAY_ANNOUNCED", 115, law + "Điều 5");
        b.before("ELECTION_COMMITTEES_FORMED", 105, law + "Điều 22");
        b.before("CONSULTATION_1", 95, law + (na ? "Điều 38" : "Điều 50"));
        b.before("ELECTORAL_UNITS_ANNOUNCED", 80, law + "Điều 10");
        b.before("ELECTION_BOARDS_FORMED", 70, law + "Điều 24");
        b.before("ELECTION_TEAMS_FORMED", amended ? 43 : 50, law + "Điều 25 khoản 1");
        b.before("CANDIDACY_DOSSIERS_DUE", amended ? 42 : 70, law + "Điều 35");
        b.before("CONSULTATION_2", amended ? 40 : 65, law + (na ? "Điều 43" : "Điều 53"), amended);
        b.before("VOTER_LIST_POSTED", 40, law + "Điều 32");
        b.before("VOTER_LIST_COMPLAINTS_CLOSE", 40 - 30, law + "Điều 33 (30 ngày kể từ ngày niêm yết)");
        b.before("CONSULTATION_3", amended ? 23 : 35, law + (na ? "Điều 48" : "Điều 56"));
        b.before("CANDIDATE_LIST_PUBLISHED", amended ? 17 : 25, law + (na ? "Điều 57 khoản 4" : "Điều 58 khoản 2"), amended);
        b.before("CANDIDATE_LIST_POSTED", amended ? 16 : 20, law + "Điều 59", amended);
        b.on("ELECTION_DAY", law + "Điều 5");
        b.after("TEAM_MINUTES_DUE", 3, law + "Điều 76 khoản 3", true);
        b.after("BOARD_MINUTES_DUE", 5, law + "Điều 77 khoản 3, 4", amended);
        if (na) {
            b.after("PROVINCE_MINUTES_DUE", amended ? 7 : 10, law + "Điều 83 khoản 3", amended);
        }
        b.after("FOLLOW_UP_ELECTION_LATEST", amended ? 7 : 15, law + "Điều 79 khoản 3; Điều 80 khoản 3", true);
        b.after("RESULTS_ANNOUNCED", amended || !na ? 10 : 20, law + "Điều 86", true);
    }

    private static final class Builder {
        private final LocalDate day;
        private final WorkingDays workingDays;
        private final List<Milestone> milestones = new ArrayList<>();

        Builder(LocalDate day, WorkingDays workingDays) {
            this.day = day;
            this.workingDays = workingDays;
        }

        void before(String code, int days, String basis) {
            before(code, days, basis, true);
        }

        void before(String code, int days, String basis, boolean confirmed) {
            add(new Milestone(code, day.minusDays(days), Relation.NO_LATER_THAN, "-" + days + "d", null, null, basis,
                    confirmed));
        }

        void after(String code, int days, String basis, boolean confirmed) {
            add(new Milestone(code, day.plusDays(days), Relation.NO_LATER_THAN, "+" + days + "d", null, null, basis,
                    confirmed));
        }

        void on(String code, String basis) {
            add(new Milestone(code, day, Relation.ON, "0d", null, null, basis, true));
        }

        Milestone workingDaysAfter(String code, int n, String basis) {
            Milestone m = new Milestone(code, workingDays.plus(day, n), Relation.NO_LATER_THAN, "+" + n + "wd", null,
                    null, basis, true);
            add(m);
            return m;
        }

        void add(Milestone m) {
            milestones.add(m);
        }

        List<Milestone> sorted() {
            // stable: milestones on the same date keep the order of the law
            return milestones.stream().sorted(Comparator.comparing(Milestone::date)).toList();
        }
    }
}
