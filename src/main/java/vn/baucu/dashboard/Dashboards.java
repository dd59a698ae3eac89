package vn.baucu.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.baucu.counting.CountingMinutes;
import vn.baucu.counting.MinutesStatus;
import vn.baucu.counting.PollingDay;
import vn.baucu.election.ContestRef;
import vn.baucu.election.ElectionView;
import vn.baucu.election.Elections;
import vn.baucu.election.MilestoneProgress;
import vn.baucu.election.MilestoneTally;
import vn.baucu.election.Organisations;
import vn.baucu.election.PollingArea;
import vn.baucu.geography.AdminUnit;
import vn.baucu.geography.AdminUnits;
import vn.baucu.geography.UnitLevel;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.Authorization.Access;
import vn.baucu.platform.CurrentUser;
import vn.baucu.platform.DomainException;
import vn.baucu.results.ContestResults;
import vn.baucu.rules.Percentages;

/**
 * An election's dashboard for one unit: the calendar, turnout over the day and by unit, where the counting minutes
 * stand, the outcomes, and what needs attention — for the unit and for each unit (or, in a commune, each village or
 * polling area) under it, so that every figure drills down. Everything is read from what the facades store, in a
 * handful of queries whatever the number of units, so a dashboard can be refreshed on every change.
 */
@Service
public class Dashboards {

    /** How many items of the attention list are shown (the total is always given). */
    static final int ATTENTION_SHOWN = 200;

    private final Elections elections;
    private final Organisations organisations;
    private final PollingDay pollingDay;
    private final CountingMinutes minutes;
    private final ContestResults results;
    private final AdminUnits units;
    private final Authorization authorization;
    private final java.time.Clock clock;
    private final vn.baucu.candidates.Candidates candidates;

    Dashboards(Elections elections, Organisations organisations, PollingDay pollingDay, CountingMinutes minutes,
               ContestResults results, AdminUnits units, Authorization authorization, java.time.Clock clock,
               vn.baucu.candidates.Candidates candidates) {
        this.candidates = candidates;
        this.elections = elections;
        this.organisations = organisations;
        this.pollingDay = pollingDay;
        this.minutes = minutes;
        this.results = results;
        this.units = units;
        this.authorization = authorization;
        this.clock = clock;
    }

    public record Unit(String code, String name, UnitLevel level) {
    }

    /** Where the expected counting minutes stand: not started (no entry yet), then by status. */
    public record Minutes(int expected, int notStarted, int open, int entered, int different, int verified,
                          int certified) {
        static final Minutes NONE = new Minutes(0, 0, 0, 0, 0, 0, 0);

        Minutes plus(Minutes o) {
            return new Minutes(expected + o.expected, notStarted + o.notStarted, open + o.open, entered + o.entered,
                    different + o.different, verified + o.verified, certified + o.certified);
        }

        static Minutes of(int expected, Map<MinutesStatus, Integer> by) {
            int started = by.values().stream().mapToInt(Integer::intValue).sum();
            return new Minutes(expected, Math.max(0, expected - started), by.getOrDefault(MinutesStatus.OPEN, 0),
                    by.getOrDefault(MinutesStatus.ENTERED, 0), by.getOrDefault(MinutesStatus.DIFFERENT, 0),
                    by.getOrDefault(MinutesStatus.VERIFIED, 0), by.getOrDefault(MinutesStatus.CERTIFIED, 0));
        }

        public String certifiedPercent() {
            return Percentages.format(certified, expected);
        }
    }

    /**
     * The contests' outcomes: how many there are, how many are certified, seats filled of the seats, how many call for
     * a follow-up (re-election, additional election, household ballot), and village heads elected but not yet
     * recognised.
     */
    public record Outcomes(int contests, int certified, int seats, int elected, int electedAll, int followUps,
                           int refused, int pendingRecognition, int recognised) {
        static final Outcomes NONE = new Outcomes(0, 0, 0, 0, 0, 0, 0, 0, 0);

        Outcomes plus(Outcomes o) {
            return new Outcomes(contests + o.contests, certified + o.certified, seats + o.seats, elected + o.elected,
                    electedAll + o.electedAll, followUps + o.followUps, refused + o.refused,
                    pendingRecognition + o.pendingRecognition, recognised + o.recognised);
        }
    }

