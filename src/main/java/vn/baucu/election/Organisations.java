package vn.baucu.election;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.baucu.audit.AuditLog;
import vn.baucu.election.internal.ElectionStore;
import vn.baucu.election.internal.OrganisationStore;
import vn.baucu.election.internal.OrganisationStore.PollingAreaRow;
import vn.baucu.election.internal.OrganisationStore.Row;
import vn.baucu.geography.AdminUnit;
import vn.baucu.geography.AdminUnits;
import vn.baucu.geography.UnitLevel;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.Authorization.Access;
import vn.baucu.platform.DomainException;
import vn.baucu.platform.Inputs;
import vn.baucu.platform.FindingProblems;
import vn.baucu.platform.TabularFile;
import vn.baucu.platform.Violation;
import vn.baucu.platform.rules.VietnameseNames;
import vn.baucu.rules.Bodies;
import vn.baucu.rules.FiguresRejected;
import vn.baucu.rules.Finding;
import vn.baucu.rules.PollingAreas;
import vn.baucu.rules.RuleSet;

/**
 * Election bodies and polling areas: committees, boards, teams and counting committees formed by a
 * decision, with their members; composition checked against the law (size, one chair, formed by the
 * legal deadline). Forming a village's election team by a dated decision also marks that milestone done.
 */
@Service
public class Organisations {

    private final OrganisationStore store;
    private final vn.baucu.platform.Documents documents;
    private final ElectionStore elections;
    private final Elections electionFacade;
    private final AdminUnits units;
    private final Authorization authorization;
    private final AuditLog audit;
    private final List<CandidateRoster> rosters;

    Organisations(OrganisationStore store, vn.baucu.platform.Documents documents, ElectionStore elections,
                  Elections electionFacade, AdminUnits units, Authorization authorization, AuditLog audit,
                  List<CandidateRoster> rosters) {
        this.rosters = rosters;
        this.store = store;
        this.documents = documents;
        this.elections = elections;
        this.electionFacade = electionFacade;
        this.units = units;
        this.authorization = authorization;
        this.audit = audit;
    }

    @Transactional
    public OrganisationView form(long electionId, NewOrganisation o, List<Member> members) {
        ElectionView election = electionFacade.get(electionId);
        List<Violation> problems = new ArrayList<>();
        if (o.kind() == null) {
            problems.add(Violation.of("L-201", "kind", "election.required", "kind"));
        }
        if (o.name() == null || o.name().isBlank()) {
            problems.add(Violation.of("L-201", "name", "election.required", "name"));
        }
        problems.addAll(memberProblems(members));
        if (!problems.isEmpty()) {
            throw DomainException.violations(problems);
        }
        Long contestId = null;
        Long electoralUnitId = null;
        Long pollingAreaId = null;
        String unitCode;
        long scopeId;
        if (o.contestPlaceCode() != null && !o.contestPlaceCode().isBlank()) {
            long[] contest = store.contestByPlace(electionId, o.contestPlaceCode())
                    .orElseThrow(() -> DomainException.notFound("body.contest-not-found", o.contestPlaceCode()));
            contestId = contest[0];
            unitCode = o.contestPlaceCode();
            scopeId = contest[1] != 0 ? contest[1] : scopeOf(election);
        } else if (o.electoralUnit() != null && !o.electoralUnit().isBlank()) {
            String[] parts = o.electoralUnit().split("-");
            long[] unit = parts.length == 2 && parts[1].matches("\\d{1,6}")
                    ? store.electoralUnit(electionId, parts[0], Integer.parseInt(parts[1])).orElse(null) : null;
            if (unit == null) {
                throw DomainException.notFound("body.unit-not-found", o.electoralUnit());
            }
            electoralUnitId = unit[0];
            unitCode = parts[0];
            scopeId = unitId(parts[0], election.electionDay());
        } else if (o.pollingAreaId() != null) {
            PollingAreaRow area = store.pollingArea(o.pollingAreaId())
                    .orElseThrow(() -> DomainException.notFound("body.polling-area-not-found", o.pollingAreaId()));
            pollingAreaId = area.id();
            unitCode = area.communeCode();
            scopeId = area.communeId();
        } else {
            unitCode = o.unitCode();
            scopeId = unitCode == null || unitCode.isBlank() ? scopeOf(election) : unitId(unitCode, election.electionDay());
        }
        // the one guard: the body's unit lies within the election's scope and the user administers it
        authorization.require(Access.ADMINISTER, scopeId, unitCode == null ? "VN" : unitCode, election.scopeCode());
        long id = store.insert(electionId, o.kind().name(), Inputs.text(o.level()), Inputs.text(unitCode), contestId,
                electoralUnitId, pollingAreaId, o.armedForces(), VietnameseNames.clean(o.name()), Inputs.text(o.decisionNo()),
                o.decisionDate(), Inputs.text(o.issuingBody()), authorization.currentUser().username());
        store.replaceMembers(id, clean(members));
        String milestone = Bodies.formationMilestone(o.kind(), RuleSet.valueOf(election.ruleSet()).kind());
        boolean milestoneDone = contestId != null && milestone != null && o.decisionDate() != null
                && elections.markContestDone(contestId, milestone, o.decisionDate(), authorization.currentUser().username(),
                        Inputs.text(o.decisionNo())) > 0;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", o.kind().name());
        details.put("name", o.name());
        details.put("decisionNo", o.decisionNo());
        details.put("decisionDate", o.decisionDate() == null ? null : o.decisionDate().toString());
        details.put("members", members.size());
        audit.record("BODY_FORMED", "organisation", String.valueOf(id), unitCode, details);
        if (milestoneDone) {
            // forming the team by decision completes the contest's milestone: a change of its own, audited as such
            audit.record("MILESTONE_DONE", "election", String.valueOf(electionId), unitCode, Map.of("code", milestone,
                    "doneOn", o.decisionDate().toString(), "contest", o.contestPlaceCode(), "by", "BODY_FORMED"));
        }
        return get(id);
    }

