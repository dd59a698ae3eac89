package vn.baucu.results;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import vn.baucu.audit.AuditLog;
import vn.baucu.candidates.CandidateView;
import vn.baucu.candidates.Candidates;
import vn.baucu.counting.CountingMinutes;
import vn.baucu.counting.MinutesCertified;
import vn.baucu.election.ContestRef;
import vn.baucu.election.Elections;
import vn.baucu.rules.ContestEvaluator;
import vn.baucu.rules.ContestFigures;
import vn.baucu.rules.Evaluation;
import vn.baucu.rules.FiguresRejected;
import vn.baucu.rules.RuleSet;
import vn.baucu.rules.VotingMethod;

/**
 * The legal outcome of each contest, computed from its certified minutes by the same rule engine as the published
 * evaluation API — never typed, never re-implemented. A contest's figures are its village meeting's minutes, or the
 * sum of its polling areas' minutes for an electoral unit; once every minutes of the contest is certified, the rule
 * set decides who is elected and what follows, the candidates' ELECTED / NOT_ELECTED follow, and the reasons are
 * stored beside the outcome. Recomputed in the transaction of each certification (a correction included), and on
 * demand.
 */
@Service
public class ContestResults {

    private final JdbcClient jdbc;
    private final Elections elections;
    private final CountingMinutes minutes;
    private final Candidates candidates;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;
    private final vn.baucu.platform.Authorization authorization;

    private final Integer interimMonths;
    private final vn.baucu.platform.LiveChanges live;