    /** Milestones of the contests: done and overdue today. */
    public record Calendar(int total, int done, int overdue) {
        static final Calendar NONE = new Calendar(0, 0, 0);

        Calendar plus(Calendar o) {
            return new Calendar(total + o.total, done + o.done, overdue + o.overdue);
        }
    }

    /**
     * Turnout as reported by the teams: the places that have opened (each fixes its electorate from its list when it
     * opens), those of them that have reported, their electorate and the voters so far. A place not yet opened counts
     * in neither figure; by the first reporting time it is on the attention list of its commune.
     */
    public record Turnout(long places, long reported, long electorate, long voted, String percent) {
        static final Turnout NONE = new Turnout(0, 0, 0, 0, null);
    }

    /**
     * One line of the dashboard: a unit under the one shown ({@code kind} UNIT), or in a commune one place: a village
     * ({@code VILLAGE}, {@code contestPlace} its contest) or a polling area ({@code POLLING_AREA}, key {@code pa-<id>}).
     */
    public record Line(String code, String name, String kind, String contestPlace, Long pollingArea, Minutes minutes,
                       Outcomes outcomes, Calendar calendar, Turnout turnout) {
    }

    /** A contest of an electoral unit (NA, HĐND) shown with the unit: its minutes and outcome. */
    public record ContestLine(String place, String name, int seats, String status, String outcome, int elected,
                              String followUp, Minutes minutes) {
    }

    /**
     * Something to act on. {@code kind}: {@code MINUTES_DIFFERENT} (two entries differ, a coordinator must resolve),
     * {@code RESULT_FOLLOW_UP} (the result calls for {@code detail}), {@code RESULT_REFUSED} (the rule engine refused
     * the certified figures), {@code RECOGNITION_PENDING}, {@code MILESTONE_OVERDUE} ({@code detail} how many),
     * {@code TURNOUT_MISSED} ({@code detail} the reporting time).
     */
    public record Attention(String kind, String place, String name, String contestPlace, Long pollingArea,
                            String detail) {
    }

    public record Point(java.time.LocalTime slot, long voted, String percent) {
    }

    public record Dashboard(ElectionView election, Unit unit, List<Unit> trail, Instant asOf, boolean places,
                            Line total, List<Line> lines, List<MilestoneProgress> calendar, List<Point> turnoutCurve,
                            List<ContestLine> contests, List<Attention> attention, int attentionTotal,
                            List<CompositionLine> composition) {
    }

    /**
     * One item of the composition of those elected in the unit (women, ethnic minority, re-elected…): how many of how
     * many, the share, the planned structure's target for it (null when the plan sets none), and whether it falls short.
     */
    public record CompositionLine(String item, long count, long of, String percent, java.math.BigDecimal plan,
                                  boolean belowPlan) {
    }

