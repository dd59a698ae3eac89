package vn.baucu.counting;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import vn.baucu.audit.AuditLog;
import vn.baucu.candidates.CandidateView;
import vn.baucu.candidates.Candidates;
import vn.baucu.counting.internal.MinutesStore;
import vn.baucu.counting.internal.MinutesStore.EntryRow;
import vn.baucu.counting.internal.MinutesStore.Row;
import vn.baucu.election.ContestRef;
import vn.baucu.election.Elections;
import vn.baucu.election.Organisations;
import vn.baucu.election.PollingArea;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.Authorization.Access;
import vn.baucu.platform.CurrentUser;
import vn.baucu.platform.DomainException;
import vn.baucu.platform.FindingProblems;
import vn.baucu.platform.Idempotency;
import vn.baucu.platform.Inputs;
import vn.baucu.platform.Violation;
import vn.baucu.rules.EnteredMinutes;
import vn.baucu.rules.Finding;
import vn.baucu.rules.MinutesChecks;
import vn.baucu.rules.RuleSet;
import vn.baucu.rules.VotingMethod;
import vn.baucu.voters.VoterLists;

/**
 * The counting minutes of contests (contracts/counting-minutes.md): entered twice by two different people, each
 * entry checked against the law and the voter list with every problem at once, compared field by field, resolved by
 * a coordinator of the commune who made neither entry, certified and frozen, corrected only as a new version. Every
 * change is authorised by the one guard and audited in its transaction; a resend with the same idempotency key
 * stores nothing new.
 */
@Service
public class CountingMinutes {

    private final MinutesStore store;
    private final Elections elections;
    private final Organisations organisations;
    private final Candidates candidates;
    private final VoterLists voterLists;
    private final Authorization authorization;
    private final Idempotency idempotency;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final vn.baucu.platform.LiveChanges live;

