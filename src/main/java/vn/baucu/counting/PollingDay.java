package vn.baucu.counting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.baucu.audit.AuditLog;
import vn.baucu.counting.internal.PollingDayStore;
import vn.baucu.counting.internal.PollingDayStore.DayRow;
import vn.baucu.election.ContestRef;
import vn.baucu.election.ElectionView;
import vn.baucu.election.Elections;
import vn.baucu.election.Organisations;
import vn.baucu.election.PollingArea;
import vn.baucu.geography.AdminUnit;
import vn.baucu.geography.AdminUnits;
import vn.baucu.geography.UnitLevel;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.Authorization.Access;
import vn.baucu.platform.CurrentUser;
import vn.baucu.platform.DomainException;
import vn.baucu.platform.Idempotency;
import vn.baucu.platform.Inputs;
import vn.baucu.platform.Violation;
import vn.baucu.rules.Percentages;
import vn.baucu.rules.RuleSet;
import vn.baucu.rules.VotingMethod;
import vn.baucu.voters.VoterLists;

/**
 * Polling day at each polling place — a polling area (NA, HĐND) or a village's election meeting: opening with the
 * empty ballot box shown, turnout at the election's reporting times, incidents, interruptions and mobile boxes, the
 * village meeting's attendance and voting method, and closing. Turnout rolls up to commune, province and nation; a
 * place that missed a reporting time is flagged to its commune. Every submission carries an idempotency key.
 *
 * <p>Legal basis: Luật 85/2015/QH13, Điều 69 (mobile box), 70–71 (hours 7:00–19:00, earlier from 5:00 or later to
 * 21:00; continuous voting, an interruption sealed and reported), 72 (voting on another day by decision); Luật
 * 10/2022/QH15, Điều 18–20; NĐ 59/2023/NĐ-CP, Điều 3.
 */
@Service
public class PollingDay {

    /** Vietnam's time: the clock on the wall of every polling place. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** The reporting times when an election sets none (a documented default, after the 2021 provincial plans). */
    public static final List<LocalTime> DEFAULT_TIMES = List.of(LocalTime.of(9, 0), LocalTime.of(11, 0),
            LocalTime.of(14, 0), LocalTime.of(16, 0), LocalTime.of(19, 0));
    /** How late a report may come before the place is flagged to its commune (a documented default). */
    public static final java.time.Duration GRACE = java.time.Duration.ofMinutes(15);

    private final PollingDayStore store;
    private final Elections elections;
    private final Organisations organisations;
    private final VoterLists voterLists;
    private final AdminUnits units;
    private final Authorization authorization;
    private final Idempotency idempotency;
    private final AuditLog audit;
    private final Clock clock;
    private final vn.baucu.platform.LiveChanges live;

    PollingDay(PollingDayStore store, Elections elections, Organisations organisations, VoterLists voterLists,
               AdminUnits units, Authorization authorization, Idempotency idempotency, AuditLog audit, Clock clock,
               vn.baucu.platform.LiveChanges live) {
        this.live = live;
        this.store = store;
        this.elections = elections;
        this.organisations = organisations;
        this.voterLists = voterLists;
        this.units = units;
        this.authorization = authorization;
        this.idempotency = idempotency;
        this.audit = audit;
        this.clock = clock;
    }

    /** A polling place by its key: a village's code, or {@code pa-<id>} for a polling area. */
    public record PlaceKey(Long pollingAreaId, String villageCode) {
        public static PlaceKey parse(String key) {
            if (key != null && key.matches("pa-\\d{1,18}")) {
                return new PlaceKey(Long.valueOf(key.substring(3)), null);
            }
            if (key != null && key.matches("[0-9A-Za-z._-]{1,16}")) {
                return new PlaceKey(null, key);
            }
            throw DomainException.notFound("polling.place-not-found", String.valueOf(key));
        }

        public String key() {
            return pollingAreaId != null ? "pa-" + pollingAreaId : villageCode;
        }
    }

    /** What the server holds of a place's day: the team sees it after every submission. */
    public record PlaceDayView(String place, String name, String communeCode, Long electorate, Instant openedAt,
                               String openedBy, Boolean boxShownEmpty, Instant closedAt, Integer householdsPresent,
                               Integer householdsUnrepresented, String votingMethod, String scheduleDecision,
                               List<Report> reports, List<Event> events, List<LocalTime> reportingTimes,
                               List<LocalTime> missed, boolean rehearsal) {
    }