    /**
     * The dashboard of {@code unitCode} (null: the user's own unit when it lies within the election's scope, else the
     * scope; for a nationwide election and a user of no unit, the nation). Read access to the unit is required.
     */
    @Transactional(readOnly = true)
    public Dashboard view(long electionId, String unitCode) {
        ElectionView election = elections.get(electionId);
        LocalDate day = election.electionDay();
        String root = root(election, unitCode);
        AdminUnit rootUnit = root == null ? null
                : units.find(root, day).orElseThrow(() -> DomainException.notFound("unit.not-found", unitCode, day));
        if (rootUnit != null && rootUnit.level() == UnitLevel.VILLAGE) {
            throw DomainException.badRequest("dashboard.village", root);
        }
        Unit unit = rootUnit == null ? new Unit(null, null, null) : new Unit(rootUnit.code(), rootUnit.name(), rootUnit.level());
        List<Unit> trail = trail(rootUnit, election, day);
        Map<Long, ContestResults.Outcome> outcomes = new HashMap<>();
        for (ContestResults.Outcome o : results.outcomes(electionId)) {
            outcomes.put(o.contestId(), o);
        }
        List<ContestRef> contests = elections.contests(electionId);
        List<MilestoneProgress> calendar = elections.progress(electionId,
                rootUnit != null && rootUnit.level() == UnitLevel.COMMUNE ? root : null);
        PollingDay.Turnout turnout = pollingDay.turnout(electionId, root);
        Map<String, PollingDay.Turnout> turnoutOf = new HashMap<>();
        turnout.children().forEach(t -> turnoutOf.put(t.unit(), t));
        List<Point> curve = turnout.bySlot().stream().map(p -> new Point(p.slot(), p.voted(), p.percent())).toList();

        List<Attention> attention = new ArrayList<>();
        List<Line> lines;
        List<ContestLine> contestLines = new ArrayList<>();
        boolean places = rootUnit != null && rootUnit.level() == UnitLevel.COMMUNE;
        Function<String, String> childOf;
        if (places) {
            childOf = c -> c.equals(root) ? root : null;
            lines = placeLines(election, rootUnit, contests, outcomes, turnoutOf, contestLines, attention);
        } else {
            Tree tree = tree(rootUnit, day);
            childOf = tree.childOf;
            lines = unitLines(election, tree, contests, outcomes, turnoutOf, contestLines, attention, rootUnit);
        }
        for (CountingMinutes.Progress p : minutes.progress(electionId, null, MinutesStatus.DIFFERENT, 1000)) {
            if (childOf.apply(p.communeCode()) != null) {
                attention.add(0, new Attention("MINUTES_DIFFERENT", p.pollingArea() != null ? "pa-" + p.pollingArea()
                        : p.unitCode(), null, p.contestPlace(), p.pollingArea(), null));
            }
        }
        for (MilestoneProgress m : calendar) {
            if (m.overdue() > 0) {
                attention.add(new Attention("MILESTONE_OVERDUE", m.code(), m.title(), null, null, String.valueOf(m.overdue())));
            }
        }
        if (places) {
            for (PollingDay.Missed m : pollingDay.missed(electionId, root)) {
                attention.add(new Attention("TURNOUT_MISSED", m.place(), m.name(), null,
                        PollingDay.PlaceKey.parse(m.place()).pollingAreaId(), m.slot().toString()));
            }
        }
        Line total = new Line(root, unit.name(), "TOTAL", null, null,
                lines.stream().map(Line::minutes).reduce(Minutes.NONE, Minutes::plus),
                lines.stream().map(Line::outcomes).reduce(Outcomes.NONE, Outcomes::plus)
                        .plus(contestLines.stream().map(c -> outcomeOf(c)).reduce(Outcomes.NONE, Outcomes::plus)),
                lines.stream().map(Line::calendar).reduce(Calendar.NONE, Calendar::plus),
                turnout(turnout));
        int attentionTotal = attention.size();
        return new Dashboard(election, unit, trail, clock.instant(), places, total, lines, calendar, curve, contestLines,
                attention.size() > ATTENTION_SHOWN ? List.copyOf(attention.subList(0, ATTENTION_SHOWN)) : attention,
                attentionTotal, composition(electionId, root));
    }

    /** The composition of those elected so far in the unit against the election's planned structure; empty before any. */
    private List<CompositionLine> composition(long electionId, String root) {
        vn.baucu.candidates.Candidates.Statistics stats = candidates.statistics(electionId, root, true);
        if (stats.report().total() == 0) {
            return List.of();
        }
        return stats.report().shares().stream().map(s -> new CompositionLine(s.key(), s.count(), s.of(), s.percent(),
                stats.plan().get(s.key()), stats.quotaFlags().stream()
                        .anyMatch(f -> "Q-201".equals(f.code()) && s.key().equals(f.field())))).toList();
    }

    /**
     * Checks that the current user may watch the dashboard of {@code unitCode} (as {@link #view}) and returns the unit
     * code it shows (null: the nation), for the live updates.
     */
    @Transactional(readOnly = true)
    public String watch(long electionId, String unitCode) {
        return root(elections.get(electionId), unitCode);
    }

