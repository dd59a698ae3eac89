package vn.baucu.candidates;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


import vn.baucu.audit.AuditLog;
import vn.baucu.candidates.internal.CandidateStore;
import vn.baucu.candidates.internal.CandidateStore.Contest;
import vn.baucu.geography.AdminUnits;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.Authorization.Access;
import vn.baucu.platform.DomainException;
import vn.baucu.platform.FindingProblems;
import vn.baucu.platform.Violation;
import vn.baucu.platform.rules.VietnameseNames;
import vn.baucu.rules.CandidateLists;
import vn.baucu.rules.Eligibility;
import vn.baucu.rules.RuleSet;

/**
 * Nominations and official lists. Every nomination is checked against the law and refused with the
 * rule cited; the official list of a contest is put in Vietnamese alphabetical order (given name, then
 * family name, ICU collation) once it holds enough names for the seats.
 */
@Service
public class Candidates {

    /** Allowed status changes: a guarded lifecycle, never a free edit. */

    private final CandidateStore store;
    private final AdminUnits units;
    private final Authorization authorization;
    private final AuditLog audit;
    private final Clock clock;
    private final vn.baucu.platform.Documents documents;
    private final vn.baucu.election.Elections elections;

    Candidates(CandidateStore store, AdminUnits units, Authorization authorization, AuditLog audit, Clock clock,
               vn.baucu.platform.Documents documents, vn.baucu.election.Elections elections) {
        this.documents = documents;
        this.elections = elections;
        this.store = store;
        this.units = units;
        this.authorization = authorization;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CandidateView nominate(long electionId, String placeCode, NewCandidate n) {
        Contest settled = store.contest(electionId, placeCode)
                .orElseThrow(() -> DomainException.notFound("body.contest-not-found", placeCode));
        RuleSet rs = RuleSet.valueOf(settled.ruleSet());
        LocalDate on = n.nominatedOn() == null ? LocalDate.now(clock) : n.nominatedOn();
        // a name from the floor of a village's election meeting joins the settled (even printed) list that day
        boolean atMeeting = "FLOOR".equals(n.nominationSource()) && rs.kind() == RuleSet.Kind.VILLAGE_HEAD;
        if (atMeeting && !vn.baucu.rules.Consultations.floorNominationAllowed(rs, on, settled.electionDay())) {
            throw DomainException.violations(List.of(Violation.of("K-126", "nominationSource", "candidate.floor-at-meeting",
                    settled.electionDay().toString(), rs.name())));
        }
        Contest contest = atMeeting ? requireAdminister(settled) : contestForChange(electionId, placeCode);
        if (atMeeting && store.byContest(settled.id()).stream().noneMatch(c -> c.listPosition() != null)) {
            throw DomainException.conflict("candidate.no-final-list", placeCode);
        }
        List<Violation> problems = new ArrayList<>();
        if (n.fullName() == null || n.fullName().isBlank()) {
            problems.add(Violation.of("K-100", "fullName", "candidate.name-required"));
        }
        if (n.birthDate() == null) {
            problems.add(Violation.of("K-136", "birthDate", "candidate.birth-date-required"));
        } else if (!Eligibility.isCandidateAge(n.birthDate(), contest.electionDay())) {
            problems.add(Violation.of("K-101", "birthDate", "candidate.too-young", n.birthDate().toString(),
                    contest.electionDay().toString(), Eligibility.CANDIDATE_AGE,
                    rs.kind() == RuleSet.Kind.VILLAGE_HEAD ? "TT 04/2012/TT-BNV, Điều 11" : "Luật 85/2015/QH13, Điều 2"));
        }
        if (n.sex() != 'M' && n.sex() != 'F') {
            problems.add(Violation.of("K-137", "sex", "candidate.sex-invalid"));
        }
        if (n.personalId() != null && !n.personalId().isBlank() && !n.personalId().strip().matches("\\d{12}")) {
            problems.add(Violation.of("K-107", "personalId", "candidate.personal-id-invalid"));
        }
        if (!Set.of("INTRODUCED", "SELF_NOMINATED", "FLOOR").contains(String.valueOf(n.nominationSource()))) {
            problems.add(Violation.of("K-138", "nominationSource", "candidate.source-invalid", String.valueOf(n.nominationSource())));
        }
        for (String exclusion : n.exclusions() == null ? List.<String>of() : n.exclusions()) {
            try {
                Eligibility.Exclusion e = Eligibility.Exclusion.valueOf(String.valueOf(exclusion).strip());
                problems.add(Violation.of("K-105", "exclusions", "candidate.excluded." + e.name()));
            } catch (IllegalArgumentException unknown) {
                problems.add(Violation.of("K-139", "exclusions", "evaluation.unknown-value", "exclusions", exclusion,
                        java.util.Arrays.toString(Eligibility.Exclusion.values())));
            }
        }
        if (rs.kind() == RuleSet.Kind.VILLAGE_HEAD && Boolean.FALSE.equals(n.residesInVillage())) {
            problems.add(Violation.of("K-106", "residesInVillage", "candidate.not-resident"));
        }
        if (problems.isEmpty()) {
            problems.addAll(sameDayProblems(contest, rs, n));
        }
        if (!problems.isEmpty()) {
            throw DomainException.violations(problems);
        }
        long id = store.insert(contest, n, authorization.currentUser().username());
        if (atMeeting) {
            store.addAtMeeting(id, contest.id());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("contest", placeCode);
        details.put("name", VietnameseNames.clean(n.fullName()));
        details.put("source", n.nominationSource());
        details.put("atMeeting", atMeeting);
        audit.record("CANDIDATE_NOMINATED", "candidate", String.valueOf(id), contest.unitCode(), details);
        return store.find(id).orElseThrow();
    }

    /**
     * Moves a candidate along the lifecycle (withdrawn, struck off with date, reason and decision; elected…).
     * After the election is frozen (ballots printed) a candidate may still be struck off or get a result:
     * the record says so and the minutes carry it.
     */
    @Transactional
    public CandidateView changeStatus(long id, String status, LocalDate date, String reason, String decision) {
        CandidateView c = store.find(id).orElseThrow(() -> DomainException.notFound("candidate.not-found", id));
        if (status == null || status.isBlank()) {
            throw DomainException.violations(List.of(Violation.of("L-201", "status", "election.required", "status")));
        }
        Contest contest = store.contest(c.electionId(), c.placeCode()).orElseThrow();
        if (!contest.frozen() || !Set.of("STRUCK_OFF", "ELECTED", "NOT_ELECTED").contains(status)) {
            contestForChange(c.electionId(), c.placeCode());
        } else {
            requireAdminister(contest);
        }
        CandidateStatus from = CandidateStatus.valueOf(c.status());
        CandidateStatus to = vn.baucu.platform.Inputs.enumValue(CandidateStatus.class, status, "status");
        if (to == CandidateStatus.ELECTED || to == CandidateStatus.NOT_ELECTED) {
            // the result follows from the certified minutes (the results module), never from a hand
            throw DomainException.conflict("candidate.result-from-minutes", c.fullName());
        }
        if (!from.canMoveTo(to)) {
            throw DomainException.conflict("candidate.transition", c.status(), status);
        }
        if ((to == CandidateStatus.WITHDRAWN || to == CandidateStatus.STRUCK_OFF) && (reason == null || reason.isBlank())) {
            throw DomainException.violations(List.of(Violation.of("K-108", "reason", "candidate.reason-required")));
        }
        if (!store.moveStatus(id, from.name(), to.name(), date == null ? LocalDate.now(clock) : date, reason, decision)) {
            // someone else moved this candidate since it was read
            throw DomainException.conflict("candidate.transition", store.find(id).orElseThrow().status(), status);
        }
        audit.record("CANDIDATE_STATUS", "candidate", String.valueOf(id), c.placeCode(),
                Map.of("from", c.status(), "to", status));
        return store.find(id).orElseThrow();
    }

    /**
     * Settles the official list of a contest: every active candidate, in Vietnamese alphabetical order;
     * refused when the list is too short (or long) for the seats.
     */
    @Transactional
    public List<CandidateView> finalizeList(long electionId, String placeCode) {
        Contest contest = contestForChange(electionId, placeCode);
        RuleSet rs = RuleSet.valueOf(contest.ruleSet());
        Set<Long> source = listSource(contest, rs);
        List<CandidateView> active = store.byContest(contest.id()).stream()
                .filter(c -> Set.of("NOMINATED", "CONSULTED", "ON_LIST").contains(c.status()))
                .filter(c -> source == null || source.contains(c.id())).toList();
        var findings = CandidateLists.check(rs, contest.seats(), active.size());
        if (!findings.isEmpty()) {
            throw DomainException.violations(findings.stream().map(FindingProblems::violation).toList());
        }
        List<CandidateView> ordered = alphabetical(active);
        Map<String, Object> moved = new java.util.LinkedHashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            store.putOnList(ordered.get(i).id(), i + 1);
            if (!"ON_LIST".equals(ordered.get(i).status())) {
                moved.put(String.valueOf(ordered.get(i).id()), ordered.get(i).status() + "→ON_LIST");
            }
        }
        audit.record("CANDIDATE_LIST_FINAL", "contest", placeCode, contest.unitCode(),
                Map.of("candidates", ordered.size(), "seats", contest.seats(), "statusChanges", moved));
        return store.byContest(contest.id());
    }

    /**
     * Whose names the official list may hold: for a village head, those of the Front working committee's
     * meeting agreed with the cell committee (Nghị định 59/2023, Điều 6 khoản 2); for the NA and HĐND, those
     * the third consultation found qualified (Luật 85/2015, Điều 50 and 51 … law.md §2.6); null = every active
     * nominee (a Party cell).
     */
    private Set<Long> listSource(Contest contest, RuleSet rs) {
        return switch (rs.kind()) {
            case VILLAGE_HEAD -> {
                var meeting = store.frontMeeting(contest.id()).orElseThrow(() -> DomainException.violations(List.of(
                        Violation.of("K-124", "frontMeeting", "candidate.front-meeting-required"))));
                if (!meeting.cellAgreed()) {
                    throw DomainException.violations(List.of(Violation.of("K-125", "cellAgreed", "candidate.cell-agreement-required")));
                }
                yield Set.copyOf(meeting.candidateIds());
            }
            case NATIONAL_ASSEMBLY, PEOPLES_COUNCIL -> {
                Set<Long> qualified = store.qualifiedList(contest);
                if (qualified == null) {
                    throw DomainException.violations(List.of(Violation.of("K-127", "consultation",
                            "candidate.third-consultation-required")));
                }
                yield qualified;
            }
            case PARTY_CELL -> null;
        };
    }

    @Transactional(readOnly = true)
    public List<CandidateView> list(long electionId, String placeCode) {
        Contest contest = store.contest(electionId, placeCode)
                .orElseThrow(() -> DomainException.notFound("body.contest-not-found", placeCode));
        return store.byContest(contest.id());
    }

    /** Where a status may go next (for the forms). */
    public static List<String> nextStatuses(String status) {
        return java.util.Arrays.stream(CandidateStatus.values()).filter(to -> CandidateStatus.valueOf(status).canMoveTo(to))
                .filter(to -> to != CandidateStatus.ELECTED && to != CandidateStatus.NOT_ELECTED)
                .map(Enum::name).sorted().toList();
    }

    /** A contest as its candidates page heads it. */
    public record ContestInfo(long electionId, String electionName, String placeCode, String placeName, int seats,
                              String ruleSet, String kind, LocalDate electionDay, boolean frozen, boolean listSettled,
                              LocalDate postedOn) {

        public boolean village() {
            return RuleSet.valueOf(ruleSet).kind() == RuleSet.Kind.VILLAGE_HEAD;
        }

        public boolean consulted() {
            var k = RuleSet.valueOf(ruleSet).kind();
            return k == RuleSet.Kind.NATIONAL_ASSEMBLY || k == RuleSet.Kind.PEOPLES_COUNCIL;
        }
    }

    @Transactional(readOnly = true)
    public ContestInfo contestInfo(long electionId, String placeCode) {
        Contest contest = store.contest(electionId, placeCode)
                .orElseThrow(() -> DomainException.notFound("body.contest-not-found", placeCode));
        List<CandidateView> all = store.byContest(contest.id());
        return new ContestInfo(electionId, elections.get(electionId).name(), placeCode, store.placeName(contest.id()),
                contest.seats(), contest.ruleSet(), contest.kind(), contest.electionDay(), contest.frozen(),
                all.stream().anyMatch(c -> c.listPosition() != null), store.postedOn(contest.id()));
    }

    /** Contests of an election matching a code, unit code or part of a name, with their candidates counted (at most 300). */
    @Transactional(readOnly = true)
    public List<CandidateStore.ContestLine> contests(long electionId, String q) {
        elections.get(electionId);
        return store.contestLines(electionId, q, 300);
    }

    /** A voter conference's trust in a nominee: attendance checked, trusted with more than half of those present. */
    @Transactional
    public boolean recordVoterConference(long candidateId, vn.baucu.rules.VoterConferences.Place place, LocalDate on,
                                         long voters, long present, long trustVotes) {
        CandidateView c = store.find(candidateId).orElseThrow(() -> DomainException.notFound("candidate.not-found", candidateId));
        contestForChange(c.electionId(), c.placeCode());
        List<vn.baucu.rules.Finding> findings = new ArrayList<>(vn.baucu.rules.VoterConferences.checkAttendance(place, voters, present));
        if (trustVotes > present) {
            findings.add(vn.baucu.rules.Finding.error("V-203", "trustVotes", "conference.trust-above-present", trustVotes, present));
        }
        if (!findings.isEmpty()) {
            throw DomainException.violations(findings.stream().map(FindingProblems::violation).toList());
        }
        boolean trusted = vn.baucu.rules.VoterConferences.trusted(present, trustVotes);
        store.insertVoterConference(candidateId, place.name(), on, voters, present, trustVotes, trusted);
        audit.record("VOTER_CONFERENCE", "candidate", String.valueOf(candidateId), c.placeCode(),
                Map.of("present", present, "trust", trustVotes, "trusted", trusted));
        return trusted;
    }

    /** The composition statistics as an Excel sheet (fastexcel, streaming). */
    @Transactional(readOnly = true)
    public byte[] statisticsXlsx(long electionId, String placeCode, boolean electedOnly, java.util.function.Function<String, String> label) {
        Statistics stats = statistics(electionId, placeCode, electedOnly);
        var out = new java.io.ByteArrayOutputStream();
        try (var wb = new org.dhatim.fastexcel.Workbook(out, "baucu", "1.0")) {
            var ws = wb.newWorksheet("Cơ cấu");
            String[] head = {label.apply("stats.col.item"), label.apply("stats.col.count"), label.apply("stats.col.of"),
                label.apply("stats.col.percent")};
            for (int c = 0; c < head.length; c++) {
                ws.value(0, c, head[c]);
            }
            int r = 1;
            for (var share : stats.report().shares()) {
                ws.value(r, 0, label.apply("stats." + share.key()));
                ws.value(r, 1, share.count());
                ws.value(r, 2, share.of());
                ws.value(r, 3, share.percent() == null ? "" : share.percent());
                r++;
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Attaches a dossier scan or photo to a candidacy (kept in the database with its SHA-256). */
    @Transactional
    public long attach(long candidateId, String kind, String fileName, String contentType, byte[] content) {
        CandidateView c = store.find(candidateId).orElseThrow(() -> DomainException.notFound("candidate.not-found", candidateId));
        contestForChange(c.electionId(), c.placeCode());
        if (!Set.of("DOSSIER", "PHOTO", "OTHER").contains(String.valueOf(kind)) || content.length == 0) {
            throw DomainException.violations(List.of(Violation.of("K-109", "file", "candidate.document-invalid")));
        }
        String sha = vn.baucu.platform.Inputs.sha256(content);
        long id = store.insertDocument(candidateId, kind, fileName, contentType == null ? "application/octet-stream" : contentType,
                sha, content, authorization.currentUser().username());
        audit.record("CANDIDATE_DOCUMENT", "candidate", String.valueOf(candidateId), c.placeCode(),
                Map.of("file", String.valueOf(fileName), "sha256", sha));
        return id;
    }

    /**
     * The documents attached to the candidacies of a contest (names and hashes; the content is fetched one by
     * one); none for a user who does not administer the contest's unit.
     */
    @Transactional(readOnly = true)
    public List<CandidateStore.DocumentRow> documents(long electionId, String placeCode) {
        Contest contest = store.contest(electionId, placeCode)
                .orElseThrow(() -> DomainException.notFound("body.contest-not-found", placeCode));
        boolean allowed = units.find(contest.unitCode(), contest.electionDay())
                .map(u -> authorization.allows(u.id(), Access.ADMINISTER)).orElse(false);
        return allowed ? store.documents(electionId, placeCode) : List.of();
    }

    /** One attached document with its content, for the officials of the contest's unit. */
    @Transactional(readOnly = true)
    public Map.Entry<CandidateStore.DocumentRow, byte[]> document(long documentId) {
        var row = store.document(documentId).orElseThrow(() -> DomainException.notFound("candidate.document-not-found", documentId));
        CandidateView c = store.find(row.candidateId()).orElseThrow();
        requireAdminister(store.contest(c.electionId(), c.placeCode()).orElseThrow());
        return Map.entry(row, store.documentContent(documentId));
    }

    /** Records that the official list was posted (niêm yết) on a date; the public portal shows it from then on. */
    @Transactional
    public void postList(long electionId, String placeCode, LocalDate postedOn) {
        Contest contest = store.contest(electionId, placeCode)
                .orElseThrow(() -> DomainException.notFound("body.contest-not-found", placeCode));
        requireAdminister(contest);
        if (store.byContest(contest.id()).stream().noneMatch(c -> c.listPosition() != null)) {
            throw DomainException.conflict("candidate.no-final-list", placeCode);
        }
        if (postedOn == null || postedOn.isAfter(LocalDate.now(clock))) {
            throw DomainException.violations(List.of(Violation.of("K-128", "postedOn", "voter.posted-on-future",
                    String.valueOf(postedOn))));
        }
        store.markListPosted(contest.id(), postedOn);
        audit.record("CANDIDATE_LIST_POSTED", "contest", placeCode, contest.unitCode(), Map.of("postedOn", postedOn.toString()));
        // the last list posted completes the election's CANDIDATE_LIST_POSTED milestone (counted against the calendar)
        if (store.allListsPosted(electionId) && elections.progress(electionId, null).stream()
                .anyMatch(m -> m.code().equals("CANDIDATE_LIST_POSTED") && m.done() < m.total())
                && (authorization.currentUser().isSystemAdmin() || canAdministerScope(electionId))) {
            elections.markDone(electionId, "CANDIDATE_LIST_POSTED", null, postedOn, null);
        }
    }

    /** The posted list of a contest, for the public portal (no personal ids, no private fields). */
    @Transactional(readOnly = true)
    public List<CandidateView> postedList(long electionId, String placeCode) {
        return store.postedList(electionId, placeCode);
    }

    /** Composition of the candidates (or of those elected) of an election or one contest, with NA quota flags. */
    @Transactional(readOnly = true)
    public Statistics statistics(long electionId, String placeCode, boolean electedOnly) {
        List<CandidateView> people = store.forStatistics(electionId, placeCode == null || placeCode.isBlank() ? null : placeCode,
                electedOnly);
        var report = vn.baucu.rules.Composition.of(people.stream().map(c -> new vn.baucu.rules.Composition.Profile(c.sex(),
                c.incumbent(), c.ethnicity(), c.education(), c.politicalTheory(), c.partyMember())).toList());
        List<Violation> flags = new ArrayList<>(vn.baucu.rules.Composition.naQuotas(report).stream()
                .map(FindingProblems::violation).toList());
        Map<String, java.math.BigDecimal> plan = store.plan(electionId);
        plan.forEach((item, target) -> report.shares().stream().filter(s -> s.key().equals(item)).findFirst()
                .filter(s -> s.percent() != null && new java.math.BigDecimal(s.percent()).compareTo(target) < 0)
                .ifPresent(s -> flags.add(Violation.of("Q-201", item, "composition.below-plan",
                        "stats." + item, s.percent(), target.toPlainString()))));
        return new Statistics(report, plan, flags);
    }

    /** The composition, the planned structure (item → target %) and what falls short of the quotas or the plan. */
    public record Statistics(vn.baucu.rules.Composition.Report report, Map<String, java.math.BigDecimal> plan,
                             List<Violation> quotaFlags) {
    }

    /** What a planned structure may set a target for (percent of the candidates). */
    public static final List<String> PLAN_ITEMS = List.of("WOMEN", "ETHNIC_MINORITY", "INCUMBENT", "FIRST_TIME", "PARTY_MEMBER",
            "NON_PARTY", "THEORY_ADVANCED", "THEORY_INTERMEDIATE", "POSTGRADUATE");

    /** Sets the planned structure (e.g. WOMEN 40, ETHNIC_MINORITY 18) the statistics are compared with. */
    @Transactional
    public void setPlan(long electionId, Map<String, java.math.BigDecimal> plan) {
        var election = elections.get(electionId);
        if (!authorization.currentUser().isSystemAdmin() && !canAdministerScope(electionId)) {
            throw DomainException.forbidden("problem.forbidden");
        }
        Set<String> items = Set.copyOf(PLAN_ITEMS);
        List<Violation> problems = new ArrayList<>();
        plan.forEach((item, target) -> {
            if (!items.contains(item)) {
                problems.add(Violation.of("Q-202", item, "composition.plan-item-unknown", item));
            } else if (target == null || target.signum() < 0 || target.compareTo(java.math.BigDecimal.valueOf(100)) > 0) {
                problems.add(Violation.of("Q-203", item, "composition.plan-target-invalid", String.valueOf(target)));
            }
        });
        if (!problems.isEmpty()) {
            throw DomainException.violations(problems);
        }
        store.replacePlan(electionId, plan);
        audit.record("COMPOSITION_PLAN", "election", String.valueOf(electionId), election.scopeCode(), Map.copyOf(plan));
    }

    /** The official list of a contest as posted (PDF): names in list order with the public profile. */
    @Transactional(readOnly = true)
    public byte[] listPdf(long electionId, String placeCode) {
        return document("candidate-list", electionId, placeCode);
    }

    /** The ballot of a contest (PDF): strike-out layout, or agree / disagree for a Party list without surplus. */
    @Transactional(readOnly = true)
    public byte[] ballotPdf(long electionId, String placeCode) {
        return document("ballot", electionId, placeCode);
    }

    /**
     * The counting minutes of a contest, pre-printed from its ballot (PDF): the figures to fill in and a row
     * per name on the ballot. A candidate struck off after the ballots were printed stays on the ballot, so
     * the minutes carry them, marked "not counted", with a note giving the date, decision and reason; names
     * nominated from the floor of a village meeting are marked as such.
     */
    @Transactional(readOnly = true)
    public byte[] countingMinutesPdf(long electionId, String placeCode) {
        return document("counting-minutes", electionId, placeCode);
    }

    /**
     * Records the legal outcome of a contest, as the results module computes it from the certified minutes: every
     * name still standing becomes ELECTED or NOT_ELECTED (again, after a correction); names struck off or withdrawn
     * keep their status. Not a user's action: authorised by the certification that triggered it.
     */
    @Transactional
    public void recordOutcome(long electionId, String placeCode, java.util.Collection<Long> elected) {
        Contest contest = store.contest(electionId, placeCode)
                .orElseThrow(() -> DomainException.notFound("body.contest-not-found", placeCode));
        store.recordOutcome(contest.id(), elected);
    }

    /**
     * The names on the printed ballot of a contest, in ballot order: the settled list, with the names struck off or
     * withdrawn after printing still in their place ({@link CandidateView#struckAfterPrinting()}: their votes do not
     * count) and the names nominated from the floor of a village meeting at the end. Empty before the list is settled.
     */
    /** A candidate as a person: to match them with the same person elsewhere (a Party member), by personal id. */
    public record Person(long candidateId, String fullName, java.time.LocalDate birthDate, String personalId) {
    }

    /**
     * These candidates as persons, with their full personal ids: for the modules that match people across records
     * (the Party's unified post), never for display. Unknown ids are left out.
     */
    @Transactional(readOnly = true)
    public Map<Long, Person> persons(java.util.Collection<Long> candidateIds) {
        Map<Long, Person> out = new java.util.HashMap<>();
        store.persons(candidateIds).forEach(p -> out.put((Long) p[0], new Person((Long) p[0], (String) p[1],
                (java.time.LocalDate) p[2], (String) p[3])));
        return out;
    }

    @Transactional(readOnly = true)
    public List<CandidateView> ballot(long electionId, String placeCode) {
        Contest contest = store.contest(electionId, placeCode)
                .orElseThrow(() -> DomainException.notFound("body.contest-not-found", placeCode));
        return onList(contest, true);
    }

    private List<CandidateView> onList(Contest contest, boolean printed) {
        return store.byContest(contest.id()).stream().filter(c -> c.listPosition() != null)
                .filter(c -> !Set.of("WITHDRAWN", "STRUCK_OFF").contains(c.status()) || (printed && c.struckAfterPrinting()))
                .toList();
    }

    private byte[] document(String template, long electionId, String placeCode) {
        Contest contest = store.contest(electionId, placeCode)
                .orElseThrow(() -> DomainException.notFound("body.contest-not-found", placeCode));
        // the posted list holds the active names; the ballot (and the minutes printed from it) also the names
        // struck off after printing, which cannot be taken off a printed ballot
        List<CandidateView> onList = onList(contest, !template.equals("candidate-list"));
        if (onList.isEmpty()) {
            throw DomainException.conflict("candidate.no-final-list", placeCode);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        boolean village = RuleSet.valueOf(contest.ruleSet()).kind() == RuleSet.Kind.VILLAGE_HEAD;
        model.put("electionName", elections.get(electionId).name());
        model.put("figures", village ? List.of("households", "representatives", "issued", "returned", "valid", "invalid")
                : List.of("electorate", "participants", "issued", "returned", "valid", "invalid"));
        model.put("struck", onList.stream().filter(CandidateView::struckAfterPrinting).toList());
        model.put("contest", contest);
        model.put("candidates", onList);
        model.put("placeName", store.placeName(contest.id()));
        model.put("agreeDisagree", contest.kind().equals("PARTY_CELL") && onList.size() <= contest.seats());
        model.put("fingerprint", store.fingerprint(electionId));
        return documents.pdf(template, model);
    }

    private boolean canAdministerScope(long electionId) {
        var e = elections.get(electionId);
        return e.scopeCode() != null && units.find(e.scopeCode(), e.electionDay())
                .map(u -> authorization.allows(u.id(), Access.ADMINISTER)).orElse(false);
    }

    Contest requireAdminister(Contest contest) {
        return require(contest, Access.ADMINISTER);
    }

    Contest require(Contest contest, Access access) {
        var unit = units.find(guardedUnit(contest), contest.electionDay())
                .orElseThrow(() -> DomainException.notFound("unit.not-found", guardedUnit(contest), contest.electionDay()));
        // the one guard: the contest's unit, within its election's scope, and the user's access to it
        authorization.require(access, unit.id(), unit.code(), elections.get(contest.electionId()).scopeCode());
        return contest;
    }

    /** Vietnamese order: by given name (the last word), then family name (the first), then the middle names. */
    static List<CandidateView> alphabetical(List<CandidateView> candidates) {
        return candidates.stream().sorted(VietnameseNames.listOrder(CandidateView::fullName)).toList();
    }

    /** The same-day rules ({@link vn.baucu.rules.SameDayCandidacies}) over the person's other candidacies that day. */
    private List<Violation> sameDayProblems(Contest contest, RuleSet rs, NewCandidate n) {
        String pid = n.personalId() == null || n.personalId().isBlank() ? null : n.personalId().strip();
        var others = store.sameDayCandidacies(contest.electionDay(), pid, VietnameseNames.matchKey(n.fullName()),
                n.birthDate()).stream()
                .map(o -> new vn.baucu.rules.SameDayCandidacies.Candidacy(RuleSet.Kind.valueOf(o[0]), o[1], Long.parseLong(o[2])))
                .toList();
        return vn.baucu.rules.SameDayCandidacies.check(rs.kind(), contest.councilLevel(), contest.id(), others, n.fullName())
                .stream().map(FindingProblems::violation).toList();
    }

    private Contest contestForChange(long electionId, String placeCode) {
        Contest contest = store.contest(electionId, placeCode)
                .orElseThrow(() -> DomainException.notFound("body.contest-not-found", placeCode));
        if (contest.frozen()) {
            // freezing the election fixes its lists: after that only the result may change a status
            throw DomainException.conflict("candidate.election-frozen", placeCode);
        }
        var unit = units.find(guardedUnit(contest), contest.electionDay())
                .orElseThrow(() -> DomainException.notFound("unit.not-found", guardedUnit(contest), contest.electionDay()));
        // the one guard: the contest's unit, within its election's scope, administered by the user
        authorization.require(Access.ADMINISTER, unit.id(), unit.code(), elections.get(contest.electionId()).scopeCode());
        return contest;
    }

    /**
     * The unit the guard checks for a contest: a village's contest is the village's (administered by its commune,
     * and inside an election of that one village); an electoral unit's is its commune's or province's.
     */
    private static String guardedUnit(Contest contest) {
        return contest.villageId() != null ? contest.placeCode() : contest.unitCode();
    }
}