    public record Report(LocalTime slot, long voted, String percent, Instant reportedAt, String reportedBy) {
    }

    public record Event(long id, String kind, Instant occurredAt, Instant endedAt, String description,
                        String actionTaken, Integer voters, String recordedBy) {
    }

    public record Opening(LocalDateTime at, String openedBy, Boolean boxShownEmpty, String scheduleDecision) {
    }

    public record Closing(LocalDateTime at, String scheduleDecision) {
    }

    public record TurnoutReport(LocalTime slot, Long voted) {
    }

    public record NewEvent(String kind, LocalDateTime occurredAt, LocalDateTime endedAt, String description,
                           String actionTaken, Integer voters) {
    }

    public record Meeting(Integer householdsPresent, Integer householdsUnrepresented, String votingMethod) {
    }

    /** Turnout of a unit and of each unit under it, with the day's curve at the reporting times. */
    public record Turnout(String unit, String name, long places, long reported, long electorate, long voted,
                          String percent, List<Turnout> children, List<Point> bySlot) {
    }

    public record Point(LocalTime slot, long voted, String percent) {
    }

    /** A place that has not reported at a reporting time already past (plus the grace). */
    public record Missed(String place, String name, String communeCode, LocalTime slot) {
    }

    // ---------------------------------------------------------------- reporting times

    @Transactional(readOnly = true)
    public List<LocalTime> reportingTimes(long electionId) {
        elections.get(electionId);
        List<LocalTime> times = store.reportingTimes(electionId);
        return times.isEmpty() ? DEFAULT_TIMES : times;
    }