    /** Replaces the members with those of a CSV or XLSX file: ho_ten, chuc_vu, dai_dien (or full_name, role, represents). */
    @Transactional
    public OrganisationView importMembers(long organisationId, String fileName, byte[] content) {
        return importMembers(organisationId, fileName, content, null);
    }

    /** As {@link #importMembers(long, String, byte[])}, against the version the client read ({@code If-Match}). */
    @Transactional
    public OrganisationView importMembers(long organisationId, String fileName, byte[] content, Integer version) {
        Row row = store.find(organisationId).orElseThrow(() -> DomainException.notFound("body.not-found", organisationId));
        requireAdminister(row);
        if (version != null && version != row.version()) {
            throw DomainException.stale("body.stale", organisationId, row.version(), version);
        }
        TabularFile table = TabularFile.read(content, 500);
        String nameCol = first(table.header(), "ho_ten", "ho_va_ten", "full_name", "name");
        String roleCol = first(table.header(), "chuc_vu", "vai_tro", "role");
        String repCol = first(table.header(), "dai_dien", "co_quan", "don_vi", "represents");
        List<Violation> problems = new ArrayList<>();
        if (nameCol == null) {
            problems.add(Violation.of("G-200", "ho_ten", "village.import.missing-column", "ho_ten"));
        }
        if (roleCol == null) {
            problems.add(Violation.of("G-200", "chuc_vu", "village.import.missing-column", "chuc_vu"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.violations(problems);
        }
        List<Member> members = new ArrayList<>();
        for (TabularFile.TableRow r : table.rows()) {
            String name = VietnameseNames.clean(r.get(nameCol));
            Optional<Bodies.Role> role = role(r.get(roleCol));
            if (name == null || name.isEmpty()) {
                problems.add(Violation.atRow(r.number(), "O-104", nameCol, "body.member-name-required"));
            }
            if (role.isEmpty()) {
                problems.add(Violation.atRow(r.number(), "O-105", roleCol, "body.member-role-unknown", r.get(roleCol)));
            }
            if (name != null && !name.isEmpty() && role.isPresent()) {
                members.add(new Member(name, role.get(), repCol == null ? null : Inputs.text(r.get(repCol))));
            }
        }
        if (!problems.isEmpty()) {
            throw DomainException.violations(problems);
        }
        if (!store.bump(organisationId, version)) {
            // another change of this body won the race since it was read
            throw DomainException.stale("body.stale", organisationId, store.find(organisationId).orElseThrow().version(),
                    version);
        }
        store.replaceMembers(organisationId, members);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("file", fileName);
        details.put("sha256", Inputs.sha256(content));
        details.put("members", members.size());
        audit.record("BODY_MEMBERS_IMPORTED", "organisation", String.valueOf(organisationId), row.unitCode(), details);
        return get(organisationId);
    }

    @Transactional(readOnly = true)
    public OrganisationView get(long id) {
        Row row = store.find(id).orElseThrow(() -> DomainException.notFound("body.not-found", id));
        ElectionView election = electionFacade.get(row.electionId());
        List<Member> members = store.members(id);
        RuleSet.Kind kind = RuleSet.valueOf(election.ruleSet()).kind();
        Bodies.Kind body = Bodies.Kind.valueOf(row.kind());
        List<Finding> findings = new ArrayList<>(Bodies.check(body, kind, row.level(), row.armedForces(),
                members.stream().map(Member::role).toList()));
        // a candidate may not sit on the board or team of the unit where they stand (Luật 85/2015/QH13, Điều 27;
        // Nghị định 59/2023/NĐ-CP, Điều 6 khoản 1 điểm b): checked on every read, so a later list change shows here
        List<Long> served = store.contestsServed(row);
        if (!served.isEmpty() && !rosters.isEmpty()) {
            java.util.Set<String> candidates = new java.util.HashSet<>();
            rosters.forEach(r -> candidates.addAll(r.candidateKeys(served)));
            for (Member m : members) {
                if (candidates.contains(VietnameseNames.matchKey(m.fullName()))) {
                    findings.add(Finding.error("O-301", "members", "body.member-is-candidate", m.fullName()));
                }
            }
        }
        String milestone = Bodies.formationMilestone(body, kind);
        LocalDate deadline = milestone == null ? null
                : store.deadline(row.electionId(), row.contestId(), milestone).orElse(null);
        if (deadline != null && (row.decisionDate() == null || row.decisionDate().isAfter(deadline))) {
            findings.add(row.decisionDate() == null
                    ? Finding.warning("O-202", "decisionDate", "body.no-decision-yet", deadline.toString())
                    : Finding.warning("O-201", "decisionDate", "body.formed-late", row.decisionDate().toString(),
                            deadline.toString()));
        }
        return new OrganisationView(row.id(), row.electionId(), row.contestId(), row.kind(), row.level(), row.place(), row.name(),
                row.decisionNo(), row.decisionDate(), row.issuingBody(), deadline, members,
                findings.stream().map(FindingProblems::violation).toList(), row.version());
    }

    /** The forming decision as a PDF in the usual layout (national heading, articles, member table, signature). */
    @Transactional(readOnly = true)
    public byte[] decisionPdf(long id) {
        OrganisationView body = get(id);
        ElectionView election = electionFacade.get(body.electionId());
        RuleSet rs = RuleSet.valueOf(election.ruleSet());
        String milestone = Bodies.formationMilestone(Bodies.Kind.valueOf(body.kind()), rs.kind());
        String basis = milestone == null ? rs.legalBasis()
                : elections.legalBases(body.electionId()).getOrDefault(milestone, rs.legalBasis());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("body", body);
        model.put("legalBasis", basis);
        model.put("place", Elections.placeName(body.place() != null && body.contestId() == null ? body.place()
                : election.scopeName()));
        return documents.pdf("formation-decision", model);
    }

    @Transactional(readOnly = true)
    public List<OrganisationView> list(long electionId) {
        electionFacade.get(electionId);
        return store.list(electionId).stream().map(r -> get(r.id())).toList();
    }

    /** A polling area of a commune for a polling day: 300–4,000 voters unless one of the legal exceptions applies. */
    @Transactional
    public PollingAreaRow addPollingArea(String communeCode, LocalDate day, int number, String name, String address,
                                         int voters, PollingAreas.Exception exception) {
        AdminUnit commune = units.find(communeCode, day).filter(u -> u.level() == UnitLevel.COMMUNE)
                .orElseThrow(() -> DomainException.notFound("unit.not-found", communeCode, day));
        authorization.require(commune.id(), Access.ADMINISTER, communeCode);
        List<Finding> findings = PollingAreas.check(voters, exception);
        if (!findings.isEmpty()) {
            throw FindingProblems.of(new FiguresRejected(false, findings));
        }
        long id = store.insertPollingArea(commune.id(), day, number, VietnameseNames.clean(name), Inputs.text(address),
                voters, exception == null ? null : exception.name());
        if (id < 0) {
            throw DomainException.conflict("polling-area.number-taken", number, communeCode, day);
        }
        audit.record("POLLING_AREA_CREATED", "polling_area", String.valueOf(id), communeCode,
                Map.of("number", number, "voters", voters, "day", day.toString()));
        return store.pollingArea(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<PollingArea> pollingArea(long id) {
        return store.pollingArea(id).map(a -> new PollingArea(a.id(), a.communeCode(), a.day(), a.number(), a.name(),
                a.address(), a.voters()));
    }

    @Transactional(readOnly = true)
    public List<PollingAreaRow> pollingAreas(String communeCode, LocalDate day) {
        AdminUnit commune = units.find(communeCode, day)
                .orElseThrow(() -> DomainException.notFound("unit.not-found", communeCode, day));
        return store.pollingAreas(commune.id(), day);
    }

    /** The polling areas of a commune on a polling day, by number (for other modules' forms). */
    @Transactional(readOnly = true)
    public List<PollingArea> pollingAreasOf(String communeCode, LocalDate day) {
        return pollingAreas(communeCode, day).stream().map(a -> new PollingArea(a.id(), a.communeCode(), a.day(), a.number(),
                a.name(), a.address(), a.voters())).toList();
    }

    /** The role named in Vietnamese ("Tổ trưởng", "Phó Trưởng ban", "Thư ký", "Thành viên") or by its constant; null if unknown. */
    public static Bodies.Role roleOf(String text) {
        return role(text).orElse(null);
    }

    static Optional<Bodies.Role> role(String text) {
        String k = text == null ? "" : VietnameseNames.searchKey(text);
        if (k.isBlank()) {
            return Optional.empty();
        }
        for (Bodies.Role r : Bodies.Role.values()) {
            if (r.name().equalsIgnoreCase(text.strip())) {
                return Optional.of(r);
            }
        }
        if (k.startsWith("pho")) {
            return Optional.of(Bodies.Role.VICE_CHAIR);
        }
        if (k.startsWith("to truong") || k.startsWith("truong ban") || k.startsWith("chu tich") || k.startsWith("truong")) {
            return Optional.of(Bodies.Role.CHAIR);
        }
        if (k.startsWith("thu ky")) {
            return Optional.of(Bodies.Role.SECRETARY);
        }
        if (k.startsWith("thanh vien") || k.startsWith("uy vien")) {
            return Optional.of(Bodies.Role.MEMBER);
        }
        return Optional.empty();
    }

    private static List<Violation> memberProblems(List<Member> members) {
        List<Violation> problems = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            if (m.fullName() == null || m.fullName().isBlank()) {
                problems.add(Violation.of("O-104", "members[" + i + "].fullName", "body.member-name-required"));
            }
            if (m.role() == null) {
                problems.add(Violation.of("O-105", "members[" + i + "].role", "body.member-role-unknown", ""));
            }
        }
        return problems;
    }

    private static List<Member> clean(List<Member> members) {
        return members.stream().map(m -> new Member(VietnameseNames.clean(m.fullName()), m.role(),
                Inputs.text(m.represents()))).toList();
    }

    private void requireAdminister(Row row) {
        ElectionView election = electionFacade.get(row.electionId());
        long scope = row.unitCode() == null ? scopeOf(election) : unitId(row.unitCode(), election.electionDay());
        authorization.require(Access.ADMINISTER, scope, row.unitCode() == null ? "VN" : row.unitCode(), election.scopeCode());
    }

    private long scopeOf(ElectionView election) {
        if (election.scopeCode() == null) {
            if (!authorization.currentUser().isSystemAdmin()) {
                throw DomainException.forbidden("election.national-needs-admin");
            }
            return -1;
        }
        return unitId(election.scopeCode(), election.electionDay());
    }

    private long unitId(String code, LocalDate day) {
        return units.find(code, day).map(AdminUnit::id)
                .orElseThrow(() -> DomainException.notFound("unit.not-found", code, day));
    }

    private static String first(List<String> header, String... names) {
        for (String n : names) {
            if (header.contains(n)) {
                return n;
            }
        }
        return null;
    }
}
