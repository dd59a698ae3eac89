package vn.baucu.election;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.baucu.audit.AuditLog;
import vn.baucu.election.internal.ElectionStore;
import vn.baucu.election.internal.ElectionStore.CommuneProgress;
import vn.baucu.election.internal.ElectionStore.UnitRow;
import vn.baucu.election.rules.UnitsResolution;
import vn.baucu.geography.AdminUnit;
import vn.baucu.geography.AdminUnits;
import vn.baucu.geography.UnitLevel;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.Authorization.Access;
import vn.baucu.platform.CurrentUser;
import vn.baucu.platform.DomainException;
import vn.baucu.platform.Inputs;
import vn.baucu.platform.FindingProblems;
import vn.baucu.platform.Violation;
import vn.baucu.platform.rules.VietnameseNames;
import vn.baucu.rules.CandidateLists;
import vn.baucu.rules.FiguresRejected;
import vn.baucu.rules.LegalCalendar;
import vn.baucu.rules.Milestone;
import vn.baucu.rules.RuleSet;
import vn.baucu.rules.WorkingDays;

/**
 * Elections and what they lay out: contests (one per village, or one per electoral unit), electoral
 * units, the legal calendar of each contest and its tracking, and the freezing of the configuration
 * under a SHA-256 fingerprint. Every change is authorised on the unit concerned and audited.
 */
@Service
public class Elections {

    private final ElectionStore store;
    private final vn.baucu.platform.Documents documents;
    private final AdminUnits units;
    private final Authorization authorization;
    private final AuditLog audit;
    private final Clock clock;
    private final List<CandidateRoster> rosters;

    private final org.springframework.context.ApplicationEventPublisher events;

