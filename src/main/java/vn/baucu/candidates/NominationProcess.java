package vn.baucu.candidates;

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
import vn.baucu.candidates.internal.CandidateStore.ConsultationRow;
import vn.baucu.candidates.internal.CandidateStore.Contest;
import vn.baucu.candidates.internal.CandidateStore.FrontMeeting;
import vn.baucu.geography.AdminUnits;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.Authorization.Access;
import vn.baucu.platform.DomainException;
import vn.baucu.platform.FindingProblems;
import vn.baucu.platform.Inputs;
import vn.baucu.platform.Violation;
import vn.baucu.rules.Consultations;
import vn.baucu.rules.Finding;
import vn.baucu.rules.RuleSet;

/**
 * How nominees reach the official list (rules in {@link Consultations}): the Fatherland Front's three
 * consultation conferences of a unit, each with the list it produced, for the NA and HĐND; and a
 * village's Front working committee meeting (Mẫu 05) with the cell committee's agreement for a village
 * head. The official list of a contest is then drawn from the third consultation's list or from the
 * meeting's ({@link Candidates#finalizeList}).
 */
@Service
public class NominationProcess {

    private final CandidateStore store;
    private final Candidates candidates;
    private final AdminUnits units;
    private final Authorization authorization;
    private final AuditLog audit;
    private final vn.baucu.election.Elections elections;

    private final vn.baucu.platform.Documents documents;

    NominationProcess(CandidateStore store, Candidates candidates, AdminUnits units, Authorization authorization,
                      AuditLog audit, vn.baucu.election.Elections elections, vn.baucu.platform.Documents documents) {
        this.documents = documents;
        this.store = store;
        this.candidates = candidates;
        this.units = units;
        this.authorization = authorization;
        this.audit = audit;
        this.elections = elections;
    }

    /** A consultation round as recorded: the conference and the names on the list it produced. */
    public record Consultation(long id, int round, LocalDate heldOn, String unitCode, long attendance, Integer plannedSeats,
                               String outcome, List<String> names) {
    }