    private String root(ElectionView election, String unitCode) {
        LocalDate day = election.electionDay();
        CurrentUser user = authorization.currentUser();
        // an election of one village is watched from its commune
        String scope = election.scopeCode() == null ? null : units.find(election.scopeCode(), day)
                .filter(u -> u.level() == UnitLevel.VILLAGE).map(AdminUnit::parentCode).orElse(election.scopeCode());
        String root;
        if (unitCode != null && !unitCode.isBlank()) {
            root = unitCode.strip();
            // a unit within the scope, or one that contains it (the province of a commune's election)
            boolean containsScope = scope != null && authorization.isWithin(scope, day, root);
            authorization.require(Access.READ, root, day, containsScope ? null : scope);
        } else if (user.unitCode() != null && authorization.isWithin(user.unitCode(), day, scope)
                && units.find(user.unitCode(), day).map(u -> u.level() != UnitLevel.VILLAGE).orElse(false)) {
            root = user.unitCode();
            authorization.require(Access.READ, root, day, scope);
        } else if (scope != null) {
            root = scope;
            authorization.require(Access.READ, root, day, null);
        } else if (user.isSystemAdmin()) {
            root = null;
        } else {
            throw DomainException.forbidden("problem.forbidden");
        }
        return root;
    }

    // ---------------------------------------------------------------- units under the one shown

    /** The units of the dashboard's level and how each commune maps onto one of them. */
    private record Tree(Function<String, String> childOf, Map<String, String> names, Map<String, String> provinceOf) {
    }

    private Tree tree(AdminUnit root, LocalDate day) {
        Map<String, String> names = new HashMap<>();
        Map<String, String> child = new HashMap<>();
        Map<String, String> provinceOf = new HashMap<>();
        if (root == null) {
            for (AdminUnit p : units.list(UnitLevel.PROVINCE, null, day)) {
                names.put(p.code(), p.name());
            }
            for (AdminUnit c : units.list(UnitLevel.COMMUNE, null, day)) {
                child.put(c.code(), c.provinceCode());
                provinceOf.put(c.code(), c.provinceCode());
            }
        } else {
            if (root.level() == UnitLevel.PROVINCE) {
                for (AdminUnit d : units.list(UnitLevel.DISTRICT, root.code(), day)) {
                    names.put(d.code(), d.name());
                }
            }
            for (AdminUnit c : units.list(UnitLevel.COMMUNE, root.code(), day)) {
                provinceOf.put(c.code(), c.provinceCode());
                if (root.code().equals(c.parentCode()) || c.parentCode() == null) {
                    child.put(c.code(), c.code());
                    names.put(c.code(), c.name());
                } else {
                    child.put(c.code(), c.parentCode());   // a district of the province (before 1/7/2025)
                }
            }
        }
        return new Tree(child::get, names, provinceOf);
    }