    CountingMinutes(MinutesStore store, Elections elections, Organisations organisations, Candidates candidates,
                    VoterLists voterLists, Authorization authorization, Idempotency idempotency, AuditLog audit,
                    JsonMapper json, Clock clock, ApplicationEventPublisher events,
                    vn.baucu.platform.LiveChanges live) {
        this.live = live;
        this.store = store;
        this.elections = elections;
        this.organisations = organisations;
        this.candidates = candidates;
        this.voterLists = voterLists;
        this.authorization = authorization;
        this.idempotency = idempotency;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    /** Where a minutes is kept: the village, or a polling area of a commune. */
    record Place(ContestRef contest, PollingArea area, String unitCode, String communeCode) {
        Long areaId() {
            return area == null ? null : area.id();
        }
    }

    /**
     * One entry of the paper minutes by the current user: a team member of that place or an official of its commune.
     * 201 (a new entry) or a replay of the first answer for the same key; 422 with every problem; 409 when the
     * minutes takes no entry now or the same user already entered it.
     */
    @Transactional
    public Idempotency.Outcome<EntryReceipt> enter(long electionId, String placeCode, MinutesEntry entry, UUID key,
                                                   String source) {
        ContestRef contest = elections.contest(electionId, placeCode);
        Place place = place(contest, entry.pollingArea());
        CurrentUser user = authorization.requirePollingTeam(place.unitCode(), contest.electionDay(), place.areaId(),
                contest.scopeCode());
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("election", electionId);
        request.put("place", placeCode);
        request.put("entry", entry);
        return idempotency.once(key, user.username(), "minutes entry", request, EntryReceipt.class,
                () -> record(place, entry, user, source));
    }

    /**
     * The problems an entry would meet, every one, without storing anything (an empty list: it would be taken); for
     * files of many minutes that are checked whole before any of them is entered. The guard still refuses (403) and
     * an election whose fingerprint no longer holds is still a conflict.
     */
    @Transactional(readOnly = true)
    public List<Violation> problems(long electionId, String placeCode, MinutesEntry entry) {
        ContestRef contest = elections.contest(electionId, placeCode);
        Place place;
        try {
            place = place(contest, entry.pollingArea());
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.UNPROCESSABLE) {
                return e.violations();
            }
            throw e;
        }
        authorization.requirePollingTeam(place.unitCode(), contest.electionDay(), place.areaId(), contest.scopeCode());
        requireCountable(contest, entry.fingerprint());
        try {
            check(place, entry);
            return List.of();
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.UNPROCESSABLE) {
                return e.violations();
            }
            throw e;
        }
    }

    private EntryReceipt record(Place place, MinutesEntry entry, CurrentUser user, String source) {
        ContestRef contest = place.contest();
        requireCountable(contest, entry.fingerprint());
        Instant now = clock.instant();
        Row m = store.lockOrCreate(contest.electionId(), contest.id(), place.areaId(), place.communeCode(),
                place.unitCode(), now, user.username());
        if (m.status() == MinutesStatus.CERTIFIED) {
            throw DomainException.conflict("counting.certified", m.id(), m.version());
        }
        if (!m.status().takesEntries()) {
            throw DomainException.conflict("counting.entries-complete", m.id(), m.status().name());
        }
        List<EntryRow> current = store.entries(m.id(), m.version()).stream()
                .filter(e -> e.attempt() == m.attempt()).toList();
        if (current.stream().anyMatch(e -> e.enteredBy().equals(user.username()))) {
            throw DomainException.conflict("counting.same-user", user.username());
        }
        EnteredMinutes figures = check(place, entry);
        List<Notice> notices = notices(figures, entry);
        MinutesEntry stored = normalised(entry, place.areaId());
        String text = json.writeValueAsString(stored);
        int seq = current.size() + 1;
        store.insertEntry(m, seq, user.username(), now, source, text);
        List<EntryReceipt.Difference> differences = List.of();
        MinutesStatus to;
        if (seq == 1) {
            to = MinutesStatus.ENTERED;
        } else {
            MinutesEntry first = json.readValue(current.get(0).figures(), MinutesEntry.class);
            differences = MinutesChecks.compare(entered(first), figures).stream()
                    .map(d -> new EntryReceipt.Difference(d.field(), d.first(), d.second())).toList();
            to = differences.isEmpty() ? MinutesStatus.VERIFIED : MinutesStatus.DIFFERENT;
            if (to == MinutesStatus.VERIFIED) {
                store.agree(m.id(), m.version(), json.writeValueAsString(merged(first, stored)), null, null);
            }
        }
        if (!store.move(m.id(), m.version(), m.status(), to)) {
            throw DomainException.conflict("counting.moved", m.id());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("contest", contest.placeCode());
        details.put("pollingArea", place.areaId());
        details.put("version", m.version());
        details.put("entry", seq);
        details.put("status", to.name());
        details.put("differences", differences.stream().map(EntryReceipt.Difference::field).toList());
        audit.record("MINUTES_ENTERED", "minutes", String.valueOf(m.id()), place.unitCode(), details);
        live.changed(contest.electionId(), "MINUTES", m.unitCode());
        return new EntryReceipt(summary(store.find(m.id()).orElseThrow()), differences, notices);
    }

    /** The explanations of the first entry, then any the second adds: both typed the same paper. */
    private static MinutesEntry merged(MinutesEntry first, MinutesEntry second) {
        Map<String, MinutesEntry.Explanation> byCode = new LinkedHashMap<>();
        first.explanations().forEach(e -> byCode.putIfAbsent(e.code(), e));
        second.explanations().forEach(e -> byCode.putIfAbsent(e.code(), e));
        return new MinutesEntry(first.pollingArea(), first.votingMethod(), first.electorate(), first.participants(),
                first.ballotsIssued(), first.ballotsReturned(), first.validBallots(), first.invalidBallots(),
                first.candidates(), first.complaints(), List.copyOf(byCode.values()), first.householdsUnrepresented(),
                first.fingerprint());
    }

    /** Coordinator: keep one of two differing entries, or send the minutes back for two new entries. */
    @Transactional
    public MinutesSummary resolve(long electionId, String placeCode, long minutesId, String keep, boolean reenter) {
        ContestRef contest = elections.contest(electionId, placeCode);
        Row m = ofContest(contest, minutesId);
        CurrentUser user = authorization.require(Access.ADMINISTER, m.unitCode(), contest.electionDay(), contest.scopeCode());
        List<EntryRow> current = store.entries(m.id(), m.version()).stream().filter(e -> e.attempt() == m.attempt()).toList();
        if (current.stream().anyMatch(e -> e.enteredBy().equals(user.username()))) {
            throw DomainException.forbidden("counting.resolver-entered", user.username());
        }
        if (m.status() != MinutesStatus.DIFFERENT) {
            throw DomainException.conflict("counting.not-different", m.id(), m.status().name());
        }
        String outcome;
        if (reenter) {
            if (!store.reenter(m.id(), m.version())) {
                throw DomainException.conflict("counting.moved", m.id());
            }
            outcome = "REENTER";
        } else {
            if (!"FIRST".equals(keep) && !"SECOND".equals(keep)) {
                throw DomainException.violations(List.of(Violation.of("E-008", "keep", "evaluation.unknown-value", "keep",
                        String.valueOf(keep), "FIRST, SECOND")));
            }
            EntryRow kept = current.get("FIRST".equals(keep) ? 0 : 1);
            if (!store.move(m.id(), m.version(), MinutesStatus.DIFFERENT, MinutesStatus.VERIFIED)) {
                throw DomainException.conflict("counting.moved", m.id());
            }
            store.agree(m.id(), m.version(), kept.figures(), keep, user.username());
            outcome = keep;
        }
        live.changed(contest.electionId(), "MINUTES", m.unitCode());
        audit.record("MINUTES_RESOLVED", "minutes", String.valueOf(m.id()), m.unitCode(),
                Map.of("contest", contest.placeCode(), "version", m.version(), "outcome", outcome));
        return summary(store.find(m.id()).orElseThrow());
    }

    /**
     * The commune's official certifies the verified minutes once the paper signed by the team head or the meeting
     * chair is in hand; {@code ifMatch} must name the current version (412 otherwise). Frozen from then on.
     */
    @Transactional
    public MinutesSummary certify(long electionId, String placeCode, long minutesId, Integer ifMatch, String signedBy) {
        ContestRef contest = elections.contest(electionId, placeCode);
        Row m = ofContest(contest, minutesId);
        CurrentUser user = authorization.require(Access.ADMINISTER, m.unitCode(), contest.electionDay(), contest.scopeCode());
        if (ifMatch == null) {
            throw DomainException.violations(List.of(Violation.of("P-401", "If-Match", "problem.missing-parameter", "If-Match")));
        }
        if (ifMatch != m.version()) {
            throw DomainException.stale("counting.stale-version", m.id(), ifMatch, m.version());
        }
        requireCountable(contest, null, true);
        if (m.status() != MinutesStatus.VERIFIED) {
            throw DomainException.conflict(m.status() == MinutesStatus.CERTIFIED ? "counting.certified" : "counting.not-verified",
                    m.id(), m.status() == MinutesStatus.CERTIFIED ? m.version() : m.status().name());
        }
        var version = store.versions(m.id()).stream().filter(v -> v.version() == m.version()).findFirst().orElseThrow();
        MinutesEntry figures = json.readValue(version.figures(), MinutesEntry.class);
        Instant now = clock.instant();
        Map<String, CandidateView> ballot = ballotById(contest);
        String canonical = canonical(contest, ballot, m, figures, version, user.username(), Inputs.text(signedBy), now);
        String sha = Inputs.sha256(canonical.getBytes(StandardCharsets.UTF_8));
        if (!store.certify(m.id(), m.version(), now, user.username(), Inputs.text(signedBy), sha, canonical)) {
            throw DomainException.conflict("counting.moved", m.id());
        }
        List<long[]> votes = new ArrayList<>();
        for (MinutesEntry.CandidateVotes v : figures.candidates()) {
            CandidateView c = ballot.get(v.id());
            votes.add(new long[] {c.id(), v.votes(), c.struckAfterPrinting() ? 0 : 1});
        }
        store.insertVotes(m.id(), m.version(), votes);
        live.changed(contest.electionId(), "MINUTES", m.unitCode());
        audit.record("MINUTES_CERTIFIED", "minutes", String.valueOf(m.id()), m.unitCode(),
                Map.of("contest", contest.placeCode(), "version", m.version(), "sha256", sha));
        MinutesSummary certified = summary(store.find(m.id()).orElseThrow());
        // last: the contest's recomputation takes the contest's lock until commit, so nothing else of this
        // certification should run while other certifications of the same unit wait for it
        events.publishEvent(new MinutesCertified(contest.electionId(), contest.id(), m.id(), m.version(), sha,
                contest.rehearsal()));
        return certified;
    }

    /** Opens version n + 1 of a certified minutes, with the reason and the decision behind it (version n stays). */
    @Transactional
    public MinutesSummary correct(long electionId, String placeCode, long minutesId, String reason, String decision) {
        ContestRef contest = elections.contest(electionId, placeCode);
        Row m = ofContest(contest, minutesId);
        CurrentUser user = authorization.require(Access.ADMINISTER, m.unitCode(), contest.electionDay(), contest.scopeCode());
        List<Violation> problems = new ArrayList<>();
        if (Inputs.text(reason) == null) {
            problems.add(Violation.of("M-121", "reason", "counting.correction-reason"));
        }
        if (Inputs.text(decision) == null) {
            problems.add(Violation.of("M-122", "decision", "counting.correction-decision"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.violations(problems);
        }
        if (m.status() != MinutesStatus.CERTIFIED
                || !store.openCorrection(m.id(), m.version(), clock.instant(), user.username(), Inputs.text(reason),
                Inputs.text(decision))) {
            throw DomainException.conflict("counting.not-certified", m.id(), m.status().name());
        }
        live.changed(contest.electionId(), "MINUTES", m.unitCode());
        audit.record("MINUTES_CORRECTION_OPENED", "minutes", String.valueOf(m.id()), m.unitCode(),
                Map.of("contest", contest.placeCode(), "version", m.version() + 1, "reason", Inputs.text(reason),
                        "decision", Inputs.text(decision)));
        return summary(store.find(m.id()).orElseThrow());
    }

    /**
     * Attaches a photo (JPEG) or scan (PDF) of the signed paper minutes to the current version, hashed with SHA-256, to
     * be shown beside the typed figures; by the place's team or its commune. A later attachment replaces it until the
     * version is certified; a certified version keeps the one it was certified with.
     */
    @Transactional
    public String attachScan(long electionId, String placeCode, long minutesId, byte[] content) {
        ContestRef contest = elections.contest(electionId, placeCode);
        Row m = ofContest(contest, minutesId);
        authorization.requirePollingTeam(m.unitCode(), contest.electionDay(), m.pollingAreaId(), contest.scopeCode());
        String type = content != null && content.length > 3 && (content[0] & 0xff) == 0xFF && (content[1] & 0xff) == 0xD8
                && (content[2] & 0xff) == 0xFF ? "image/jpeg"
                : content != null && content.length > 5 && new String(content, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")
                ? "application/pdf" : null;
        if (type == null) {
            throw DomainException.violations(List.of(Violation.of("M-123", "file", "counting.scan-type")));
        }
        boolean certifiedWithScan = m.status() == MinutesStatus.CERTIFIED && store.versions(m.id()).stream()
                .anyMatch(v -> v.version() == m.version() && v.scanSha256() != null);
        if (certifiedWithScan) {
            throw DomainException.conflict("counting.certified", m.id(), m.version());
        }
        String sha = Inputs.sha256(content);
        store.attachScan(m.id(), m.version(), content, type, sha);
        audit.record("MINUTES_SCAN_ATTACHED", "minutes", String.valueOf(m.id()), m.unitCode(),
                Map.of("contest", contest.placeCode(), "version", m.version(), "sha256", sha, "type", type,
                        "bytes", content.length));
        return sha;
    }

    /** The attached photo or scan of a version: [bytes, content type]. */
    @Transactional(readOnly = true)
    public java.util.Optional<Object[]> scan(long electionId, String placeCode, long minutesId, int version) {
        ContestRef contest = elections.contest(electionId, placeCode);
        Row m = ofContest(contest, minutesId);
        authorization.require(Access.READ, m.unitCode(), contest.electionDay(), null);
        return store.scan(m.id(), version);
    }

    /** Every minutes of a contest that the user may read, with status and version. */
    @Transactional(readOnly = true)
    public List<MinutesSummary> list(long electionId, String placeCode) {
        ContestRef contest = elections.contest(electionId, placeCode);
        authorization.currentUser();
        return store.ofContest(contest.id()).stream()
                .filter(r -> authorization.allows(r.unitCode(), contest.electionDay(), Access.READ))
                .map(this::summary).toList();
    }

    /** One minutes with every version; figures hidden while a version waits for its second entry. */
    @Transactional(readOnly = true)
    public MinutesView get(long electionId, String placeCode, long minutesId) {
        ContestRef contest = elections.contest(electionId, placeCode);
        Row m = ofContest(contest, minutesId);
        authorization.require(Access.READ, m.unitCode(), contest.electionDay(), null);
        return view(contest, m);
    }

    /**
     * The public view of one certified version, found by the SHA-256 printed on its paper (the QR code's target): the
     * figures as certified, without the entries or who typed them; empty for a rehearsal or an unknown hash.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<MinutesView> certifiedView(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-fA-F]{64}")) {
            return java.util.Optional.empty();
        }
        return store.bySha(sha256.toLowerCase()).map(k -> {
            Row m = store.find(k[0]).orElseThrow();
            ContestRef contest = elections.contest(m.contestId());
            MinutesView full = view(contest, m);
            List<MinutesView.Version> only = full.versions().stream().filter(v -> v.number() == k[1])
                    .map(v -> new MinutesView.Version(v.number(), MinutesStatus.CERTIFIED, v.openedAt(), null,
                            v.correctionReason(), v.correctionDecision(), v.figures(), null, null, v.certifiedAt(), null,
                            v.signedBy(), v.sha256(), v.scanSha256(), List.of(), List.of()))
                    .toList();
            return new MinutesView(full.minutes(), full.placeName(), full.pollingAreaName(), only);
        });
    }

    private MinutesView view(ContestRef contest, Row m) {
        List<MinutesView.Version> versions = new ArrayList<>();
        for (var v : store.versions(m.id())) {
            boolean currentVersion = v.version() == m.version();
            MinutesStatus status = currentVersion ? m.status() : MinutesStatus.CERTIFIED;
            List<EntryRow> rows = store.entries(m.id(), v.version());
            int attempt = currentVersion ? m.attempt() : rows.stream().mapToInt(EntryRow::attempt).max().orElse(1);
            boolean bothIn = rows.stream().filter(e -> e.attempt() == attempt).count() == 2;
            List<MinutesView.Entry> entries = rows.stream().map(e -> new MinutesView.Entry(e.attempt(), e.seq(),
                    e.enteredBy(), e.enteredAt(), e.source(), e.discarded(),
                    e.attempt() != attempt || bothIn ? json.readValue(e.figures(), MinutesEntry.class) : null)).toList();
            List<EntryReceipt.Difference> differences = List.of();
            if (bothIn) {
                List<EntryRow> pair = rows.stream().filter(e -> e.attempt() == attempt).toList();
                differences = MinutesChecks.compare(entered(json.readValue(pair.get(0).figures(), MinutesEntry.class)),
                                entered(json.readValue(pair.get(1).figures(), MinutesEntry.class))).stream()
                        .map(d -> new EntryReceipt.Difference(d.field(), d.first(), d.second())).toList();
            }
            versions.add(new MinutesView.Version(v.version(), status, v.openedAt(), v.openedBy(), v.reason(), v.decision(),
                    v.figures() == null ? null : json.readValue(v.figures(), MinutesEntry.class), v.resolution(),
                    v.resolvedBy(), v.certifiedAt(), v.certifiedBy(), v.signedBy(), v.sha256(), v.scanSha256(), entries,
                    differences));
        }
        return new MinutesView(summary(m), contest.placeName(), place(contest, m.pollingAreaId()).area() == null ? null
                : place(contest, m.pollingAreaId()).area().name(), versions);
    }

    /** The minutes id of a place, if it has one yet. */
    @Transactional(readOnly = true)
    public java.util.Optional<MinutesSummary> ofPlace(long electionId, String placeCode, Long pollingAreaId) {
        ContestRef contest = elections.contest(electionId, placeCode);
        return store.ofContest(contest.id()).stream().filter(r -> Objects.equals(r.pollingAreaId(), pollingAreaId))
                .findFirst().map(this::summary);
    }

    /**
     * The latest certified version of every minutes of a contest, for the results; and how many of its minutes have
     * been entered at all. No guard: the results module decides who sees what it builds from them.
     */
    @Transactional(readOnly = true)
    public List<CertifiedMinutes> certified(ContestRef contest) {
        return store.certified(contest.id()).stream().map(r -> new CertifiedMinutes((Long) r[0], (Long) r[1], (String) r[2],
                (Integer) r[3], (String) r[4], json.readValue((String) r[5], MinutesEntry.class))).toList();
    }

    /** Which version of one minutes of a contest is certified last, and its SHA-256 (the results' references). */
    public record CertifiedRef(long minutesId, Long pollingArea, int version, String sha256) {
    }

    /**
     * A contest's certified minutes summed (Điều 77: the electoral unit's figures are the sum of its polling areas'):
     * the voting method of the first, each figure (null when no minutes has it, as for a show of hands) and each
     * candidate's votes by id.
     */
    public record CertifiedTotals(String votingMethod, long electorate, long participants, Long ballotsIssued,
                                  Long ballotsReturned, Long validBallots, Long invalidBallots, Map<String, Long> votes,
                                  List<CertifiedRef> minutes) {
    }

    /**
     * The latest certified version of every minutes of a contest, summed in the database, with the minutes summed in
     * the order of {@link #certified}; empty when none is certified.
     */
    @Transactional(readOnly = true)
    @SuppressWarnings("unchecked")
    public java.util.Optional<CertifiedTotals> certifiedTotals(ContestRef contest) {
        return store.certifiedTotals(contest.id()).map(r -> {
            Map<String, Long> votes = new java.util.LinkedHashMap<>();
            ((Map<String, Object>) json.readValue((String) r[7], Map.class))
                    .forEach((id, n) -> votes.put(id, ((Number) n).longValue()));
            List<CertifiedRef> refs = new ArrayList<>();
            for (List<Object> m : (List<List<Object>>) json.readValue((String) r[8], List.class)) {
                refs.add(new CertifiedRef(((Number) m.get(0)).longValue(),
                        m.get(1) == null ? null : ((Number) m.get(1)).longValue(), ((Number) m.get(2)).intValue(),
                        (String) m.get(3)));
            }
            return new CertifiedTotals((String) r[0], r[1] == null ? 0 : (Long) r[1], r[2] == null ? 0 : (Long) r[2],
                    (Long) r[3], (Long) r[4], (Long) r[5], (Long) r[6], votes, List.copyOf(refs));
        });
    }

    /** A contest's certified minutes in one commune, summed: the figures of the minutes and their complaints. */
    public record CertifiedSums(long contestId, String communeCode, long electorate, long participants, long ballotsIssued,
                                long ballotsReturned, long validBallots, long invalidBallots, long complaintsReceived,
                                long complaintsSettled, long complaintsForwarded) {
    }

    /**
     * Per contest and commune, the latest certified version of every minutes of the given contests summed in the
     * database (a missing figure counts 0): for the results document's units and the committees' check of each unit
     * against its polling areas, one row per commune however many polling areas. No guard: the caller decides who reads
     * what it builds from it.
     */
    @Transactional(readOnly = true)
    public List<CertifiedSums> certifiedSums(long electionId, java.util.Collection<Long> contestIds) {
        return store.certifiedSums(electionId, contestIds).stream()
                .map(r -> new CertifiedSums((Long) r[0], (String) r[1], (Long) r[2], (Long) r[3], (Long) r[4], (Long) r[5],
                        (Long) r[6], (Long) r[7], (Long) r[8], (Long) r[9], (Long) r[10]))
                .toList();
    }

    @Transactional(readOnly = true)
    public int entered(ContestRef contest) {
        return store.entered(contest.id());
    }

    /** Where one minutes stands, for the dashboards: its contest, place, commune and status, no figures. */
    public record Progress(long minutesId, long contestId, String contestPlace, Long pollingArea, String communeCode,
                           String unitCode, MinutesStatus status) {
    }

    /**
     * Per commune code and status: how many minutes of an election stand there. A minutes exists from its first
     * entry, so an expected one that is missing here has not been started. No guard: the dashboards decide who sees
     * what they build from it.
     */
    @Transactional(readOnly = true)
    public Map<String, Map<MinutesStatus, Integer>> tallyByCommune(long electionId) {
        Map<String, Map<MinutesStatus, Integer>> out = new java.util.TreeMap<>();
        for (Object[] r : store.tallyByCommune(electionId)) {
            out.computeIfAbsent((String) r[0], k -> new java.util.EnumMap<>(MinutesStatus.class))
                    .merge(MinutesStatus.valueOf((String) r[1]), (Integer) r[2], Integer::sum);
        }
        return out;
    }

    /** Per contest id and status: how many minutes of an election stand there (see {@link #tallyByCommune}). */
    @Transactional(readOnly = true)
    public Map<Long, Map<MinutesStatus, Integer>> tallyByContest(long electionId) {
        Map<Long, Map<MinutesStatus, Integer>> out = new java.util.HashMap<>();
        for (Object[] r : store.tallyByContest(electionId)) {
            out.computeIfAbsent((Long) r[0], k -> new java.util.EnumMap<>(MinutesStatus.class))
                    .merge(MinutesStatus.valueOf((String) r[1]), (Integer) r[2], Integer::sum);
        }
        return out;
    }

    /** The minutes of one commune ({@code status} null), or up to {@code limit} in one status anywhere. */
    @Transactional(readOnly = true)
    public List<Progress> progress(long electionId, String communeCode, MinutesStatus status, int limit) {
        Map<Long, String> places = new java.util.HashMap<>();
        return store.ofElection(electionId, communeCode, status, limit).stream()
                .map(r -> new Progress(r.id(), r.contestId(), places.computeIfAbsent(r.contestId(), store::placeCode),
                        r.pollingAreaId(), r.communeCode(), r.unitCode(), r.status()))
                .toList();
    }

    /** Per contest id of an election: how many of its minutes have been entered at all. */
    @Transactional(readOnly = true)
    public Map<Long, Integer> enteredByContest(long electionId) {
        return store.enteredByContest(electionId);
    }

    /** The certified data of a version exactly as hashed, by its SHA-256; empty for a rehearsal or an unknown hash. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> certifiedBySha(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-fA-F]{64}")) {
            return java.util.Optional.empty();
        }
        return store.bySha(sha256.toLowerCase()).flatMap(k -> store.versions(k[0]).stream()
                .filter(v -> v.version() == k[1]).findFirst().map(MinutesStore.VersionRow::canonical));
    }

    // ---------------------------------------------------------------- checks

    private void requireCountable(ContestRef contest, String printedFingerprint) {
        requireCountable(contest, printedFingerprint, false);
    }

    /**
     * Minutes are taken only for a frozen election, and one whose paper carries its fingerprint when the fingerprint is
     * typed in. An entry compares the stored fingerprint (a frozen election refuses every change to its configuration);
     * {@code thorough} — at certification, the point of no return — hashes the whole configuration again, so a change
     * made behind the application's back (in the database) stops the minutes there. That costs O(contests) per
     * certification, not per entry.
     */
    private void requireCountable(ContestRef contest, String printedFingerprint, boolean thorough) {
        if (!contest.frozen()) {
            throw DomainException.conflict("counting.not-frozen", contest.electionId());
        }
        if (contest.fingerprint() == null
                || thorough && !elections.fingerprintMatches(contest.electionId(), contest.fingerprint())
                || printedFingerprint != null && !printedFingerprint.strip().equalsIgnoreCase(contest.fingerprint())) {
            throw DomainException.conflict("counting.fingerprint-changed", contest.electionId(), contest.fingerprint());
        }
    }

    private Place place(ContestRef contest, Long pollingAreaId) {
        if (contest.village()) {
            if (pollingAreaId != null) {
                throw DomainException.violations(List.of(Violation.of("M-120", "pollingArea",
                        "minutes.polling-area-not-for-village")));
            }
            return new Place(contest, null, contest.placeCode(), contest.communeCode());
        }
        if (pollingAreaId == null) {
            throw DomainException.violations(List.of(Violation.of("M-117", "pollingArea", "minutes.polling-area-required")));
        }
        PollingArea area = organisations.pollingArea(pollingAreaId).filter(a -> elections.votesIn(a.id(), contest))
                .orElseThrow(() -> DomainException.violations(List.of(Violation.of("M-118", "pollingArea",
                        "minutes.polling-area-not-in-contest", pollingAreaId))));
        return new Place(contest, area, area.communeCode(), area.communeCode());
    }

    private Row ofContest(ContestRef contest, long minutesId) {
        return store.find(minutesId).filter(r -> r.contestId() == contest.id())
                .orElseThrow(() -> DomainException.notFound("counting.not-found", minutesId));
    }

    /** Every error at once (422, nothing stored); then every warning not explained in writing. */
    private EnteredMinutes check(Place place, MinutesEntry entry) {
        ContestRef contest = place.contest();
        List<Violation> problems = new ArrayList<>();
        VotingMethod method = VotingMethod.SECRET_BALLOT;
        if (entry.votingMethod() != null) {
            try {
                method = VotingMethod.valueOf(entry.votingMethod());
            } catch (IllegalArgumentException e) {
                problems.add(Violation.of("E-008", "votingMethod", "evaluation.unknown-value", "votingMethod",
                        entry.votingMethod(), java.util.Arrays.toString(VotingMethod.values())));
            }
        }
        if (entry.electorate() == null) {
            problems.add(Violation.of("E-001", "electorate", "evaluation.required", "electorate"));
        }
        if (entry.participants() == null) {
            problems.add(Violation.of("E-001", "participants", "evaluation.required", "participants"));
        }
        for (int i = 0; i < entry.candidates().size(); i++) {
            if (entry.candidates().get(i) == null || entry.candidates().get(i).votes() == null) {
                problems.add(Violation.of("E-001", "candidates[" + i + "].votes", "evaluation.required",
                        "candidates[" + i + "].votes"));
            }
        }
        if (!problems.isEmpty()) {
            throw DomainException.violations(problems);
        }
        EnteredMinutes figures = entered(entry, method);
        RuleSet ruleSet = RuleSet.valueOf(contest.ruleSet());
        List<MinutesChecks.BallotName> ballot = candidates.ballot(contest.electionId(), contest.placeCode()).stream()
                .map(c -> new MinutesChecks.BallotName(String.valueOf(c.id()), c.fullName(), !c.struckAfterPrinting()))
                .toList();
        boolean communeCouncil = "COMMUNE".equals(contest.councilLevel());
        Long listElectorate = voterLists.electorate(contest.electionId(),
                        new VoterLists.Target(place.areaId(), place.area() == null ? place.unitCode() : null),
                        contest.electionDay(), communeCouncil)
                .map(e -> ruleSet == RuleSet.VILLAGE_HEAD_2023 ? e.households() : e.voters()).orElse(null);
        List<Finding> errors = MinutesChecks.errors(figures,
                new MinutesChecks.Expected(ruleSet, contest.seats(), contest.electionDay(), ballot, listElectorate));
        List<Violation> all = new ArrayList<>(errors.stream().map(FindingProblems::violation).toList());
        if (errors.isEmpty()) {
            for (Finding w : MinutesChecks.warnings(figures)) {
                if (explanation(entry, w.code()) == null) {
                    all.add(FindingProblems.violation(w));
                }
            }
        }
        if (!all.isEmpty()) {
            throw DomainException.violations(all);
        }
        return figures;
    }

    private static String explanation(MinutesEntry entry, String code) {
        return entry.explanations().stream().filter(e -> e != null && code.equals(e.code()))
                .map(e -> Inputs.text(e.text())).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static List<Notice> notices(EnteredMinutes figures, MinutesEntry entry) {
        return MinutesChecks.warnings(figures).stream()
                .map(w -> new Notice(w.code(), w.field(), w.messageKey(), w.args(), explanation(entry, w.code()))).toList();
    }

    private static EnteredMinutes entered(MinutesEntry e) {
        return entered(e, e.votingMethod() == null ? VotingMethod.SECRET_BALLOT : VotingMethod.valueOf(e.votingMethod()));
    }

    private static EnteredMinutes entered(MinutesEntry e, VotingMethod method) {
        MinutesEntry.Complaints c = e.complaints() == null ? new MinutesEntry.Complaints(0L, 0L, 0L) : e.complaints();
        return new EnteredMinutes(method, e.electorate(), e.participants(), e.ballotsIssued(), e.ballotsReturned(),
                e.validBallots(), e.invalidBallots(),
                e.candidates().stream().map(v -> new EnteredMinutes.Votes(v.id(), v.votes())).toList(),
                c.received() == null ? 0 : c.received(), c.settled() == null ? 0 : c.settled(),
                c.forwarded() == null ? 0 : c.forwarded(), e.householdsUnrepresented());
    }

    /** The entry as stored: defaults filled in, explanations trimmed. */
    private static MinutesEntry normalised(MinutesEntry e, Long areaId) {
        MinutesEntry.Complaints c = e.complaints() == null ? new MinutesEntry.Complaints(0L, 0L, 0L)
                : new MinutesEntry.Complaints(e.complaints().received() == null ? 0L : e.complaints().received(),
                e.complaints().settled() == null ? 0L : e.complaints().settled(),
                e.complaints().forwarded() == null ? 0L : e.complaints().forwarded());
        List<MinutesEntry.Explanation> explanations = e.explanations().stream()
                .filter(x -> x != null && x.code() != null && Inputs.text(x.text()) != null)
                .map(x -> new MinutesEntry.Explanation(x.code(), Inputs.text(x.text()))).toList();
        return new MinutesEntry(areaId, e.votingMethod() == null ? VotingMethod.SECRET_BALLOT.name() : e.votingMethod(),
                e.electorate(), e.participants(), e.ballotsIssued(), e.ballotsReturned(), e.validBallots(),
                e.invalidBallots(), e.candidates(), c, explanations, e.householdsUnrepresented(), null);
    }

    private Map<String, CandidateView> ballotById(ContestRef contest) {
        Map<String, CandidateView> out = new LinkedHashMap<>();
        candidates.ballot(contest.electionId(), contest.placeCode()).forEach(c -> out.put(String.valueOf(c.id()), c));
        return out;
    }

    /** The certified data, in a fixed order, as hashed (SHA-256) and published for verification. */
    private String canonical(ContestRef contest, Map<String, CandidateView> ballot, Row m, MinutesEntry f,
                             MinutesStore.VersionRow version, String by, String signedBy, Instant at) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("schema", "baucu/counting-minutes/1");
        Map<String, Object> election = new LinkedHashMap<>();
        election.put("id", contest.electionId());
        election.put("name", contest.electionName());
        election.put("electionDay", contest.electionDay().toString());
        election.put("fingerprint", contest.fingerprint());
        out.put("election", election);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("place", contest.placeCode());
        c.put("name", contest.placeName());
        c.put("seats", contest.seats());
        c.put("ruleSet", contest.ruleSet());
        out.put("contest", c);
        out.put("pollingArea", m.pollingAreaId());
        out.put("commune", m.communeCode());
        out.put("version", m.version());
        Map<String, Object> correction = new LinkedHashMap<>();
        if (version.reason() != null) {
            correction.put("reason", version.reason());
            correction.put("decision", version.decision());
        }
        out.put("correction", correction);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("votingMethod", f.votingMethod());
        figures.put("electorate", f.electorate());
        figures.put("participants", f.participants());
        figures.put("ballotsIssued", f.ballotsIssued());
        figures.put("ballotsReturned", f.ballotsReturned());
        figures.put("validBallots", f.validBallots());
        figures.put("invalidBallots", f.invalidBallots());
        figures.put("householdsUnrepresented", f.householdsUnrepresented());
        figures.put("complaints", f.complaints());
        out.put("figures", figures);
        List<Map<String, Object>> names = new ArrayList<>();
        for (MinutesEntry.CandidateVotes v : f.candidates()) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("id", v.id());
            n.put("name", ballot.get(v.id()).fullName());
            n.put("votes", v.votes());
            n.put("counted", !ballot.get(v.id()).struckAfterPrinting());
            names.add(n);
        }
        out.put("candidates", names);
        out.put("explanations", f.explanations());
        out.put("certifiedAt", at.toString());
        out.put("certifiedBy", by);
        out.put("signedBy", signedBy);
        return json.writeValueAsString(out);
    }

    private MinutesSummary summary(Row r) {
        var certified = r.status() == MinutesStatus.CERTIFIED ? store.versions(r.id()).stream()
                .filter(v -> v.version() == r.version()).findFirst().orElse(null) : null;
        return new MinutesSummary(r.id(), r.electionId(), placeOf(r), r.pollingAreaId(), r.communeCode(), r.version(),
                r.status(), store.countEntries(r.id(), r.version(), r.attempt()),
                certified == null ? null : certified.certifiedAt(), certified == null ? null : certified.sha256());
    }

    private String placeOf(Row r) {
        return store.placeCode(r.contestId());
    }
}