    /**
     * Records a consultation conference (round 1–3) of a unit — the province for the NA and the provincial
     * HĐND, the commune for its HĐND — with the list it produced: none for round 1 (structure and number,
     * {@code plannedSeats}), the preliminary list for round 2, those who qualify for round 3. Round 3 takes
     * only names of round 2 that every voter conference trusted, unless a special case is given with its
     * reason; its names become CONSULTED. Recording a round again replaces it.
     */
    @Transactional
    public Consultation recordConsultation(long electionId, String unitCode, int round, LocalDate heldOn, long attendance,
                                           Integer plannedSeats, String outcome, List<Long> candidateIds,
                                           Map<Long, String> specialCases) {
        var election = elections.get(electionId);
        List<Violation> problems = new ArrayList<>();
        if (heldOn == null) {
            problems.add(Violation.of("L-201", "heldOn", "election.required", "heldOn"));
        }
        if (attendance < 0) {
            problems.add(Violation.of("K-110", "attendance", "consultation.attendance-invalid", attendance));
        }
        if (unitCode == null || unitCode.isBlank()) {
            problems.add(Violation.of("L-201", "unitCode", "election.required", "unitCode"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.violations(problems);
        }
        var unit = units.find(unitCode.strip(), heldOn)
                .orElseThrow(() -> DomainException.notFound("unit.not-found", unitCode, heldOn));
        // the one guard: the unit lies within the election's scope and the user administers it
        // the one guard: the unit lies within the election's scope; the Front's committee (or an official) records it
        authorization.require(Access.FRONT, unit.id(), unit.code(), election.scopeCode());
        List<Long> ids = candidateIds(candidateIds);
        Map<Long, String> special = new LinkedHashMap<>();
        if (specialCases != null) {
            specialCases.forEach((id, why) -> {
                if (why != null && !why.isBlank()) {
                    special.put(id, why.strip());
                }
            });
        }
        List<Consultations.Nominee> nominees = new ArrayList<>();
        for (Long id : ids) {
            CandidateView c = store.find(id).filter(v -> v.electionId() == electionId)
                    .orElseThrow(() -> DomainException.violations(List.of(
                            Violation.of("K-133", "candidateIds", "consultation.not-of-election", id))));
            Contest contest = store.contest(electionId, c.placeCode()).orElseThrow();
            if (!unit.code().equals(contest.provinceCode()) && !unit.code().equals(contest.communeCode())) {
                problems.add(Violation.of("K-117", "candidateIds", "consultation.other-unit", c.fullName(), unit.code()));
            }
            if (Set.of("WITHDRAWN", "STRUCK_OFF").contains(c.status())) {
                problems.add(Violation.of("K-118", "candidateIds", "consultation.inactive", c.fullName()));
            }
            nominees.add(new Consultations.Nominee(id, c.fullName(), store.conferencesTrusted(id), special.get(id)));
        }
        Set<Long> previous = round <= 1 ? Set.of() : store.consultationList(electionId, unit.code(), round - 1);
        for (Finding f : Consultations.checkRound(round, previous, nominees)) {
            problems.add(FindingProblems.violation(f));
        }
        if (!problems.isEmpty()) {
            throw DomainException.violations(problems);
        }
        long id = store.upsertConsultation(electionId, round, heldOn, unit.code(), attendance, plannedSeats,
                Inputs.text(outcome), authorization.currentUser().username());
        store.replaceConsultationList(id, ids, special);
        List<Long> consulted = round == 3 ? store.markConsulted(ids) : List.of();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("statusChanges", Map.of("NOMINATED→CONSULTED", consulted));
        details.put("round", round);
        details.put("heldOn", heldOn.toString());
        details.put("attendance", attendance);
        details.put("candidates", ids);
        details.put("specialCases", special.keySet());
        audit.record("CONSULTATION", "election", String.valueOf(electionId), unit.code(), details);
        return consultations(election.id()).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    /** The candidate ids of a list, each once; a missing (null) id is refused. */
    private static List<Long> candidateIds(List<Long> ids) {
        if (ids == null) {
            return List.of();
        }
        if (ids.stream().anyMatch(java.util.Objects::isNull)) {   // List.of(...).contains(null) would throw
            throw DomainException.violations(List.of(Violation.of("K-116", "candidateIds", "consultation.id-missing")));
        }
        return ids.stream().distinct().toList();
    }

    @Transactional(readOnly = true)
    public List<Consultation> consultations(long electionId) {
        elections.get(electionId);
        return store.consultations(electionId).stream().map(NominationProcess::consultation).toList();
    }

    private static Consultation consultation(ConsultationRow r) {
        return new Consultation(r.id(), r.round(), r.heldOn(), r.unitCode(), r.attendance(), r.plannedSeats(), r.outcome(),
                r.names());
    }

    /** What a village's Front working committee meeting decided (Mẫu 05). */
    public record FrontMeetingInput(LocalDate heldOn, Long attendance, String chairedBy, Boolean cellAgreed,
                                    LocalDate cellAgreedOn, String cellAgreementRef, LocalDate minutesSentOn,
                                    List<Long> candidateIds) {
    }

    /** The meeting as recorded, with what it is warned of (held late; the cell committee's agreement missing). */
    public record FrontMeetingView(FrontMeeting meeting, List<String> names, List<Violation> warnings) {
    }

    /**
     * Records the Front working committee's candidate meeting of a village (Mẫu 05): the names it proposes
     * (at least one; at most two under the 2008 rules), who chaired, the cell committee's agreement, and the
     * day the minutes went to the commune — which completes the village's CANDIDATE_LIST_SUBMITTED milestone.
     * The names become CONSULTED; a meeting later than 15 days before the election is recorded and flagged.
     */
    @Transactional
    public FrontMeetingView recordFrontMeeting(long electionId, String placeCode, FrontMeetingInput in) {
        Contest contest = store.contest(electionId, placeCode)
                .orElseThrow(() -> DomainException.notFound("body.contest-not-found", placeCode));
        candidates.require(contest, Access.FRONT);
        if (contest.frozen()) {
            throw DomainException.conflict("candidate.election-frozen", placeCode);
        }
        List<Violation> problems = new ArrayList<>();
        if (in == null || in.heldOn() == null) {
            throw DomainException.violations(List.of(Violation.of("L-201", "heldOn", "election.required", "heldOn")));
        }
        if (in.attendance() == null || in.attendance() < 0) {
            problems.add(Violation.of("K-110", "attendance", "consultation.attendance-invalid", String.valueOf(in.attendance())));
        }
        if (in.chairedBy() == null || in.chairedBy().isBlank()) {
            problems.add(Violation.of("L-201", "chairedBy", "election.required", "chairedBy"));
        }
        boolean agreed = Boolean.TRUE.equals(in.cellAgreed());
        if (agreed && in.cellAgreedOn() == null) {
            problems.add(Violation.of("K-119", "cellAgreedOn", "front-meeting.agreement-date-required"));
        }
        if (in.minutesSentOn() != null && in.minutesSentOn().isBefore(in.heldOn())) {
            problems.add(Violation.of("K-135", "minutesSentOn", "front-meeting.sent-before-meeting"));
        }
        List<Long> ids = candidateIds(in.candidateIds());
        List<String> names = new ArrayList<>();
        for (Long id : ids) {
            var c = store.find(id).filter(v -> v.electionId() == electionId && v.placeCode().equals(placeCode));
            if (c.isEmpty()) {
                problems.add(Violation.of("K-134", "candidateIds", "front-meeting.not-of-contest", id, placeCode));
            } else if (Set.of("WITHDRAWN", "STRUCK_OFF").contains(c.get().status())) {
                problems.add(Violation.of("K-118", "candidateIds", "consultation.inactive", c.get().fullName()));
            } else {
                names.add(c.get().fullName());
            }
        }
        RuleSet rs = RuleSet.valueOf(contest.ruleSet());
        List<Violation> warnings = new ArrayList<>();
        for (Finding f : Consultations.checkFrontMeeting(rs, in.heldOn(), contest.electionDay(), ids.size(), agreed)) {
            (f.warning() ? warnings : problems).add(FindingProblems.violation(f));
        }
        if (!problems.isEmpty()) {
            throw DomainException.violations(problems);
        }
        store.upsertFrontMeeting(contest.id(), in.heldOn(), in.attendance(), in.chairedBy().strip(), agreed,
                in.cellAgreedOn(), Inputs.text(in.cellAgreementRef()), in.minutesSentOn(), ids,
                authorization.currentUser().username());
        List<Long> consulted = store.markConsulted(ids);
        if (in.minutesSentOn() != null) {
            elections.markContestDone(contest.id(), "CANDIDATE_LIST_SUBMITTED", in.minutesSentOn(), Inputs.text(in.cellAgreementRef()),
                    Access.FRONT);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("heldOn", in.heldOn().toString());
        details.put("candidates", ids);
        details.put("cellAgreed", agreed);
        details.put("statusChanges", Map.of("NOMINATED→CONSULTED", consulted));
        details.put("warnings", warnings.stream().map(Violation::code).toList());
        audit.record("FRONT_MEETING", "contest", placeCode, contest.unitCode(), details);
        return new FrontMeetingView(store.frontMeeting(contest.id()).orElseThrow(), names, warnings);
    }

    /** The Front working committee meeting of a village contest, if recorded. */
    @Transactional(readOnly = true)
    public java.util.Optional<FrontMeetingView> frontMeeting(long electionId, String placeCode) {
        Contest contest = store.contest(electionId, placeCode)
                .orElseThrow(() -> DomainException.notFound("body.contest-not-found", placeCode));
        return store.frontMeeting(contest.id()).map(m -> {
            List<String> names = m.candidateIds().stream().map(id -> store.find(id).map(CandidateView::fullName).orElse("?"))
                    .toList();
            List<Violation> warnings = Consultations.checkFrontMeeting(RuleSet.valueOf(contest.ruleSet()), m.heldOn(),
                    contest.electionDay(), m.candidateIds().size(), m.cellAgreed()).stream()
                    .filter(Finding::warning).map(FindingProblems::violation).toList();
            return new FrontMeetingView(m, names, warnings);
        });
    }

    /** The minutes of a village's Front working committee meeting (Mẫu 05) as a PDF, from what was recorded. */
    @Transactional(readOnly = true)
    public byte[] frontMeetingPdf(long electionId, String placeCode) {
        Contest contest = store.contest(electionId, placeCode)
                .orElseThrow(() -> DomainException.notFound("body.contest-not-found", placeCode));
        FrontMeeting meeting = store.frontMeeting(contest.id())
                .orElseThrow(() -> DomainException.notFound("candidate.front-meeting-none", placeCode));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("meeting", meeting);
        model.put("placeName", store.placeName(contest.id()));
        String commune = units.find(contest.unitCode(), contest.electionDay()).map(u -> u.name()).orElse(contest.unitCode());
        model.put("communeName", commune.toUpperCase(java.util.Locale.forLanguageTag("vi")));
        model.put("commune", commune);
        model.put("electionDay", contest.electionDay());
        model.put("candidates", meeting.candidateIds().stream().map(id -> store.find(id).orElseThrow()).toList());
        return documents.pdf("front-meeting", model);
    }

    /** A nominee of a unit with whether each of their voter conferences trusted them (for the consultation form). */
    public record UnitNominee(CandidateView candidate, List<Boolean> conferencesTrusted) {

        public boolean trusted() {
            return !conferencesTrusted.isEmpty() && !conferencesTrusted.contains(Boolean.FALSE);
        }
    }

    @Transactional(readOnly = true)
    public List<UnitNominee> nomineesOfUnit(long electionId, String unitCode) {
        elections.get(electionId);
        if (unitCode == null || unitCode.isBlank()) {
            return List.of();
        }
        return store.ofUnit(electionId, unitCode.strip()).stream()
                .filter(c -> !Set.of("WITHDRAWN", "STRUCK_OFF").contains(c.status()))
                .map(c -> new UnitNominee(c, store.conferencesTrusted(c.id()))).toList();
    }
}