    private List<Line> unitLines(ElectionView election, Tree tree, List<ContestRef> contests,
                                 Map<Long, ContestResults.Outcome> outcomes, Map<String, PollingDay.Turnout> turnoutOf,
                                 List<ContestLine> contestLines, List<Attention> attention, AdminUnit root) {
        long id = election.id();
        Map<String, Minutes> minutesOf = new TreeMap<>();
        Map<String, Integer> expected = elections.expectedMinutesByCommune(id);
        Map<String, Map<MinutesStatus, Integer>> tally = minutes.tallyByCommune(id);
        Set<String> communes = new java.util.TreeSet<>(expected.keySet());
        communes.addAll(tally.keySet());
        for (String commune : communes) {
            String child = tree.childOf.apply(commune);
            if (child != null) {
                minutesOf.merge(child, Minutes.of(expected.getOrDefault(commune, 0), tally.getOrDefault(commune, Map.of())),
                        Minutes::plus);
            }
        }
        Map<String, Calendar> calendarOf = new HashMap<>();
        for (MilestoneTally m : elections.milestonesByCommune(id)) {
            String child = tree.childOf.apply(m.communeCode());
            if (child != null) {
                calendarOf.merge(child, new Calendar(m.total(), m.done(), m.overdue()), Calendar::plus);
            }
        }
        Map<String, Outcomes> outcomesOf = new HashMap<>();
        Map<Long, Map<MinutesStatus, Integer>> byContest = null;
        for (ContestRef c : contests) {
            ContestResults.Outcome o = outcomes.get(c.id());
            if (c.village()) {
                String child = tree.childOf.apply(c.communeCode());
                if (child != null) {
                    outcomesOf.merge(child, outcome(c, o), Outcomes::plus);
                    attend(c, o, attention);
                }
            } else if (root == null) {
                outcomesOf.merge(c.provinceCode(), outcome(c, o), Outcomes::plus);
                attend(c, o, attention);
            } else if (c.provinceCode() != null && c.provinceCode().equals(root.provinceCode())) {
                if (byContest == null) {
                    byContest = minutes.tallyByContest(id);
                }
                contestLines.add(contestLine(c, o, byContest));
                attend(c, o, attention);
            }
        }
        Set<String> keys = new java.util.TreeSet<>(minutesOf.keySet());
        keys.addAll(outcomesOf.keySet());
        keys.addAll(turnoutOf.keySet());
        keys.addAll(calendarOf.keySet());
        List<Line> lines = new ArrayList<>();
        for (String k : keys) {
            String name = tree.names.get(k);
            if (name == null && turnoutOf.get(k) != null) {
                name = turnoutOf.get(k).name();
            }
            lines.add(new Line(k, name, "UNIT", null, null, minutesOf.getOrDefault(k, Minutes.NONE),
                    outcomesOf.getOrDefault(k, Outcomes.NONE), calendarOf.getOrDefault(k, Calendar.NONE),
                    turnoutOf.containsKey(k) ? turnout(turnoutOf.get(k)) : Turnout.NONE));
        }
        return lines;
    }

    // ---------------------------------------------------------------- the places of one commune

    private List<Line> placeLines(ElectionView election, AdminUnit commune, List<ContestRef> all,
                                  Map<Long, ContestResults.Outcome> outcomes, Map<String, PollingDay.Turnout> turnoutOf,
                                  List<ContestLine> contestLines, List<Attention> attention) {
        long id = election.id();
        Map<String, Map<MinutesStatus, Integer>> byPlace = new HashMap<>();
        for (CountingMinutes.Progress p : minutes.progress(id, commune.code(), null, Integer.MAX_VALUE)) {
            String key = p.pollingArea() != null ? "pa-" + p.pollingArea() : p.unitCode();
            byPlace.computeIfAbsent(key, k -> new java.util.EnumMap<>(MinutesStatus.class)).merge(p.status(), 1, Integer::sum);
        }
        List<ContestRef> contests = elections.contestsOfCommune(id, commune.code());
        List<Line> lines = new ArrayList<>();
        if (election.kind().contestPerVillage()) {
            for (ContestRef c : contests) {
                if (!c.village()) {
                    continue;
                }
                ContestResults.Outcome o = outcomes.get(c.id());
                attend(c, o, attention);
                lines.add(new Line(c.placeCode(), c.placeName(), "VILLAGE", c.placeCode(), null,
                        Minutes.of(1, byPlace.getOrDefault(c.placeCode(), Map.of())), outcome(c, o), Calendar.NONE,
                        turnoutOf.containsKey(c.placeCode()) ? turnout(turnoutOf.get(c.placeCode())) : Turnout.NONE));
            }
        } else {
            List<ContestRef> unitContests = contests.stream().filter(c -> !c.village()).toList();
            for (PollingArea a : organisations.pollingAreasOf(commune.code(), election.electionDay())) {
                if (!elections.servedBy(a.id(), id)) {
                    continue;
                }
                int expected = (int) unitContests.stream().filter(c -> elections.votesIn(a.id(), c)).count();
                String key = "pa-" + a.id();
                lines.add(new Line(key, a.number() + ". " + a.name(), "POLLING_AREA",
                        unitContests.isEmpty() ? null : unitContests.get(0).placeCode(), a.id(),
                        Minutes.of(expected, byPlace.getOrDefault(key, Map.of())), Outcomes.NONE, Calendar.NONE,
                        turnoutOf.containsKey(key) ? turnout(turnoutOf.get(key)) : Turnout.NONE));
            }
            Map<Long, Map<MinutesStatus, Integer>> byContest = unitContests.isEmpty() ? Map.of() : minutes.tallyByContest(id);
            for (ContestRef c : unitContests) {
                ContestResults.Outcome o = outcomes.get(c.id());
                contestLines.add(contestLine(c, o, byContest));
                attend(c, o, attention);
            }
        }
        lines.sort(Comparator.comparing(Line::kind).thenComparing(l -> l.pollingArea() == null ? 0L : l.pollingArea())
                .thenComparing(Line::code));
        return lines;
    }