    /** Sets the reporting times (the election's administrators); between 5:00 and 21:00, at least one. */
    @Transactional
    public List<LocalTime> setReportingTimes(long electionId, List<LocalTime> times) {
        ElectionView election = elections.requireAdministers(electionId);
        List<Violation> problems = new ArrayList<>();
        if (times == null || times.isEmpty() || times.stream().anyMatch(java.util.Objects::isNull)) {
            problems.add(Violation.of("D-109", "times", "polling.times-required"));
        } else {
            for (LocalTime t : times) {
                if (t.isBefore(LocalTime.of(5, 0)) || t.isAfter(LocalTime.of(21, 0))) {
                    problems.add(Violation.of("D-110", "times", "polling.time-outside-hours", t.toString()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw DomainException.violations(problems);
        }
        List<LocalTime> sorted = times.stream().distinct().sorted().toList();
        store.replaceReportingTimes(electionId, sorted);
        audit.record("REPORTING_TIMES_SET", "election", String.valueOf(electionId), election.scopeCode(),
                Map.of("times", sorted.stream().map(LocalTime::toString).toList()));
        return sorted;
    }

    // ---------------------------------------------------------------- the team's submissions

    @Transactional
    public Idempotency.Outcome<PlaceDayView> open(long electionId, String placeKey, Opening o, UUID key) {
        return submit(electionId, placeKey, "polling open", o, key, (place, day, user) -> {
            Instant at = instant(o.at(), place.day());
            List<Violation> problems = new ArrayList<>(hours(at, place.day(), o.scheduleDecision(), true));
            if (Inputs.text(o.openedBy()) == null) {
                problems.add(Violation.of("D-101", "openedBy", "polling.opened-by-required"));
            }
            if (!Boolean.TRUE.equals(o.boxShownEmpty())) {
                problems.add(Violation.of("D-102", "boxShownEmpty", "polling.box-not-shown"));
            }
            if (!problems.isEmpty()) {
                throw DomainException.violations(problems);
            }
            if (!store.open(day.id(), day.version(), at, Inputs.text(o.openedBy()), true, Inputs.text(o.scheduleDecision()))) {
                throw DomainException.conflict("polling.already-opened", place.key().key());
            }
            live.changed(electionId, "POLLING_DAY", place.communeCode());
            audit.record("POLLING_OPENED", "polling_place", place.key().key(), place.communeCode(),
                    Map.of("election", electionId, "at", at.toString(), "by", Inputs.text(o.openedBy())));
        });
    }

    @Transactional
    public Idempotency.Outcome<PlaceDayView> close(long electionId, String placeKey, Closing c, UUID key) {
        return submit(electionId, placeKey, "polling close", c, key, (place, day, user) -> {
            Instant at = instant(c.at(), place.day());
            List<Violation> problems = new ArrayList<>(hours(at, place.day(), c.scheduleDecision(), false));
            if (day.openedAt() != null && at.isBefore(day.openedAt())) {
                problems.add(Violation.of("D-106", "at", "polling.closed-before-opened"));
            }
            if (!problems.isEmpty()) {
                throw DomainException.violations(problems);
            }
            if (!store.close(day.id(), day.version(), at, Inputs.text(c.scheduleDecision()))) {
                throw DomainException.conflict(day.openedAt() == null ? "polling.not-opened" : "polling.already-closed",
                        place.key().key());
            }
            live.changed(electionId, "POLLING_DAY", place.communeCode());
            audit.record("POLLING_CLOSED", "polling_place", place.key().key(), place.communeCode(),
                    Map.of("election", electionId, "at", at.toString()));
        });
    }

    @Transactional
    public Idempotency.Outcome<PlaceDayView> report(long electionId, String placeKey, TurnoutReport r, UUID key) {
        return submit(electionId, placeKey, "polling turnout", r, key, (place, day, user) -> {
            List<Violation> problems = new ArrayList<>();
            List<LocalTime> times = reportingTimes(electionId);
            if (r.slot() == null || !times.contains(r.slot())) {
                problems.add(Violation.of("D-107", "slot", "polling.slot-unknown", String.valueOf(r.slot()), times.toString()));
            }
            if (r.voted() == null || r.voted() < 0) {
                problems.add(Violation.of("E-001", "voted", "evaluation.required", "voted"));
            } else {
                if (day.electorate() != null && r.voted() > day.electorate()) {
                    problems.add(Violation.of("D-104", "voted", "polling.voted-above-electorate", r.voted(), day.electorate()));
                }
                for (PollingDayStore.Report earlier : store.reports(day.id())) {
                    if (r.slot() != null && (earlier.slot().isBefore(r.slot()) && earlier.voted() > r.voted()
                            || earlier.slot().isAfter(r.slot()) && earlier.voted() < r.voted())) {
                        problems.add(Violation.of("D-105", "voted", "polling.turnout-not-rising", r.voted(),
                                earlier.slot().toString(), earlier.voted()));
                    }
                }
            }
            if (day.openedAt() == null) {
                problems.add(Violation.of("D-108", "slot", "polling.report-before-opening"));
            }
            if (!problems.isEmpty()) {
                throw DomainException.violations(problems);
            }
            if (!store.report(day.id(), r.slot(), r.voted(), clock.instant(), user.username())) {
                throw DomainException.conflict("polling.slot-reported", r.slot().toString());
            }
            live.changed(electionId, "POLLING_DAY", place.communeCode());
            audit.record("TURNOUT_REPORTED", "polling_place", place.key().key(), place.communeCode(),
                    Map.of("election", electionId, "slot", r.slot().toString(), "voted", r.voted()));
        });
    }

    @Transactional
    public Idempotency.Outcome<PlaceDayView> recordEvent(long electionId, String placeKey, NewEvent e, UUID key) {
        return submit(electionId, placeKey, "polling event", e, key, (place, day, user) -> {
            List<Violation> problems = new ArrayList<>();
            String kind = e.kind() == null ? null : e.kind().strip().toUpperCase(java.util.Locale.ROOT);
            if (kind == null || !List.of("INCIDENT", "INTERRUPTION", "MOBILE_BOX").contains(kind)) {
                problems.add(Violation.of("E-008", "kind", "evaluation.unknown-value", "kind", String.valueOf(e.kind()),
                        "INCIDENT, INTERRUPTION, MOBILE_BOX"));
            }
            if (e.occurredAt() == null) {
                problems.add(Violation.of("E-001", "occurredAt", "evaluation.required", "occurredAt"));
            }
            if (Inputs.text(e.description()) == null) {
                problems.add(Violation.of("E-001", "description", "evaluation.required", "description"));
            }
            if ("INTERRUPTION".equals(kind) && (e.endedAt() == null || Inputs.text(e.actionTaken()) == null)) {
                problems.add(Violation.of("D-111", "endedAt", "polling.interruption-incomplete"));
            }
            if (e.endedAt() != null && e.occurredAt() != null && e.endedAt().isBefore(e.occurredAt())) {
                problems.add(Violation.of("D-106", "endedAt", "polling.closed-before-opened"));
            }
            if ("MOBILE_BOX".equals(kind) && (e.voters() == null || e.voters() < 0)) {
                problems.add(Violation.of("E-001", "voters", "evaluation.required", "voters"));
            }
            if (!problems.isEmpty()) {
                throw DomainException.violations(problems);
            }
            long id = store.insertEvent(day.id(), kind, e.occurredAt().atZone(VIETNAM).toInstant(),
                    e.endedAt() == null ? null : e.endedAt().atZone(VIETNAM).toInstant(), Inputs.text(e.description()),
                    Inputs.text(e.actionTaken()), e.voters(), user.username(), clock.instant());
            live.changed(electionId, "POLLING_DAY", place.communeCode());
            audit.record("POLLING_EVENT_RECORDED", "polling_place", place.key().key(), place.communeCode(),
                    Map.of("election", electionId, "event", id, "kind", kind));
        });
    }

    /** A village meeting's attendance and the voting method it chose (NĐ 59/2023/NĐ-CP, Điều 3 khoản 5). */
    @Transactional
    public Idempotency.Outcome<PlaceDayView> recordMeeting(long electionId, String placeKey, Meeting m, UUID key) {
        return submit(electionId, placeKey, "polling meeting", m, key, (place, day, user) -> {
            List<Violation> problems = new ArrayList<>();
            if (place.contest() == null) {
                problems.add(Violation.of("D-112", "place", "polling.meeting-only-villages"));
            }
            if (m.householdsPresent() == null || m.householdsPresent() < 0) {
                problems.add(Violation.of("E-001", "householdsPresent", "evaluation.required", "householdsPresent"));
            } else if (day.electorate() != null && m.householdsPresent()
                    + (m.householdsUnrepresented() == null ? 0 : m.householdsUnrepresented()) > day.electorate()) {
                problems.add(Violation.of("M-116", "householdsUnrepresented", "minutes.unrepresented-invalid",
                        m.householdsUnrepresented(), m.householdsPresent(), day.electorate()));
            }
            VotingMethod method = null;
            try {
                method = VotingMethod.valueOf(String.valueOf(m.votingMethod()));
            } catch (IllegalArgumentException ex) {
                problems.add(Violation.of("E-008", "votingMethod", "evaluation.unknown-value", "votingMethod",
                        String.valueOf(m.votingMethod()), java.util.Arrays.toString(VotingMethod.values())));
            }
            if (method != null && place.contest() != null
                    && !vn.baucu.rules.MinutesChecks.allowed(RuleSet.valueOf(place.contest().ruleSet())).contains(method)) {
                problems.add(Violation.of("M-119", "votingMethod", "minutes.method-not-allowed", method.name(),
                        place.contest().ruleSet()));
            }
            if (!problems.isEmpty()) {
                throw DomainException.violations(problems);
            }
            store.meeting(day.id(), m.householdsPresent(), m.householdsUnrepresented(), method.name());
            live.changed(electionId, "POLLING_DAY", place.communeCode());
            audit.record("VILLAGE_MEETING_RECORDED", "polling_place", place.key().key(), place.communeCode(),
                    Map.of("election", electionId, "householdsPresent", m.householdsPresent(), "votingMethod", method.name()));
        });
    }

    private interface Work {
        void run(Place place, DayRow day, CurrentUser user);
    }

    private Idempotency.Outcome<PlaceDayView> submit(long electionId, String placeKey, String operation, Object body,
                                                     UUID key, Work work) {
        Place place = place(electionId, placeKey);
        CurrentUser user = authorization.requirePollingTeam(place.unitCode(), place.day(), place.key().pollingAreaId(),
                place.scopeCode());
        if (body == null) {
            throw DomainException.badRequest("problem.malformed-body");
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("election", electionId);
        request.put("place", placeKey);
        request.put("body", body);
        return idempotency.once(key, user.username(), operation, request, PlaceDayView.class, () -> {
            DayRow day = store.lockOrCreate(electionId, place.key().pollingAreaId(), place.key().villageCode(),
                    place.communeCode(), electorate(place));
            work.run(place, day, user);
            return view(place);
        });
    }

    // ---------------------------------------------------------------- reads

    @Transactional(readOnly = true)
    public PlaceDayView get(long electionId, String placeKey) {
        Place place = place(electionId, placeKey);
        authorization.require(Access.READ, place.unitCode(), place.day(), null);
        return view(place);
    }

    /** The events of a place (for its minutes), oldest first. */
    @Transactional(readOnly = true)
    public List<Event> events(long electionId, Long pollingAreaId, String villageCode) {
        return store.find(electionId, pollingAreaId, villageCode, false).map(d -> store.events(d.id()).stream()
                .map(PollingDay::event).toList()).orElse(List.of());
    }

    /** Turnout of {@code unitCode} (null: the election's scope, or the nation) and of each unit under it. */
    @Transactional(readOnly = true)
    public Turnout turnout(long electionId, String unitCode) {
        ElectionView election = elections.get(electionId);
        String scope = scopeOf(election, unitCode);
        LocalDate day = election.electionDay();
        if (scope != null) {
            authorization.require(Access.READ, scope, day, null);
        } else {
            authorization.currentUser();
        }
        return turnout(election, scope);
    }

    /**
     * The same for everyone, the public included, as the teams report it during polling day: counts of voters only,
     * nobody's name. Never for a rehearsal (404, as if it did not exist), nor before the election is frozen.
     */
    @Transactional(readOnly = true)
    public Turnout publicTurnout(long electionId, String unitCode) {
        ElectionView election = elections.get(electionId);
        if (election.rehearsal() || election.frozenAt() == null) {
            throw DomainException.notFound("election.not-found", electionId);
        }
        return turnout(election, scopeOf(election, unitCode));
    }

    /** The unit asked for, or the election's scope (null: the nation). */
    private static String scopeOf(ElectionView election, String unitCode) {
        return unitCode != null && !unitCode.isBlank() ? unitCode.strip() : election.scopeCode();
    }

    /**
     * Summed in the database: by commune from the roll-up it keeps as reports arrive (V34), or, under a commune or a
     * village, by place from its reports; only the communes under the scope are read, each counted in the unit under the
     * scope it belongs to.
     */
    private Turnout turnout(ElectionView election, String scope) {
        long electionId = election.id();
        LocalDate day = election.electionDay();
        AdminUnit root = scope == null ? null : units.find(scope, day)
                .orElseThrow(() -> DomainException.notFound("unit.not-found", scope, day));
        List<LocalTime> times = reportingTimes(electionId);
        boolean byPlace = root != null && (root.level() == UnitLevel.COMMUNE || root.level() == UnitLevel.VILLAGE);
        Map<String, String> childOf = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        List<String> communes;
        if (byPlace) {
            communes = List.of(root.level() == UnitLevel.VILLAGE ? root.parentCode() : root.code());
        } else {
            for (AdminUnit u : units.downToCommunes(root, day).values()) {
                names.put(u.code(), u.name());
                if (u.level() != UnitLevel.COMMUNE) {
                    continue;
                }
                // under the nation: its province; under a province: its district where there are districts; else itself
                String child = root == null ? u.provinceCode()
                        : root.level() == UnitLevel.PROVINCE && !root.code().equals(u.parentCode()) ? u.parentCode()
                        : u.code();
                childOf.put(u.code(), child);
            }
            communes = root == null ? null : List.copyOf(childOf.keySet());
        }
        UnaryOperator<String> child = !byPlace ? childOf::get
                : root.level() == UnitLevel.VILLAGE ? k -> root.code().equals(k) ? k : null : k -> k;
        Map<String, long[]> children = new TreeMap<>();   // places, electorate, voted, reported
        for (PollingDayStore.Places p : store.placesBy(electionId, byPlace, communes)) {
            String c = child.apply(p.key());
            if (c != null) {
                long[] acc = children.computeIfAbsent(c, k -> new long[4]);
                acc[0] += p.places();
                acc[1] += p.electorate();
            }
        }
        Map<String, TreeMap<LocalTime, Long>> rises = new HashMap<>();
        for (PollingDayStore.Rise r : byPlace ? store.risesBy(electionId, true, communes)
                : store.risesByCommune(electionId, communes)) {
            String c = child.apply(r.key());
            long[] acc = c == null ? null : children.get(c);
            if (acc != null) {
                acc[2] += r.rise();
                acc[3] += r.first();
                rises.computeIfAbsent(c, k -> new TreeMap<>()).merge(r.slot(), r.rise(), Long::sum);
            }
        }
        long[] total = new long[4];
        Map<LocalTime, Long> totalSlots = new TreeMap<>();
        List<Turnout> rows = new ArrayList<>();
        for (var c : children.entrySet()) {
            long[] v = c.getValue();
            TreeMap<LocalTime, Long> rise = rises.getOrDefault(c.getKey(), new TreeMap<>());
            Map<LocalTime, Long> slots = new TreeMap<>();
            for (LocalTime t : times) {
                // the latest report at or before the time stands for a place that has not reported it
                long at = rise.headMap(t, true).values().stream().mapToLong(Long::longValue).sum();
                slots.put(t, at);
                totalSlots.merge(t, at, Long::sum);
            }
            for (int i = 0; i < 4; i++) {
                total[i] += v[i];
            }
            rows.add(new Turnout(c.getKey(), names.get(c.getKey()), v[0], v[3], v[1], v[2], Percentages.format(v[2], v[1]),
                    List.of(), points(slots, v[1])));
        }
        return new Turnout(scope, root == null ? null : root.name(), total[0], total[3], total[1], total[2],
                Percentages.format(total[2], total[1]), rows, points(totalSlots, total[1]));
    }

    private static List<Point> points(Map<LocalTime, Long> slots, long electorate) {
        return slots.entrySet().stream().map(s -> new Point(s.getKey(), s.getValue(), Percentages.format(s.getValue(), electorate)))
                .toList();
    }

    /**
     * The places of a commune that have not reported at a reporting time already past by more than {@link #GRACE}
     * (or have not opened by then): every village of a village election, every polling area of the commune otherwise.
     */
    @Transactional(readOnly = true)
    public List<Missed> missed(long electionId, String communeCode) {
        ElectionView election = elections.get(electionId);
        authorization.require(Access.READ, communeCode, election.electionDay(), null);
        List<LocalTime> times = reportingTimes(electionId);
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), VIETNAM);
        List<LocalTime> due = times.stream()
                .filter(t -> election.electionDay().atTime(t).plus(GRACE).isBefore(now)).toList();
        List<Missed> out = new ArrayList<>();
        if (due.isEmpty()) {
            return out;
        }
        Map<String, String> expected = new LinkedHashMap<>();
        if (election.kind().contestPerVillage()) {
            for (ContestRef c : elections.contestsOfCommune(electionId, communeCode)) {
                if (c.village()) {
                    expected.put(c.placeCode(), c.placeName());
                }
            }
        } else {
            for (PollingArea a : organisations.pollingAreasOf(communeCode, election.electionDay())) {
                if (elections.servedBy(a.id(), electionId)) {
                    expected.put("pa-" + a.id(), a.number() + ". " + a.name());
                }
            }
        }
        Map<String, DayRow> days = new HashMap<>();
        for (DayRow d : store.ofElection(electionId)) {
            days.put(d.pollingAreaId() != null ? "pa-" + d.pollingAreaId() : d.villageCode(), d);
        }
        for (var e : expected.entrySet()) {
            DayRow d = days.get(e.getKey());
            List<LocalTime> reported = d == null ? List.of() : store.reports(d.id()).stream()
                    .map(PollingDayStore.Report::slot).toList();
            for (LocalTime t : due) {
                boolean closedBefore = d != null && d.closedAt() != null
                        && LocalDateTime.ofInstant(d.closedAt(), VIETNAM).toLocalTime().isBefore(t);
                if (!reported.contains(t) && !closedBefore) {
                    out.add(new Missed(e.getKey(), e.getValue(), communeCode, t));
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- places

    record Place(PlaceKey key, String name, String unitCode, String communeCode, LocalDate day, String scopeCode,
                 long electionId, ContestRef contest, boolean rehearsal) {
    }

    private Place place(long electionId, String placeKey) {
        ElectionView election = elections.get(electionId);
        PlaceKey key = PlaceKey.parse(placeKey);
        if (key.villageCode() != null) {
            ContestRef contest;
            try {
                contest = elections.contest(electionId, key.villageCode());
            } catch (DomainException e) {
                throw DomainException.notFound("polling.place-not-found", placeKey);
            }
            if (!contest.village()) {
                throw DomainException.notFound("polling.place-not-found", placeKey);
            }
            return new Place(key, contest.placeName(), contest.placeCode(), contest.communeCode(), election.electionDay(),
                    election.scopeCode(), electionId, contest, contest.rehearsal());
        }
        PollingArea area = organisations.pollingArea(key.pollingAreaId())
                .filter(a -> elections.servedBy(a.id(), electionId))
                .orElseThrow(() -> DomainException.notFound("polling.place-not-found", placeKey));
        return new Place(key, area.number() + ". " + area.name(), area.communeCode(), area.communeCode(),
                election.electionDay(), election.scopeCode(), electionId, null, false);
    }

    private Long electorate(Place place) {
        boolean households = place.contest() != null && RuleSet.VILLAGE_HEAD_2023.name().equals(place.contest().ruleSet());
        return voterLists.electorate(place.electionId(), new VoterLists.Target(place.key().pollingAreaId(),
                        place.key().villageCode()), place.day(), false)
                .map(e -> households ? e.households() : e.voters()).orElse(null);
    }

    private PlaceDayView view(Place place) {
        List<LocalTime> times = reportingTimes(place.electionId());
        var row = store.find(place.electionId(), place.key().pollingAreaId(), place.key().villageCode(), false);
        if (row.isEmpty()) {
            return new PlaceDayView(place.key().key(), place.name(), place.communeCode(), electorate(place), null, null,
                    null, null, null, null, null, null, List.of(), List.of(), times, List.of(), place.rehearsal());
        }
        DayRow d = row.get();
        List<Report> reports = store.reports(d.id()).stream().map(r -> new Report(r.slot(), r.voted(),
                d.electorate() == null ? null : Percentages.format(r.voted(), d.electorate()), r.reportedAt(),
                r.reportedBy())).toList();
        List<LocalTime> missed = new ArrayList<>();
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), VIETNAM);
        for (LocalTime t : times) {
            if (place.day().atTime(t).plus(GRACE).isBefore(now) && reports.stream().noneMatch(r -> r.slot().equals(t))
                    && (d.closedAt() == null || !LocalDateTime.ofInstant(d.closedAt(), VIETNAM).toLocalTime().isBefore(t))) {
                missed.add(t);
            }
        }
        return new PlaceDayView(place.key().key(), place.name(), d.communeCode(), d.electorate(), d.openedAt(),
                d.openedBy(), d.boxShownEmpty(), d.closedAt(), d.householdsPresent(), d.householdsUnrepresented(),
                d.votingMethod(), d.scheduleDecision(), reports, store.events(d.id()).stream().map(PollingDay::event).toList(),
                times, missed, place.rehearsal());
    }

    private static Event event(PollingDayStore.Event e) {
        return new Event(e.id(), e.kind(), e.occurredAt(), e.endedAt(), e.description(), e.actionTaken(), e.voters(),
                e.recordedBy());
    }

    private Instant instant(LocalDateTime at, LocalDate day) {
        return at == null ? clock.instant() : at.atZone(VIETNAM).toInstant();
    }

    /**
     * Điều 71 khoản 1: voting from 7:00 to 19:00, earlier from 5:00 or later to 21:00 at the team's discretion; on
     * another day only by a recorded decision (Điều 72). Closing before 19:00 is refused (law.md §2.8 default).
     */
    private static List<Violation> hours(Instant at, LocalDate day, String decision, boolean opening) {
        List<Violation> out = new ArrayList<>();
        LocalDateTime local = LocalDateTime.ofInstant(at, VIETNAM);
        boolean decided = Inputs.text(decision) != null;
        if (!local.toLocalDate().equals(day) && !decided) {
            out.add(Violation.of("D-103", "at", "polling.other-day-needs-decision", local.toLocalDate().toString(),
                    day.toString()));
        }
        LocalTime t = local.toLocalTime();
        if (opening && t.isBefore(LocalTime.of(5, 0)) || !opening && t.isAfter(LocalTime.of(21, 0))) {
            out.add(Violation.of("D-110", "at", "polling.time-outside-hours", t.toString()));
        }
        if (!opening && t.isBefore(LocalTime.of(19, 0)) && !decided && local.toLocalDate().equals(day)) {
            out.add(Violation.of("D-113", "at", "polling.closed-early", t.toString()));
        }
        return out;
    }
}