    Elections(ElectionStore store, vn.baucu.platform.Documents documents, AdminUnits units, Authorization authorization,
              AuditLog audit, Clock clock, List<CandidateRoster> rosters,
              org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.rosters = rosters;
        this.store = store;
        this.documents = documents;
        this.units = units;
        this.authorization = authorization;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ElectionView create(NewElection e) {
        List<Violation> problems = new ArrayList<>();
        if (e.kind() == null) {
            problems.add(Violation.of("L-201", "kind", "election.required", "kind"));
        }
        if (e.ruleSet() == null) {
            problems.add(Violation.of("L-201", "ruleSet", "election.required", "ruleSet"));
        } else if (e.kind() != null && !e.kind().admits(e.ruleSet())) {
            problems.add(Violation.of("L-202", "ruleSet", "election.rule-set-mismatch", e.ruleSet().name(), e.kind().name()));
        }
        if (e.kind() == ElectionKind.PARTY_CELL) {
            // Party data stays behind the Party's own guard (module party): a cell congress is not a state election
            problems.add(Violation.of("L-210", "kind", "election.party-cell-in-party-module"));
        }
        if (e.electionDay() == null) {
            problems.add(Violation.of("L-201", "electionDay", "election.required", "electionDay"));
        }
        if (e.name() == null || e.name().isBlank()) {
            problems.add(Violation.of("L-201", "name", "election.required", "name"));
        }
        if (e.term() == null || !e.term().matches("\\d{4}\\s*[–-]\\s*\\d{4}")) {
            problems.add(Violation.of("L-203", "term", "election.term-invalid", String.valueOf(e.term())));
        }
        if (e.kind() == ElectionKind.PEOPLES_COUNCIL && !"PROVINCE".equals(e.councilLevel()) && !"COMMUNE".equals(e.councilLevel())) {
            problems.add(Violation.of("L-204", "councilLevel", "election.council-level"));
        }
        if (e.kind() != null && e.kind().contestPerVillage() && (e.scopeCode() == null || e.scopeCode().isBlank())) {
            problems.add(Violation.of("L-201", "scopeCode", "election.required", "scopeCode"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.violations(problems);
        }
        List<Milestone> calendar;
        try {
            calendar = LegalCalendar.of(e.ruleSet(), e.electionDay(), WorkingDays.bundled());
        } catch (FiguresRejected rejected) {
            throw FindingProblems.of(rejected);
        }
        AdminUnit scope = null;
        CurrentUser user = authorization.currentUser();
        if (e.scopeCode() != null && !e.scopeCode().isBlank()) {
            scope = units.find(e.scopeCode(), e.electionDay())
                    .orElseThrow(() -> DomainException.notFound("unit.not-found", e.scopeCode(), e.electionDay()));
            authorization.require(scope.id(), Access.ADMINISTER, scope.code());
        } else if (!user.isSystemAdmin()) {
            throw DomainException.forbidden("election.national-needs-admin");
        }
        long id = store.insertElection(e.kind(), e.kind() == ElectionKind.PEOPLES_COUNCIL ? e.councilLevel() : null,
                e.ruleSet().name(), VietnameseNames.clean(e.name()), e.term().replaceAll("\\s*[–-]\\s*", "–"),
                e.electionDay(), scope == null ? null : scope.id(), scope == null ? null : scope.code(), user.username(),
                clock.instant());
        int contests = 0;
        if (e.kind().contestPerVillage()) {
            List<Long> villageIds = (scope.level() == UnitLevel.VILLAGE ? List.of(scope)
                    : units.list(UnitLevel.VILLAGE, scope.code(), e.electionDay())).stream().map(AdminUnit::id).toList();
            contests = store.insertVillageContests(id, villageIds);
            store.insertContestMilestones(id, calendar);
        } else {
            store.insertElectionMilestones(id, calendar, "LAW");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", e.kind().name());
        details.put("ruleSet", e.ruleSet().name());
        details.put("electionDay", e.electionDay().toString());
        details.put("scope", e.scopeCode());
        details.put("contests", contests);
        audit.record("ELECTION_CREATED", "election", String.valueOf(id), e.scopeCode(), details);
        return get(id);
    }

    @Transactional(readOnly = true)
    public ElectionView get(long id) {
        return store.find(id).orElseThrow(() -> DomainException.notFound("election.not-found", id));
    }

    @Transactional(readOnly = true)
    public List<ElectionView> list() {
        return store.list();
    }

    /**
     * Defines (or redefines) the electoral units of one province of an NA or HĐND election: every unit
     * within the seat cap, every commune of the province in exactly one unit. All or nothing.
     */
    @Transactional
    public List<UnitRow> defineUnits(long electionId, String provinceCode, List<UnitDefinition> definitions) {
        requireWellFormed(definitions);
        ElectionView election = configurable(electionId);
        AdminUnit province = provinceOf(election, provinceCode);
        Map<String, AdminUnit> communes = new HashMap<>();
        units.list(UnitLevel.COMMUNE, province.code(), election.electionDay()).forEach(c -> communes.put(c.code(), c));
        List<Violation> problems = new ArrayList<>();
        validateUnits(election, province, definitions, communes, problems);
        if (!problems.isEmpty()) {
            throw DomainException.violations(problems);
        }
        writeUnits(election, province, definitions, communes);
        audit.record("ELECTORAL_UNITS_DEFINED", "election", String.valueOf(electionId), province.code(),
                Map.of("units", definitions.size(), "seats", definitions.stream().mapToInt(UnitDefinition::seats).sum()));
        return store.units(electionId);
    }

    /**
     * Imports the electoral units of every province a resolution text names (such as Nghị quyết
     * 85/NQ-HĐBCQG): each commune name must resolve to exactly one commune of its province, and each
     * province's units must cover it; otherwise nothing is stored and every problem is listed.
     */
    @Transactional
    public List<UnitRow> importUnits(long electionId, String fileName, String text) {
        ElectionView election = configurable(electionId);
        UnitsResolution.Parsed parsed = UnitsResolution.parse(text);
        List<Violation> problems = new ArrayList<>(parsed.problems().stream().map(FindingProblems::violation).toList());
        List<AdminUnit> provinces = units.list(UnitLevel.PROVINCE, null, election.electionDay());
        record Section(AdminUnit province, List<UnitDefinition> units, Map<String, AdminUnit> communes) {
        }
        List<Section> sections = new ArrayList<>();
        for (UnitsResolution.Province p : parsed.provinces()) {
            String key = VietnameseNames.matchKey(p.name());
            AdminUnit province = provinces.stream().filter(x -> VietnameseNames.matchKey(x.name()).equals(key)).findFirst()
                    .orElse(null);
            if (province == null) {
                problems.add(Violation.atRow(p.line(), "R-200", "province", "resolution.province-unknown", p.name()));
                continue;
            }
            if (!provinceInScope(election, province)) {
                problems.add(Violation.atRow(p.line(), "SCOPE-001", "province", "problem.outside-election-scope",
                        province.code(), election.scopeCode()));
                continue;
            }
            if (!authorization.allows(province.id(), Access.ADMINISTER)) {
                problems.add(Violation.atRow(p.line(), "R-207", "province", "resolution.province-out-of-scope", p.name()));
                continue;
            }
            Map<String, AdminUnit> communes = new HashMap<>();
            Map<String, List<AdminUnit>> byName = new HashMap<>();
            for (AdminUnit c : units.list(UnitLevel.COMMUNE, province.code(), election.electionDay())) {
                communes.put(c.code(), c);
                byName.computeIfAbsent(nameKey(c.kind(), c.name()), k -> new ArrayList<>()).add(c);
            }
            List<UnitDefinition> definitions = new ArrayList<>();
            for (UnitsResolution.Unit u : p.units()) {
                List<String> codes = new ArrayList<>();
                for (UnitsResolution.CommuneRef ref : u.communes()) {
                    List<AdminUnit> found = byName.getOrDefault(nameKey(ref.type(), ref.name()), List.of());
                    if (found.size() == 1) {
                        codes.add(found.get(0).code());
                    } else {
                        problems.add(Violation.atRow(u.line(), found.isEmpty() ? "R-201" : "R-202", "communes",
                                found.isEmpty() ? "resolution.commune-unknown" : "resolution.commune-ambiguous",
                                ref.type() + " " + ref.name(), u.number(), p.name()));
                    }
                }
                definitions.add(new UnitDefinition(u.number(), "Đơn vị bầu cử số " + u.number(), u.seats(), codes));
            }
            if (p.declaredUnits() >= 0 && p.declaredUnits() != p.units().size()) {
                problems.add(Violation.atRow(p.line(), "R-205", "units", "resolution.unit-count-mismatch", p.name(),
                        p.declaredUnits(), p.units().size()));
            }
            int seats = p.units().stream().mapToInt(UnitsResolution.Unit::seats).sum();
            if (p.declaredSeats() >= 0 && p.declaredSeats() != seats) {
                problems.add(Violation.atRow(p.line(), "R-206", "seats", "resolution.seat-count-mismatch", p.name(),
                        p.declaredSeats(), seats));
            }
            validateUnits(election, province, definitions, communes, problems);
            sections.add(new Section(province, definitions, communes));
        }
        if (!problems.isEmpty()) {
            throw DomainException.violations(problems);
        }
        for (Section s : sections) {
            writeUnits(election, s.province(), s.units(), s.communes());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("file", fileName);
        details.put("sha256", Inputs.sha256(text.getBytes(StandardCharsets.UTF_8)));
        details.put("provinces", sections.size());
        details.put("units", sections.stream().mapToInt(s -> s.units().size()).sum());
        audit.record("ELECTORAL_UNITS_IMPORTED", "election", String.valueOf(electionId), election.scopeCode(), details);
        return store.units(electionId);
    }

    @Transactional(readOnly = true)
    public List<UnitRow> units(long electionId) {
        get(electionId);
        return store.units(electionId);
    }

    /** Freezes the configuration: no more changes; its SHA-256 fingerprint goes on every later document. */
    @Transactional
    public ElectionView freeze(long electionId) {
        ElectionView election = configurable(electionId);
        requireAdminister(election);
        if (election.contests() == 0) {
            throw DomainException.violations(List.of(Violation.of("L-205", "contests", "election.no-contests")));
        }
        String fingerprint = currentFingerprint(electionId);
        if (!ElectionStatus.valueOf(election.status()).canMoveTo(ElectionStatus.FROZEN)
                || !store.freeze(electionId, fingerprint, clock.instant())) {
            throw DomainException.conflict("election.frozen", electionId, get(electionId).fingerprint());
        }
        audit.record("ELECTION_FROZEN", "election", String.valueOf(electionId), election.scopeCode(),
                Map.of("fingerprint", fingerprint));
        return get(electionId);
    }

    /**
     * Checks a fingerprint (printed on a document, or carried by counting minutes) against the election:
     * it must equal the one frozen, and the configuration must still hash to it (nothing changed since).
     */
    @Transactional(readOnly = true)
    public boolean fingerprintMatches(long electionId, String fingerprint) {
        ElectionView election = get(electionId);
        if (election.fingerprint() == null || fingerprint == null || !election.fingerprint().equalsIgnoreCase(fingerprint.strip())) {
            return false;
        }
        return election.fingerprint().equals(currentFingerprint(electionId));
    }

    private String currentFingerprint(long electionId) {
        List<String> configuration = new ArrayList<>(store.canonicalConfiguration(electionId));
        rosters.forEach(r -> configuration.addAll(r.finalListLines(electionId)));
        java.util.Collections.sort(configuration);
        return Inputs.sha256(String.join("\n", configuration).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Copies an election as a rehearsal (DIỄN TẬP): units, contests, calendar, bodies, and — through {@link RehearsalEvent}
     * — the voter lists and candidate lists, with the same fingerprint and no minutes. Its administrators practise
     * polling day and the minutes on it; nothing of it reaches public pages, open data or the real election's figures.
     */
    @Transactional
    public ElectionView createRehearsal(long sourceId) {
        ElectionView source = get(sourceId);
        requireAdminister(source);
        if (source.rehearsal()) {
            throw DomainException.conflict("election.rehearsal-of-rehearsal", sourceId);
        }
        String by = authorization.currentUser().username();
        long id = store.copyAsRehearsal(sourceId, source.name() + " — DIỄN TẬP", by, clock.instant());
        events.publishEvent(new RehearsalEvent(RehearsalEvent.Kind.CREATED, id, sourceId));
        audit.record("REHEARSAL_CREATED", "election", String.valueOf(id), source.scopeCode(), Map.of("source", sourceId));
        return get(id);
    }

    /**
     * Creates the follow-up election of one contest: a village's re-election after nobody was elected (with its own
     * legal calendar; the commune decides, NĐ 59/2023/NĐ-CP, Điều 8), or an electoral unit's additional election or
     * re-election for {@code seats} seats (Điều 79–80, its polling areas again for the new day); through
     * {@link FollowUpCreated} the first round's list (Điều 82) and the eligible candidates. Frozen like any election.
     */
    @Transactional
    public ElectionView createFollowUp(long sourceId, String placeCode, vn.baucu.rules.Round round, LocalDate day,
                                       int seats) {
        ElectionView source = get(sourceId);
        ContestRef contest = contest(sourceId, placeCode);
        // the commune decides a village's re-election; the province's committee proposes a unit's (Điều 79–80)
        authorization.require(Access.ADMINISTER, contest.village() ? contest.placeCode() : contest.provinceCode(),
                contest.electionDay(), source.scopeCode());
        if (day == null || !day.isAfter(source.electionDay())) {
            throw DomainException.violations(List.of(Violation.of("L-209", "electionDay", "election.follow-up-day",
                    String.valueOf(day), source.electionDay())));
        }
        String suffix = round == vn.baucu.rules.Round.REELECTION ? " — bầu lại" : " — bầu thêm";
        String name = source.name() + " — " + contest.placeName() + suffix;
        String by = authorization.currentUser().username();
        long id;
        if (contest.village()) {
            List<Milestone> calendar;
            try {
                calendar = LegalCalendar.of(RuleSet.valueOf(source.ruleSet()), day, WorkingDays.bundled());
            } catch (FiguresRejected rejected) {
                throw FindingProblems.of(rejected);
            }
            id = store.insertFollowUp(sourceId, placeCode, round.name(), day, name, by, clock.instant());
            store.insertContestMilestones(id, calendar);
        } else {
            // an additional election or re-election is held within days: no calendar of its own beyond its day
            id = store.insertUnitFollowUp(sourceId, placeCode, round.name(), day, seats, name, by, clock.instant());
        }
        events.publishEvent(new FollowUpCreated(sourceId, placeCode, id));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("source", sourceId);
        details.put("contest", placeCode);
        details.put("round", round.name());
        details.put("electionDay", day.toString());
        details.put("seats", seats);
        audit.record("FOLLOW_UP_CREATED", "election", String.valueOf(id), contest.village() ? placeCode : contest.provinceCode(),
                details);
        return get(id);
    }

    /** Clears a rehearsal's polling day and minutes, to practise again. */
    @Transactional
    public ElectionView resetRehearsal(long id) {
        ElectionView rehearsal = rehearsal(id);
        events.publishEvent(new RehearsalEvent(RehearsalEvent.Kind.RESET, id, null));
        audit.record("REHEARSAL_RESET", "election", String.valueOf(id), rehearsal.scopeCode(), Map.of());
        return rehearsal;
    }

    /** Deletes a rehearsal with everything in it (a real election is never deleted: 409). */
    @Transactional
    public void deleteRehearsal(long id) {
        ElectionView rehearsal = rehearsal(id);
        events.publishEvent(new RehearsalEvent(RehearsalEvent.Kind.DELETING, id, null));
        store.deleteRehearsal(id);
        audit.record("REHEARSAL_DELETED", "election", String.valueOf(id), rehearsal.scopeCode(),
                Map.of("source", rehearsal.rehearsalOf()));
    }

    private ElectionView rehearsal(long id) {
        ElectionView e = get(id);
        requireAdminister(e);
        if (!e.rehearsal()) {
            throw DomainException.conflict("election.not-rehearsal", id);
        }
        return e;
    }

    /** A contest of an election by its place code (a village's code, or "22-1" for unit 1 of province 22). */
    @Transactional(readOnly = true)
    public ContestRef contest(long electionId, String placeCode) {
        return store.contestRef(electionId, placeCode)
                .orElseThrow(() -> DomainException.notFound("body.contest-not-found", placeCode));
    }

    /** The contests of an election in one commune (its villages' contests, and the units its polling areas vote in). */
    @Transactional(readOnly = true)
    public List<ContestRef> contestsOfCommune(long electionId, String communeCode) {
        return store.contestRefsOfCommune(electionId, communeCode);
    }

    /**
     * Whether a polling area votes in a contest: the area lies in one of the contest's electoral unit's communes and
     * serves its election day.
     */
    @Transactional(readOnly = true)
    public boolean votesIn(long pollingAreaId, ContestRef contest) {
        return !contest.village() && store.pollingAreaVotesIn(pollingAreaId, contest.id(), contest.electionDay());
    }

    /** A contest by its id. */
    @Transactional(readOnly = true)
    public ContestRef contest(long contestId) {
        return store.contestRefById(contestId).orElseThrow(() -> DomainException.notFound("body.contest-not-found", contestId));
    }

    /** The polling areas that vote in a contest of an electoral unit (none for a village's contest). */
    @Transactional(readOnly = true)
    public List<PollingArea> pollingAreasOf(ContestRef contest) {
        return contest.village() ? List.of() : store.pollingAreasOf(contest.id(), contest.electionDay());
    }

    /** How many polling areas vote in a contest of an electoral unit (none for a village's contest). */
    @Transactional(readOnly = true)
    public int pollingAreaCount(ContestRef contest) {
        return contest.village() ? 0 : store.pollingAreaCount(contest.id(), contest.electionDay());
    }

    /** Every contest of an election. */
    @Transactional(readOnly = true)
    public List<ContestRef> contests(long electionId) {
        return store.contestRefs(electionId);
    }

    /** The follow-up elections started for contests of an election, by the place code of the contest each follows. */
    @Transactional(readOnly = true)
    public Map<String, FollowUpElection> followUps(long electionId) {
        Map<String, FollowUpElection> out = new java.util.TreeMap<>();
        store.followUps(electionId).forEach(f -> out.put(f.placeCode(), f));
        return out;
    }

    /** Whether a polling area votes in some contest of an election on its day (see {@link #votesIn}). */
    @Transactional(readOnly = true)
    public boolean servedBy(long pollingAreaId, long electionId) {
        return store.pollingAreaServes(pollingAreaId, electionId);
    }

    /** A province's own, earlier internal deadline on top of the legal ones (e.g. Plan 10-KH/TU). */
    @Transactional
    public void addInternalDeadline(long electionId, String code, String title, LocalDate due, boolean perContest) {
        ElectionView election = get(electionId);
        requireAdminister(election);
        List<Violation> problems = new ArrayList<>();
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{2,47}")) {
            problems.add(Violation.of("L-206", "code", "election.deadline-code-invalid"));
        } else if (store.milestoneCodeExists(electionId, code)) {
            problems.add(Violation.of("L-207", "code", "election.deadline-code-taken", code));
        }
        if (title == null || title.isBlank()) {
            problems.add(Violation.of("L-201", "title", "election.required", "title"));
        }
        if (due == null) {
            problems.add(Violation.of("L-201", "dueDate", "election.required", "dueDate"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.violations(problems);
        }
        store.insertInternalDeadline(electionId, code, VietnameseNames.clean(title), due,
                perContest && election.kind().contestPerVillage());
        audit.record("INTERNAL_DEADLINE_ADDED", "election", String.valueOf(electionId), election.scopeCode(),
                Map.of("code", code, "due", due.toString()));
    }

    /**
     * Marks one contest's milestone done (a village's Front meeting sent its list to the commune on that
     * day); authorised on the contest's commune, audited, and a no-op when it already is done.
     */
    @Transactional
    public int markContestDone(long contestId, String code, LocalDate doneOn, String decisionRef) {
        return markContestDone(contestId, code, doneOn, decisionRef, Access.ADMINISTER);
    }

    /** As above, for a record that the law gives to another body ({@link Access#FRONT}: the Front's candidate meeting). */
    @Transactional
    public int markContestDone(long contestId, String code, LocalDate doneOn, String decisionRef, Access access) {
        var place = store.contestPlace(contestId).orElseThrow(() -> DomainException.notFound("body.contest-not-found", contestId));
        ElectionView election = get(place.electionId());
        // a village's contest (it has a commune) is guarded on the village, which a village-wide election contains
        String unitCode = place.communeCode() != null ? place.placeCode() : place.provinceCode();
        AdminUnit unit = units.find(unitCode, election.electionDay())
                .orElseThrow(() -> DomainException.notFound("unit.not-found", unitCode, election.electionDay()));
        authorization.require(access, unit.id(), unitCode, election.scopeCode());
        int updated = store.markContestDone(contestId, code, doneOn, authorization.currentUser().username(), decisionRef);
        if (updated > 0) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("code", code);
            details.put("doneOn", doneOn.toString());
            details.put("contest", place.placeCode());
            audit.record("MILESTONE_DONE", "election", String.valueOf(place.electionId()), unitCode, details);
        }
        return updated;
    }

    /**
     * Marks a milestone done for every contest of a commune (one decision formed all its villages'
     * teams), or for the election when {@code communeCode} is null. Done after the deadline stays visible
     * as late.
     */
    @Transactional
    public int markDone(long electionId, String code, String communeCode, LocalDate doneOn, String decisionRef) {
        ElectionView election = get(electionId);
        if (doneOn == null) {
            throw DomainException.violations(List.of(Violation.of("L-201", "doneOn", "election.required", "doneOn")));
        }
        if (doneOn.isAfter(LocalDate.now(clock))) {
            throw DomainException.violations(List.of(Violation.of("L-208", "doneOn", "election.done-in-future", doneOn)));
        }
        String unitCode = communeCode != null && !communeCode.isBlank() ? communeCode : null;
        if (unitCode != null) {
            AdminUnit commune = units.find(unitCode, election.electionDay())
                    .orElseThrow(() -> DomainException.notFound("unit.not-found", unitCode, election.electionDay()));
            authorization.require(Access.ADMINISTER, commune.id(), unitCode, election.scopeCode());
        } else {
            requireAdminister(election);
        }
        int updated = store.markDone(electionId, code, unitCode, doneOn, authorization.currentUser().username(),
                decisionRef == null || decisionRef.isBlank() ? null : decisionRef.strip());
        if (updated == 0) {
            throw DomainException.notFound("election.milestone-not-open", code);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("code", code);
        details.put("doneOn", doneOn.toString());
        details.put("decisionRef", decisionRef);
        details.put("milestones", updated);
        audit.record("MILESTONE_DONE", "election", String.valueOf(electionId), unitCode == null ? election.scopeCode() : unitCode,
                details);
        return updated;
    }

    @Transactional(readOnly = true)
    public List<MilestoneProgress> progress(long electionId, String communeCode) {
        get(electionId);
        return store.progress(electionId, communeCode == null || communeCode.isBlank() ? null : communeCode,
                LocalDate.now(clock));
    }

    @Transactional(readOnly = true)
    public List<CommuneProgress> progressByCommune(long electionId, String code) {
        get(electionId);
        return store.progressByCommune(electionId, code, LocalDate.now(clock));
    }

    /** Per commune code: how many counting minutes the election expects there (see the dashboards). */
    @Transactional(readOnly = true)
    public Map<String, Integer> expectedMinutesByCommune(long electionId) {
        get(electionId);
        return store.expectedMinutesByCommune(electionId);
    }

    /** Per commune: its contests' milestones, done and overdue today. */
    @Transactional(readOnly = true)
    public List<MilestoneTally> milestonesByCommune(long electionId) {
        get(electionId);
        return store.milestonesByCommune(electionId, LocalDate.now(clock));
    }

    /** The election's plan as a printable PDF in the usual layout: every milestone, its deadline, basis and progress. */
    @Transactional(readOnly = true)
    public byte[] planPdf(long electionId) {
        ElectionView election = get(electionId);
        Map<String, Object> model = new HashMap<>();
        model.put("election", election);
        model.put("milestones", store.progress(electionId, null, LocalDate.now(clock)));
        model.put("bases", store.legalBases(electionId));
        model.put("issuer", election.scopeName() == null ? "Hội đồng bầu cử quốc gia" : "Ủy ban nhân dân " + election.scopeName());
        model.put("number", election.scopeName() == null ? "…/KH-HĐBCQG" : "…/KH-UBND");
        model.put("place", placeName(election.scopeName()));
        model.put("date", null);
        return documents.pdf("election-plan", model);
    }

    /** "Móng Cái" for "Thành phố Móng Cái": the place line of a document heading. */
    public static String placeName(String unitName) {
        if (unitName == null) {
            return "Hà Nội";
        }
        return unitName.replaceFirst("^(Tỉnh|Thành phố|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn|Đặc khu)\\s+", "");
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private void validateUnits(ElectionView election, AdminUnit province, List<UnitDefinition> definitions,
                               Map<String, AdminUnit> communes, List<Violation> problems) {
        if (election.kind().contestPerVillage()) {
            problems.add(Violation.of("R-208", "election", "election.no-units-for-kind", election.kind().name()));
            return;
        }
        RuleSet rs = RuleSet.valueOf(election.ruleSet());
        int cap = CandidateLists.maxSeatsPerUnit(rs.kind());
        Map<String, Integer> unitOf = new HashMap<>();
        java.util.Set<Integer> numbers = new java.util.HashSet<>();
        for (UnitDefinition d : definitions) {
            if (!numbers.add(d.number())) {
                problems.add(Violation.of("R-209", "number", "resolution.unit-number-twice", province.name(), d.number()));
            }
            if (d.seats() < 1 || d.seats() > cap) {
                problems.add(Violation.of("R-210", "seats", "resolution.seats-above-cap", province.name(), d.number(),
                        d.seats(), cap));
            }
            for (String code : d.communeCodes()) {
                AdminUnit c = communes.get(code);
                if (c == null) {
                    problems.add(Violation.of("R-201", "communes", "resolution.commune-not-in-province", code,
                            d.number(), province.name()));
                    continue;
                }
                Integer other = unitOf.putIfAbsent(code, d.number());
                if (other != null) {
                    problems.add(Violation.of("R-203", "communes", "resolution.commune-in-two-units", c.name(), other,
                            d.number(), province.name()));
                }
            }
        }
        List<String> uncovered = communes.values().stream().filter(c -> !unitOf.containsKey(c.code()))
                .map(AdminUnit::name).sorted().toList();
        if (!uncovered.isEmpty() && !definitions.isEmpty()) {
            problems.add(Violation.of("R-204", "communes", "resolution.communes-uncovered", province.name(),
                    uncovered.size(), String.join(", ", uncovered)));
        }
    }

    /** A body with no list, a null unit, or a unit without its communes (or with a null code) is malformed: 400. */
    private static void requireWellFormed(List<UnitDefinition> definitions) {
        List<Violation> problems = new ArrayList<>();
        if (definitions == null) {
            problems.add(Violation.of("L-201", "units", "election.required", "units"));
        } else {
            for (int i = 0; i < definitions.size(); i++) {
                UnitDefinition d = definitions.get(i);
                if (d == null) {
                    problems.add(Violation.of("L-201", "units[" + i + "]", "election.required", "units[" + i + "]"));
                } else if (d.communeCodes() == null || d.communeCodes().stream().anyMatch(c -> c == null || c.isBlank())) {
                    problems.add(Violation.of("L-201", "units[" + i + "].communeCodes", "election.required",
                            "units[" + i + "].communeCodes"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw DomainException.malformed(problems);
        }
    }

    private void writeUnits(ElectionView election, AdminUnit province, List<UnitDefinition> definitions,
                            Map<String, AdminUnit> communes) {
        var inUse = store.unitsInUse(election.id(), province.code());
        if (inUse.any()) {
            // redefining would drop the contests that nominations and bodies belong to
            throw DomainException.conflict("election.units-in-use", province.name(), inUse.candidates(), inUse.bodies());
        }
        store.deleteUnits(election.id(), List.of(province.code()));
        for (UnitDefinition d : definitions) {
            String name = d.name() == null || d.name().isBlank() ? "Đơn vị bầu cử số " + d.number() : d.name();
            long unitId = store.insertUnit(election.id(), province.code(), d.number(), name, d.seats());
            store.insertUnitCommunes(election.id(), unitId, d.communeCodes().stream().map(c -> communes.get(c).id()).toList());
            store.insertUnitContest(election.id(), unitId, province.code() + "-" + d.number(),
                    province.name() + ", " + name, province.code(), d.seats());
        }
    }

    private AdminUnit provinceOf(ElectionView election, String provinceCode) {
        AdminUnit province = units.find(provinceCode, election.electionDay()).filter(u -> u.level() == UnitLevel.PROVINCE)
                .orElseThrow(() -> DomainException.notFound("unit.not-found", provinceCode, election.electionDay()));
        if (!provinceInScope(election, province)) {
            throw DomainException.violations(List.of(Violation.of("SCOPE-001", "province", "problem.outside-election-scope",
                    provinceCode, election.scopeCode())));
        }
        authorization.require(province.id(), Access.ADMINISTER, provinceCode);
        return province;
    }

    /**
     * Whether an election's electoral units may be defined for this province: a nationwide election takes any
     * province; one scoped to a province only that province; one scoped to a unit below a province only its province.
     */
    private boolean provinceInScope(ElectionView election, AdminUnit province) {
        return election.scopeCode() == null || election.scopeCode().equals(province.code())
                || authorization.isWithin(election.scopeCode(), election.electionDay(), province.code());
    }

    private ElectionView configurable(long electionId) {
        ElectionView election = get(electionId);
        if (ElectionStatus.valueOf(election.status()) == ElectionStatus.FROZEN) {
            throw DomainException.conflict("election.frozen", electionId, election.fingerprint());
        }
        return election;
    }

    /**
     * The one guard for a change to an election as a whole (its reporting times, publishing its results, recomputing
     * it): the system administrator for a national election, else those who administer its scope. The election.
     */
    @Transactional(readOnly = true)
    public ElectionView requireAdministers(long electionId) {
        ElectionView election = get(electionId);
        requireAdminister(election);
        return election;
    }

    private void requireAdminister(ElectionView election) {
        if (election.scopeCode() == null) {
            if (!authorization.currentUser().isSystemAdmin()) {
                throw DomainException.forbidden("election.national-needs-admin");
            }
            return;
        }
        AdminUnit scope = units.find(election.scopeCode(), election.electionDay()).orElseThrow();
        authorization.require(Access.ADMINISTER, scope.id(), scope.code(), election.scopeCode());
    }

    /** "phường|ba đình" for "Phường Ba Đình" (kind Phường) and for ("phường", "Ba Đình") in a resolution. */
    static String nameKey(String kind, String name) {
        String k = VietnameseNames.matchKey(kind);
        String n = VietnameseNames.matchKey(name);
        if (n.startsWith(k + " ")) {
            n = n.substring(k.length() + 1);
        }
        return k + "|" + n;
    }
}