    // ---------------------------------------------------------------- outcomes

    private ContestLine contestLine(ContestRef c, ContestResults.Outcome o, Map<Long, Map<MinutesStatus, Integer>> tally) {
        int expected = elections.pollingAreasOf(c).size();
        return new ContestLine(c.placeCode(), c.placeName(), c.seats(), o == null ? "NOT_REPORTED" : o.status(),
                o == null ? null : o.outcome(), o == null ? 0 : o.elected(), followUp(o),
                Minutes.of(expected, tally.getOrDefault(c.id(), Map.of())));
    }

    private static Outcomes outcomeOf(ContestLine c) {
        boolean certified = "CERTIFIED".equals(c.status());
        return new Outcomes(1, certified ? 1 : 0, c.seats(), c.elected(), certified && c.elected() >= c.seats() ? 1 : 0,
                c.followUp() != null ? 1 : 0, certified && c.outcome() == null ? 1 : 0, 0, 0);
    }

    private static Outcomes outcome(ContestRef c, ContestResults.Outcome o) {
        boolean certified = o != null && "CERTIFIED".equals(o.status());
        int elected = o == null ? 0 : o.elected();
        boolean recognised = o != null && o.recognised();
        return new Outcomes(1, certified ? 1 : 0, c.seats(), elected, certified && elected >= c.seats() ? 1 : 0,
                followUp(o) != null ? 1 : 0, certified && o.outcome() == null ? 1 : 0,
                c.village() && elected > 0 && !recognised ? 1 : 0, recognised ? 1 : 0);
    }

    private static String followUp(ContestResults.Outcome o) {
        return o == null || o.followUp() == null || "NONE".equals(o.followUp()) ? null : o.followUp();
    }

    private static void attend(ContestRef c, ContestResults.Outcome o, List<Attention> attention) {
        if (o == null || !"CERTIFIED".equals(o.status())) {
            return;
        }
        if (o.outcome() == null) {
            attention.add(new Attention("RESULT_REFUSED", c.placeCode(), c.placeName(), c.placeCode(), null, null));
        } else if (followUp(o) != null) {
            attention.add(new Attention("RESULT_FOLLOW_UP", c.placeCode(), c.placeName(), c.placeCode(), null, o.followUp()));
        } else if (c.village() && o.elected() > 0 && !o.recognised()) {
            attention.add(new Attention("RECOGNITION_PENDING", c.placeCode(), c.placeName(), c.placeCode(), null, null));
        }
    }

    private static Turnout turnout(PollingDay.Turnout t) {
        return new Turnout(t.places(), t.reported(), t.electorate(), t.voted(), t.percent());
    }

    private List<Unit> trail(AdminUnit root, ElectionView election, LocalDate day) {
        if (root == null) {
            return List.of();
        }
        List<Unit> out = new ArrayList<>();
        List<AdminUnit> up = new ArrayList<>(units.ancestors(root));
        up.sort(Comparator.comparingInt(u -> u.level().ordinal()));
        for (AdminUnit u : up) {
            if (authorization.allows(u.code(), day, Access.READ)) {
                out.add(new Unit(u.code(), u.name(), u.level()));
            }
        }
        return out;
    }
}