    ContestResults(JdbcClient jdbc, Elections elections, CountingMinutes minutes, Candidates candidates, AuditLog audit,
                   JsonMapper json, Clock clock, vn.baucu.platform.Authorization authorization,
                   @org.springframework.beans.factory.annotation.Value("${baucu.village.interim-months:#{null}}")
                   Integer interimMonths, vn.baucu.platform.LiveChanges live) {
        this.live = live;
        this.interimMonths = interimMonths;
        this.authorization = authorization;
        this.jdbc = jdbc;
        this.elections = elections;
        this.minutes = minutes;
        this.candidates = candidates;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** What one contest's certified minutes add up to, and what the law makes of it. */
    public record Computed(String status, int expected, int entered, int certified, ContestFigures figures,
                           Evaluation evaluation, List<Map<String, Object>> minutes, String rejectedBy, List<String> struck) {
    }

    @EventListener
    void on(MinutesCertified e) {
        recompute(elections.contest(e.contestId()));
    }

    /** Recomputes one contest from its certified minutes and stores the result (and the candidates' outcome). */
    @Transactional
    public Computed recompute(ContestRef contest) {
        // one recomputation of a contest at a time, each reading what the one before it committed: two minutes of the
        // same unit certified at once must both be in the result (the statements after the lock see the other's commit)
        // what a certification cannot change (the polling areas, the ballot) is read before the lock, so that the
        // certifications of the same unit that wait for it wait for as little as possible
        int expected = expected(contest);
        List<CandidateView> ballot = candidates.ballot(contest.electionId(), contest.placeCode());
        jdbc.sql("select pg_advisory_xact_lock(73050105, cast(:c as int))").param("c", contest.id()).query().singleRow();
        Computed c = compute(contest, expected, ballot);
        store(contest, c);
        if (c.evaluation() != null) {
            candidates.recordOutcome(contest.electionId(), contest.placeCode(),
                    c.evaluation().elected().stream().map(Long::valueOf).toList());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("contest", contest.placeCode());
            details.put("outcome", c.evaluation().outcome().name());
            details.put("elected", c.evaluation().elected());
            details.put("followUp", c.evaluation().followUp().kind().name());
            audit.record("RESULT_COMPUTED", "contest", String.valueOf(contest.id()),
                    contest.communeCode() != null ? contest.placeCode() : contest.provinceCode(), details);
        }
        return c;
    }

    /**
     * Starts the follow-up election the certified result calls for: a village's re-election where nobody was elected
     * (the commune decides, NĐ 59/2023/NĐ-CP, Điều 8), or an electoral unit's additional election for the seats still
     * empty or re-election (Luật 85/2015/QH13, Điều 79–80) no later than the legal latest date. Refused when the result
     * calls for none (422 H-104), after the latest date (H-105), and once one exists (409).
     */
    @Transactional
    public vn.baucu.election.ElectionView startFollowUp(long electionId, String placeCode, java.time.LocalDate day) {
        ContestRef contest = elections.contest(electionId, placeCode);
        Computed c = compute(contest);
        Evaluation.FollowUp followUp = c.evaluation() == null ? null : c.evaluation().followUp();
        Evaluation.FollowUpKind kind = followUp == null ? null : followUp.kind();
        if (kind != Evaluation.FollowUpKind.REELECTION && kind != Evaluation.FollowUpKind.ADDITIONAL_ELECTION) {
            throw vn.baucu.platform.DomainException.violations(List.of(vn.baucu.platform.Violation.of("H-104", "contest",
                    "follow-up.not-needed", contest.placeName(), kind == null ? "—" : kind.name())));
        }
        if (followUp.latestDate() != null && day != null && day.isAfter(followUp.latestDate())) {
            throw vn.baucu.platform.DomainException.violations(List.of(vn.baucu.platform.Violation.of("H-105", "electionDay",
                    "follow-up.too-late", day, followUp.latestDate())));
        }
        var existing = elections.followUps(electionId).get(placeCode);
        if (existing != null) {
            throw vn.baucu.platform.DomainException.conflict("follow-up.exists", contest.placeName(), existing.electionId());
        }
        var unheld = leftUnheld(contest.id());
        if (unheld.isPresent()) {
            throw vn.baucu.platform.DomainException.conflict("follow-up.left-unheld", contest.placeName(),
                    unheld.get().decisionRef());
        }
        boolean additional = kind == Evaluation.FollowUpKind.ADDITIONAL_ELECTION;
        // an additional election fills the seats still empty; a re-election all of them
        int seats = additional ? contest.seats() - c.evaluation().elected().size() : contest.seats();
        return elections.createFollowUp(electionId, placeCode,
                additional ? vn.baucu.rules.Round.ADDITIONAL : vn.baucu.rules.Round.REELECTION, day, seats);
    }

    /** The decision to hold no additional election for a contest (the seats left vacant). */
    public record LeftUnheld(long contestId, String kind, String decisionRef, java.time.LocalDate decidedOn, String reason,
                             String legalBasis) {
    }

    /**
     * Records the decision to hold no additional election for a National Assembly unit left short of deputies: the
     * National Election Council "xem xét, quyết định việc bầu cử thêm" (Luật 85/2015/QH13, Điều 79 khoản 1), so the
     * seats may stay vacant. Only where the certified result calls for an additional election of the NA (422 H-110:
     * every other follow-up must be held, {@link vn.baucu.rules.FollowUpDecisions}); the decision's reference, date
     * (from election day to today) and reason are required (H-111); refused once a follow-up election is started or
     * the decision is recorded (409). Guarded as the follow-up itself: administering the unit's province.
     */
    @Transactional
    public LeftUnheld leaveUnheld(long electionId, String placeCode, String decisionRef, java.time.LocalDate decidedOn,
                                  String reason) {
        ContestRef contest = elections.contest(electionId, placeCode);
        authorization.require(vn.baucu.platform.Authorization.Access.ADMINISTER, contest.village() ? contest.placeCode()
                : contest.provinceCode(), contest.electionDay(), contest.scopeCode());
        Computed c = compute(contest);
        Evaluation.FollowUpKind kind = c.evaluation() == null ? null : c.evaluation().followUp().kind();
        List<vn.baucu.platform.Violation> problems = new ArrayList<>();
        if (!"CERTIFIED".equals(c.status()) || kind == null
                || !vn.baucu.rules.FollowUpDecisions.mayBeLeftUnheld(RuleSet.valueOf(contest.ruleSet()), kind)) {
            problems.add(vn.baucu.platform.Violation.of("H-110", "contest", "follow-up.must-be-held", contest.placeName(),
                    kind == null ? "—" : kind.name()));
        }
        if (vn.baucu.platform.Inputs.text(decisionRef) == null || vn.baucu.platform.Inputs.text(reason) == null
                || decidedOn == null || decidedOn.isBefore(contest.electionDay())
                || decidedOn.isAfter(java.time.LocalDate.now(clock))) {
            problems.add(vn.baucu.platform.Violation.of("H-111", "decisionRef", "follow-up.decision-required",
                    contest.electionDay()));
        }
        if (!problems.isEmpty()) {
            throw vn.baucu.platform.DomainException.violations(problems);
        }
        var started = elections.followUps(electionId).get(placeCode);
        if (started != null) {
            throw vn.baucu.platform.DomainException.conflict("follow-up.exists", contest.placeName(), started.electionId());
        }
        int inserted = jdbc.sql("""
                        insert into follow_up_unheld (contest_id, election_id, kind, decision_ref, decided_on, reason,
                                                      legal_basis, recorded_by, recorded_at)
                        values (:c, :e, :k, :ref, :on, :why, :basis, :by, :t) on conflict (contest_id) do nothing""")
                .param("c", contest.id()).param("e", electionId).param("k", kind.name()).param("ref", decisionRef.strip())
                .param("on", java.sql.Date.valueOf(decidedOn)).param("why", reason.strip())
                .param("basis", vn.baucu.rules.FollowUpDecisions.legalBasis(RuleSet.valueOf(contest.ruleSet())))
                .param("by", authorization.currentUser().username()).param("t", Timestamp.from(clock.instant())).update();
        if (inserted == 0) {
            throw vn.baucu.platform.DomainException.conflict("follow-up.left-unheld", contest.placeName(),
                    leftUnheld(contest.id()).map(LeftUnheld::decisionRef).orElse("—"));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", kind.name());
        details.put("decisionRef", decisionRef.strip());
        details.put("decidedOn", decidedOn.toString());
        details.put("reason", reason.strip());
        live.changed(contest.electionId(), "RESULTS", contest.placeCode());
        audit.record("FOLLOW_UP_LEFT_UNHELD", "contest", String.valueOf(contest.id()), contest.provinceCode(), details);
        return leftUnheld(contest.id()).orElseThrow();
    }

    /** The decision to hold no follow-up election for a contest, if one was recorded. */
    @Transactional(readOnly = true)
    public java.util.Optional<LeftUnheld> leftUnheld(long contestId) {
        return unheld("contest_id = :k", contestId).stream().findFirst();
    }

    /** Every decision to hold no follow-up election in an election, by contest id. */
    @Transactional(readOnly = true)
    public Map<Long, LeftUnheld> leftUnheldIn(long electionId) {
        Map<Long, LeftUnheld> out = new java.util.HashMap<>();
        unheld("election_id = :k", electionId).forEach(u -> out.put(u.contestId(), u));
        return out;
    }

    private List<LeftUnheld> unheld(String where, long key) {
        return jdbc.sql("select contest_id, kind, decision_ref, decided_on, reason, legal_basis from follow_up_unheld where "
                        + where)
                .param("k", key)
                .query((rs, i) -> new LeftUnheld(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4).toLocalDate(), rs.getString(5), rs.getString(6)))
                .list();
    }

    /** A recorded recognition decision. */
    public record Recognition(long contestId, long candidateId, String decisionNo, java.time.LocalDate decidedOn,
                              String signedBy) {
    }

    /**
     * Records the commune chair's decision recognising the village head elected by the certified minutes (NĐ 59/2023/
     * NĐ-CP, Điều 8): the commune's officials only; once per contest (409 after); completes the contest's
     * RECOGNITION_DECIDED milestone where its calendar has one.
     */
    @Transactional
    public Recognition recognise(long electionId, String placeCode, String decisionNo, java.time.LocalDate decidedOn,
                                 String signedBy) {
        ContestRef contest = elections.contest(electionId, placeCode);
        authorization.require(vn.baucu.platform.Authorization.Access.ADMINISTER, contest.village() ? contest.placeCode()
                : contest.provinceCode(), contest.electionDay(), contest.scopeCode());
        List<vn.baucu.platform.Violation> problems = new ArrayList<>();
        Computed c = compute(contest);
        if (!contest.village() || c.evaluation() == null || c.evaluation().elected().size() != 1) {
            problems.add(vn.baucu.platform.Violation.of("H-101", "contest", "recognition.not-elected", contest.placeName()));
        }
        if (vn.baucu.platform.Inputs.text(decisionNo) == null || decidedOn == null) {
            problems.add(vn.baucu.platform.Violation.of("H-102", "decisionNo", "recognition.decision-required"));
        } else if (decidedOn.isBefore(contest.electionDay()) || decidedOn.isAfter(java.time.LocalDate.now(clock))) {
            problems.add(vn.baucu.platform.Violation.of("H-103", "decidedOn", "recognition.date-invalid", decidedOn,
                    contest.electionDay()));
        }
        if (!problems.isEmpty()) {
            throw vn.baucu.platform.DomainException.violations(problems);
        }
        long elected = Long.parseLong(c.evaluation().elected().get(0));
        int inserted = jdbc.sql("""
                        insert into recognition (contest_id, election_id, candidate_id, decision_no, decided_on, signed_by,
                                                 recorded_by, recorded_at)
                        values (:c, :e, :k, :no, :on, :s, :by, :t) on conflict (contest_id) do nothing""")
                .param("c", contest.id()).param("e", electionId).param("k", elected)
                .param("no", vn.baucu.platform.Inputs.text(decisionNo)).param("on", java.sql.Date.valueOf(decidedOn))
                .param("s", vn.baucu.platform.Inputs.text(signedBy)).param("by", authorization.currentUser().username())
                .param("t", Timestamp.from(clock.instant())).update();
        if (inserted == 0) {
            throw vn.baucu.platform.DomainException.conflict("recognition.exists", contest.placeName(),
                    recognition(contest.id()).map(Recognition::decisionNo).orElse(""));
        }
        elections.markContestDone(contest.id(), "RECOGNITION_DECIDED", decidedOn, vn.baucu.platform.Inputs.text(decisionNo));
        live.changed(contest.electionId(), "RESULTS", contest.placeCode());
        audit.record("HEAD_RECOGNISED", "contest", String.valueOf(contest.id()), contest.placeCode(),
                Map.of("candidate", elected, "decisionNo", vn.baucu.platform.Inputs.text(decisionNo),
                        "decidedOn", decidedOn.toString()));
        return recognition(contest.id()).orElseThrow();
    }

    /**
     * A village's head as of a day, from the latest real (not rehearsal) village head election held in it by then whose
     * result is certified (else the latest of all): the head elected by its certified minutes, and whether the commune
     * has recognised them (NĐ 59/2023/NĐ-CP, Điều 8).
     * {@code candidateId} is null when nobody was elected (or nothing is certified yet).
     */
    public record VillageHead(String village, long electionId, long contestId, vn.baucu.rules.VillageHeads.Status status,
                              Long candidateId, java.time.LocalDate recognisedOn) {
    }

    /** The heads of these villages as of {@code asOf} (villages without a village head election by then are left out). */
    @Transactional(readOnly = true)
    public Map<String, VillageHead> villageHeads(java.util.Collection<String> villages, java.time.LocalDate asOf) {
        Map<String, VillageHead> out = new LinkedHashMap<>();
        if (villages.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        with latest as (
                            select distinct on (c.place_code) c.id as contest_id, c.place_code, e.id as election_id
                            from contest c join election e on e.id = c.election_id
                            left join contest_result cr on cr.contest_id = c.id
                            where e.kind = 'VILLAGE_HEAD' and e.rehearsal_of is null and e.election_day <= :asOf
                              and c.place_code = any(:villages)
                            -- the latest election with a certified result (a later one not yet counted leaves the
                            -- head of the earlier one in office), then the latest of all
                            order by c.place_code, (cr.status = 'CERTIFIED') is true desc, e.election_day desc, e.id desc)
                        select l.place_code, l.election_id, l.contest_id,
                               coalesce(g.candidate_id, case when r.status = 'CERTIFIED'
                                   and jsonb_array_length(r.evaluation -> 'elected') = 1
                                   then (r.evaluation -> 'elected' ->> 0)::bigint end) as head,
                               g.decided_on
                        from latest l
                        left join contest_result r on r.contest_id = l.contest_id
                        left join recognition g on g.contest_id = l.contest_id and g.decided_on <= :asOf""")
                .param("asOf", java.sql.Date.valueOf(asOf)).param("villages", villages.toArray(String[]::new))
                .query((rs, i) -> {
                    Long head = rs.getObject(4) == null ? null : rs.getLong(4);
                    java.sql.Date on = rs.getDate(5);
                    var status = vn.baucu.rules.VillageHeads.status(head != null, on == null ? null : on.toLocalDate(), asOf);
                    return new VillageHead(rs.getString(1), rs.getLong(2), rs.getLong(3), status, head,
                            on == null ? null : on.toLocalDate());
                })
                .list().forEach(h -> out.put(h.village(), h));
        return out;
    }

    /** A recorded interim head. */
    public record InterimHead(long contestId, String fullName, String decisionNo, java.time.LocalDate appointedOn,
                              java.time.LocalDate servesUntil) {
    }

    /**
     * Records the interim head the commune appoints, with the Front's agreement, while the village has no elected head
     * (NĐ 59/2023/NĐ-CP, Điều 9 khoản 3): only where the certified result elected nobody (422 H-106); the decision's
     * number and date (H-107) and the Front's agreement (H-109) required; no longer than the rules allow (H-108: 6
     * months under the 2008 rules, {@code baucu.village.interim-months} otherwise, unlimited by default); once (409).
     */
    @Transactional
    public InterimHead appointInterimHead(long electionId, String placeCode, String fullName, String decisionNo,
                                          java.time.LocalDate appointedOn, java.time.LocalDate servesUntil,
                                          boolean frontAgreed) {
        ContestRef contest = elections.contest(electionId, placeCode);
        authorization.require(vn.baucu.platform.Authorization.Access.ADMINISTER, contest.village() ? contest.placeCode()
                : contest.provinceCode(), contest.electionDay(), contest.scopeCode());
        List<vn.baucu.platform.Violation> problems = new ArrayList<>();
        Computed c = compute(contest);
        if (!contest.village() || !"CERTIFIED".equals(c.status()) || c.evaluation() == null
                || !c.evaluation().elected().isEmpty()) {
            problems.add(vn.baucu.platform.Violation.of("H-106", "contest", "interim.not-vacant", contest.placeName()));
        }
        if (vn.baucu.platform.Inputs.text(fullName) == null) {
            problems.add(vn.baucu.platform.Violation.of("P-401", "fullName", "problem.missing-parameter", "fullName"));
        }
        if (vn.baucu.platform.Inputs.text(decisionNo) == null || appointedOn == null
                || appointedOn.isBefore(contest.electionDay()) || appointedOn.isAfter(java.time.LocalDate.now(clock))) {
            problems.add(vn.baucu.platform.Violation.of("H-107", "decisionNo", "interim.decision-required",
                    contest.electionDay()));
        }
        if (!frontAgreed) {
            problems.add(vn.baucu.platform.Violation.of("H-109", "frontAgreed", "interim.front-agreement"));
        }
        java.time.LocalDate latest = appointedOn == null ? null
                : vn.baucu.rules.VillageHeads.interimLatest(RuleSet.valueOf(contest.ruleSet()), appointedOn, interimMonths);
        java.time.LocalDate until = servesUntil != null ? servesUntil : latest;
        if (latest != null && until != null && until.isAfter(latest)) {
            problems.add(vn.baucu.platform.Violation.of("H-108", "servesUntil", "interim.too-long", until, latest));
        }
        if (!problems.isEmpty()) {
            throw vn.baucu.platform.DomainException.violations(problems);
        }
        int inserted = jdbc.sql("""
                        insert into interim_head (contest_id, election_id, full_name, decision_no, appointed_on, serves_until,
                                                  recorded_by, recorded_at)
                        values (:c, :e, :n, :no, :on, :until, :by, :t) on conflict (contest_id) do nothing""")
                .param("c", contest.id()).param("e", electionId).param("n", fullName.strip())
                .param("no", decisionNo.strip()).param("on", java.sql.Date.valueOf(appointedOn))
                .param("until", until == null ? null : java.sql.Date.valueOf(until))
                .param("by", authorization.currentUser().username()).param("t", Timestamp.from(clock.instant())).update();
        if (inserted == 0) {
            throw vn.baucu.platform.DomainException.conflict("interim.exists", contest.placeName());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("decisionNo", decisionNo.strip());
        details.put("appointedOn", appointedOn.toString());
        details.put("servesUntil", until == null ? null : until.toString());
        live.changed(contest.electionId(), "RESULTS", contest.placeCode());
        audit.record("INTERIM_HEAD_APPOINTED", "contest", String.valueOf(contest.id()), contest.placeCode(), details);
        return interimHead(contest.id()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public java.util.Optional<InterimHead> interimHead(long contestId) {
        return jdbc.sql("""
                        select contest_id, full_name, decision_no, appointed_on, serves_until from interim_head
                        where contest_id = :c""")
                .param("c", contestId)
                .query((rs, i) -> new InterimHead(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4).toLocalDate(), rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate()))
                .optional();
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Recognition> recognition(long contestId) {
        return jdbc.sql("select contest_id, candidate_id, decision_no, decided_on, signed_by from recognition where contest_id = :c")
                .param("c", contestId)
                .query((rs, i) -> new Recognition(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                        rs.getString(5)))
                .optional();
    }

    /**
     * Recomputes every contest of an election from its certified minutes and says which stored results differed (none,
     * unless something went wrong): the check an official can run at any time.
     */
    @Transactional
    public List<String> recomputeAll(long electionId) {
        elections.requireAdministers(electionId);
        List<String> differed = new ArrayList<>();
        for (ContestRef c : elections.contests(electionId)) {
            String before = jdbc.sql("select coalesce(outcome, '') || '|' || status || '|' || coalesce(figures::text, '') "
                            + "from contest_result where contest_id = :c").param("c", c.id()).query(String.class).optional()
                    .orElse("|NOT_REPORTED|");
            Computed now = recompute(c);
            String after = (now.evaluation() == null ? "" : now.evaluation().outcome().name()) + "|" + now.status() + "|"
                    + (now.figures() == null ? "" : jdbc.sql("select cast(:f as jsonb)::text")
                    .param("f", json.writeValueAsString(now.figures())).query(String.class).single());
            if (!before.equals(after)) {
                differed.add(c.placeCode());
            }
        }
        return differed;
    }

    /**
     * Where a contest's stored result stands, for the dashboards (no figures): a {@code CERTIFIED} contest with no
     * {@code outcome} is one whose figures the rule engine refused.
     */
    public record Outcome(long contestId, String status, String outcome, int elected, String followUp,
                          boolean recognised, boolean interimHead) {
    }

    /** The stored result of every contest of an election that has one (a contest without one has not reported). */
    @Transactional(readOnly = true)
    public List<Outcome> outcomes(long electionId) {
        return jdbc.sql("""
                        select r.contest_id, r.status, r.outcome,
                               coalesce(jsonb_array_length(r.evaluation -> 'elected'), 0),
                               r.evaluation -> 'followUp' ->> 'kind',
                               exists (select 1 from recognition g where g.contest_id = r.contest_id),
                               exists (select 1 from interim_head h where h.contest_id = r.contest_id)
                        from contest_result r where r.election_id = :e""")
                .param("e", electionId)
                .query((rs, i) -> new Outcome(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getBoolean(6), rs.getBoolean(7)))
                .list();
    }

    /** The contest's result from its certified minutes as they stand, without storing anything. */
    @Transactional(readOnly = true)
    public Computed compute(ContestRef contest) {
        return compute(contest, expected(contest), candidates.ballot(contest.electionId(), contest.placeCode()));
    }

    /** How many minutes the contest's result needs: its meeting's, or one per polling area. */
    private int expected(ContestRef contest) {
        return contest.village() ? 1 : elections.pollingAreaCount(contest);
    }

    private Computed compute(ContestRef contest, int expected, List<CandidateView> ballot) {
        // the sums and the references come from the database in one pass over the contest's minutes, instead of
        // each minutes' figures read and parsed here
        var totals = minutes.certifiedTotals(contest);
        List<CountingMinutes.CertifiedRef> certified = totals.map(CountingMinutes.CertifiedTotals::minutes).orElse(List.of());
        int entered = minutes.entered(contest);
        String status = expected > 0 && certified.size() >= expected ? "CERTIFIED" : entered > 0 ? "REPORTED" : "NOT_REPORTED";
        List<Map<String, Object>> refs = new ArrayList<>();
        for (CountingMinutes.CertifiedRef m : certified) {
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("level", contest.village() ? "MEETING" : "TEAM");
            ref.put("pollingArea", m.pollingArea());
            ref.put("version", m.version());
            ref.put("sha256", m.sha256());
            refs.add(ref);
        }
        List<String> struck = ballot.stream().filter(CandidateView::struckAfterPrinting).map(c -> String.valueOf(c.id()))
                .toList();
        if (totals.isEmpty()) {
            return new Computed(status, expected, entered, 0, null, null, refs, null, struck);
        }
        ContestFigures figures = figures(contest, totals.get(), ballot);
        Evaluation evaluation = null;
        String rejected = null;
        if ("CERTIFIED".equals(status)) {
            try {
                evaluation = ContestEvaluator.evaluate(figures);
            } catch (FiguresRejected e) {
                rejected = e.findings().isEmpty() ? "E-000" : e.findings().get(0).code();
            }
        }
        return new Computed(status, expected, entered, certified.size(), figures, evaluation, refs, rejected, struck);
    }

    /** The figures of a contest: its one meeting's minutes, or the sum of its polling areas' (Điều 77), on its ballot. */
    private static ContestFigures figures(ContestRef contest, CountingMinutes.CertifiedTotals t, List<CandidateView> ballot) {
        List<ContestFigures.CandidateFigures> names = new ArrayList<>();
        for (CandidateView c : ballot) {
            String id = String.valueOf(c.id());
            // a name struck off after printing stays on the ballot with no votes, and is never elected (ADR 0006)
            names.add(new ContestFigures.CandidateFigures(id, c.fullName(), c.birthDate(),
                    c.struckAfterPrinting() ? 0 : t.votes().getOrDefault(id, 0L)));
        }
        return new ContestFigures(RuleSet.valueOf(contest.ruleSet()), vn.baucu.rules.Round.valueOf(contest.round()),
                contest.seats(), contest.electionDay(), VotingMethod.valueOf(t.votingMethod()),
                t.electorate(), 0, t.participants(), t.ballotsIssued(), t.ballotsReturned(), t.validBallots(),
                t.invalidBallots(), names);
    }

    private void store(ContestRef contest, Computed c) {
        jdbc.sql("""
                        insert into contest_result (contest_id, election_id, status, expected_minutes, entered_minutes,
                                                    certified_minutes, figures, outcome, evaluation, minutes, struck, computed_at)
                        values (:c, :e, :s, :x, :n, :k, cast(:f as jsonb), :o, cast(:ev as jsonb), cast(:m as jsonb),
                                cast(:st as jsonb), :t)
                        on conflict (contest_id) do update set status = excluded.status,
                            expected_minutes = excluded.expected_minutes, entered_minutes = excluded.entered_minutes,
                            certified_minutes = excluded.certified_minutes, figures = excluded.figures,
                            outcome = excluded.outcome, evaluation = excluded.evaluation, minutes = excluded.minutes,
                            struck = excluded.struck, computed_at = excluded.computed_at""")
                .param("c", contest.id()).param("e", contest.electionId()).param("s", c.status())
                .param("x", c.expected()).param("n", c.entered()).param("k", c.certified())
                .param("f", c.figures() == null ? null : json.writeValueAsString(c.figures()))
                .param("o", c.evaluation() == null ? null : c.evaluation().outcome().name())
                .param("ev", c.evaluation() == null ? null : json.writeValueAsString(c.evaluation()))
                .param("m", json.writeValueAsString(c.minutes())).param("st", json.writeValueAsString(c.struck()))
                .param("t", Timestamp.from(clock.instant())).update();
    }
}
