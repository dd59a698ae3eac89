package vn.baucu.results.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import vn.baucu.counting.CountingMinutes;
import vn.baucu.election.ContestRef;
import vn.baucu.election.ElectionKind;
import vn.baucu.election.ElectionView;
import vn.baucu.election.Elections;
import vn.baucu.geography.AdminUnits;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.Authorization.Access;
import vn.baucu.platform.DomainException;
import vn.baucu.rules.ContestFigures;
import vn.baucu.rules.Evaluation;
import vn.baucu.rules.Percentages;

/**
 * The levels above the electoral unit's result minutes (the board's, Điều 77): the election committee's summary of its
 * units — for the NA the provincial committee's result minutes (Luật 85/2015/QH13, Điều 83), for the HĐND the
 * committee's summary (Điều 85) — and, for the NA, the National Election Council's summary of the provinces (Điều 84).
 * Each level is checked against the sum of the level below: a unit's stored result against the sum of its certified
 * polling-area minutes, the nation against the sum of its provinces; every difference is listed.
 */
@Component
class ResultSummaries {

    private static final String[] FIELDS = {"electorate", "participants", "ballotsIssued", "ballotsReturned",
        "validBallots", "invalidBallots"};

    private final JdbcClient jdbc;
    private final Elections elections;
    private final AdminUnits units;
    private final CountingMinutes minutes;
    private final Authorization authorization;
    private final JsonMapper json;
    private final vn.baucu.results.ContestResults results;

    ResultSummaries(JdbcClient jdbc, Elections elections, AdminUnits units, CountingMinutes minutes,
                    Authorization authorization, JsonMapper json, vn.baucu.results.ContestResults results) {
        this.results = results;
        this.jdbc = jdbc;
        this.elections = elections;
        this.units = units;
        this.minutes = minutes;
        this.authorization = authorization;
        this.json = json;
    }

    private record Stored(String status, ContestFigures figures, Evaluation evaluation) {
    }

    /**
     * What follows the first round of an election's contests: the follow-up elections started (by the place code they
     * follow) and the decisions to hold none (by contest id).
     */
    private record Rounds(Map<String, vn.baucu.election.FollowUpElection> started,
                          Map<Long, vn.baucu.results.ContestResults.LeftUnheld> unheld) {
    }

    private Rounds rounds(long electionId) {
        return new Rounds(elections.followUps(electionId), results.leftUnheldIn(electionId));
    }

    /** The election committee's summary of the electoral units in {@code unitCode} (a province, or the HĐND's scope). */
    @Transactional(readOnly = true)
    public Map<String, Object> committee(long electionId, String unitCode) {
        ElectionView election = elections.get(electionId);
        authorization.require(Access.READ, unitCode, election.electionDay(), null);
        boolean na = ElectionKind.NATIONAL_ASSEMBLY.name().equals(String.valueOf(election.kind()));
        if (ElectionKind.VILLAGE_HEAD.name().equals(String.valueOf(election.kind()))
                || !na && election.scopeCode() != null && !election.scopeCode().equals(unitCode)) {
            throw DomainException.notFound("summary.not-found", unitCode);
        }
        List<ContestRef> contests = elections.contests(electionId).stream()
                .filter(c -> !na || unitCode.equals(c.provinceCode())).toList();
        if (contests.isEmpty()) {
            throw DomainException.notFound("summary.not-found", unitCode);
        }
        return summarise(election, na, unitCode, contests, stored(electionId), rounds(electionId));
    }

    /** The summary of these contests (those of {@code unitCode}) from their stored results and their minutes. */
    private Map<String, Object> summarise(ElectionView election, boolean na, String unitCode, List<ContestRef> contests,
                                          Map<Long, Stored> stored, Rounds rounds) {
        String law = vn.baucu.rules.RuleSet.valueOf(election.ruleSet()).law85();
        Map<String, Object> out = head(election, law + (na ? ", Điều 83" : ", Điều 85"));
        out.put("level", "COMMITTEE");
        out.put("unit", Map.of("code", unitCode, "name", units.find(unitCode, election.electionDay())
                .map(u -> u.name()).orElse(unitCode)));
        long[] totals = new long[FIELDS.length];
        long[] complaints = new long[3];
        long seats = 0;
        long filled = 0;
        long candidates = 0;
        int certified = 0;
        int pending = 0;
        List<Map<String, Object>> lines = new ArrayList<>();
        List<Map<String, Object>> differences = new ArrayList<>();
        Map<Long, List<CountingMinutes.CertifiedSums>> sums = minutes.certifiedSums(election.id(),
                        contests.stream().map(ContestRef::id).toList()).stream()
                .collect(java.util.stream.Collectors.groupingBy(CountingMinutes.CertifiedSums::contestId));
        for (ContestRef c : contests) {
            Stored s = stored.getOrDefault(c.id(), new Stored("NOT_REPORTED", null, null));
            seats += c.seats();
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("place", c.placeCode());
            line.put("name", c.placeName());
            line.put("seats", c.seats());
            line.put("status", s.status());
            // the level below: the certified polling-area minutes, summed afresh (in the database, by commune)
            long[] below = new long[FIELDS.length];
            for (CountingMinutes.CertifiedSums m : sums.getOrDefault(c.id(), List.of())) {
                long[] values = {m.electorate(), m.participants(), m.ballotsIssued(), m.ballotsReturned(),
                    m.validBallots(), m.invalidBallots()};
                for (int i = 0; i < values.length; i++) {
                    below[i] += values[i];
                }
                complaints[0] += m.complaintsReceived();
                complaints[1] += m.complaintsSettled();
                complaints[2] += m.complaintsForwarded();
            }
            if (s.figures() != null && "CERTIFIED".equals(s.status())) {
                certified++;
                ContestFigures f = s.figures();
                long[] unit = {f.electorate(), f.participants(), nz(f.ballotsIssued()), nz(f.ballotsReturned()),
                    nz(f.validBallots()), nz(f.invalidBallots())};
                for (int i = 0; i < FIELDS.length; i++) {
                    line.put(FIELDS[i], unit[i]);
                    totals[i] += unit[i];
                    if (unit[i] != below[i]) {
                        differences.add(Map.of("place", c.placeCode(), "field", FIELDS[i], "unit", unit[i],
                                "pollingAreas", below[i]));
                    }
                }
                line.put("turnoutPercent", Percentages.format(f.participants(), f.electorate()));
                candidates += f.candidates().size();
                line.put("candidates", f.candidates().size());
                List<Map<String, Object>> elected = winners(s);
                line.put("elected", elected);
                line.put("outcome", s.evaluation().outcome().name());
                Map<String, Object> followUp = new LinkedHashMap<>();
                followUp.put("kind", s.evaluation().followUp().kind().name());
                followUp.put("latestDate", s.evaluation().followUp().latestDate() == null ? null
                        : s.evaluation().followUp().latestDate().toString());
                line.put("followUp", followUp);
                // the committee waits for the additional election or re-election before it finishes (HĐBCQG Q&A 2026,
                // question 159): the seats it fills count, a decision to hold none leaves them vacant
                long unitFilled = elected.size();
                Evaluation.FollowUpKind kind = s.evaluation().followUp().kind();
                if (kind == Evaluation.FollowUpKind.ADDITIONAL_ELECTION || kind == Evaluation.FollowUpKind.REELECTION) {
                    Map<String, Object> decision = new LinkedHashMap<>();
                    var unheld = rounds.unheld().get(c.id());
                    var started = rounds.started().get(c.placeCode());
                    if (unheld != null) {
                        decision.putAll(FollowUpDecision.unheld(unheld));
                        decision.put("legalBasis", unheld.legalBasis());
                    } else if (started != null) {
                        ContestRef next = elections.contest(started.electionId(), c.placeCode());
                        Stored n = stored(started.electionId()).getOrDefault(next.id(), new Stored("NOT_REPORTED", null, null));
                        decision.putAll(FollowUpDecision.started(started));
                        decision.put("status", n.status());
                        if ("CERTIFIED".equals(n.status()) && n.evaluation() != null) {
                            List<Map<String, Object>> more = winners(n);
                            decision.put("elected", more);
                            decision.put("outcome", n.evaluation().outcome().name());
                            // an additional election fills the seats still empty; a re-election's result replaces the first
                            unitFilled = kind == Evaluation.FollowUpKind.ADDITIONAL_ELECTION ? unitFilled + more.size()
                                    : more.size();
                        } else {
                            pending++;
                        }
                    } else {
                        decision.put("held", null);
                        pending++;
                    }
                    followUp.put("decision", decision);
                }
                filled += unitFilled;
                line.put("seatsFilled", unitFilled);
                line.put("vacant", c.seats() - unitFilled);
            }
            lines.add(line);
        }
        out.put("electoralUnits", contests.size());
        out.put("certified", certified);
        out.put("complete", certified == contests.size() && pending == 0);
        out.put("followUpsPending", pending);
        out.put("seats", seats);
        out.put("candidates", candidates);
        out.put("seatsFilled", filled);
        out.put("vacantSeats", certified == contests.size() && pending == 0 ? seats - filled : null);
        for (int i = 0; i < FIELDS.length; i++) {
            out.put(FIELDS[i], totals[i]);
        }
        out.put("turnoutPercent", totals[0] == 0 ? null : Percentages.format(totals[1], totals[0]));
        out.put("complaints", Map.of("received", complaints[0], "settled", complaints[1], "forwarded", complaints[2]));
        out.put("units", lines);
        out.put("check", Map.of("consistent", differences.isEmpty(), "differences", differences));
        return out;
    }

    /** The elected of a stored result: id, name, votes and share of the valid ballots. */
    private static List<Map<String, Object>> winners(Stored s) {
        Map<String, String> names = new HashMap<>();
        s.figures().candidates().forEach(k -> names.put(k.id(), k.name()));
        List<Map<String, Object>> elected = new ArrayList<>();
        for (Evaluation.CandidateResult r : s.evaluation().candidates()) {
            if (r.elected()) {
                elected.add(Map.of("id", r.id(), "name", String.valueOf(names.get(r.id())), "votes", r.votes(),
                        "percent", r.percent()));
            }
        }
        return elected;
    }

    /** The National Election Council's summary (Điều 84): every province's committee summary, and their sum. */
    @Transactional(readOnly = true)
    public Map<String, Object> national(long electionId) {
        ElectionView election = elections.get(electionId);
        authorization.currentUser();
        if (!ElectionKind.NATIONAL_ASSEMBLY.name().equals(String.valueOf(election.kind())) || election.scopeCode() != null) {
            throw DomainException.notFound("summary.not-found", "VN");
        }
        // the election's contests and stored results read once, then summed province by province
        Map<String, List<ContestRef>> byProvince = new java.util.TreeMap<>(elections.contests(electionId).stream()
                .collect(java.util.stream.Collectors.groupingBy(ContestRef::provinceCode)));
        Map<Long, Stored> stored = stored(electionId);
        Rounds rounds = rounds(electionId);
        Map<String, Object> out = head(election, vn.baucu.rules.RuleSet.valueOf(election.ruleSet()).law85() + ", Điều 84");
        out.put("level", "NATIONAL");
        long[] totals = new long[FIELDS.length];
        long seats = 0;
        long filled = 0;
        int unitsCount = 0;
        int certified = 0;
        int pending = 0;
        List<Map<String, Object>> lines = new ArrayList<>();
        List<Object> differences = new ArrayList<>();
        for (Map.Entry<String, List<ContestRef>> province : byProvince.entrySet()) {
            String p = province.getKey();
            authorization.require(Access.READ, p, election.electionDay(), null);
            Map<String, Object> s = summarise(election, true, p, province.getValue(), stored, rounds);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("code", p);
            line.put("name", ((Map<?, ?>) s.get("unit")).get("name"));
            for (String k : List.of("electoralUnits", "certified", "seats", "seatsFilled", "vacantSeats", "followUpsPending",
                    "electorate", "participants", "turnoutPercent", "complete")) {
                line.put(k, s.get(k));
            }
            lines.add(line);
            unitsCount += (Integer) s.get("electoralUnits");
            certified += (Integer) s.get("certified");
            seats += (Long) s.get("seats");
            filled += (Long) s.get("seatsFilled");
            pending += (Integer) s.get("followUpsPending");
            for (int i = 0; i < FIELDS.length; i++) {
                totals[i] += (Long) s.get(FIELDS[i]);
            }
            differences.addAll((List<?>) ((Map<?, ?>) s.get("check")).get("differences"));
        }
        out.put("provinces", lines);
        out.put("electoralUnits", unitsCount);
        out.put("certified", certified);
        out.put("complete", unitsCount == certified && pending == 0);
        out.put("followUpsPending", pending);
        out.put("seats", seats);
        out.put("seatsFilled", filled);
        out.put("vacantSeats", unitsCount == certified && pending == 0 ? seats - filled : null);
        for (int i = 0; i < FIELDS.length; i++) {
            out.put(FIELDS[i], totals[i]);
        }
        out.put("turnoutPercent", totals[0] == 0 ? null : Percentages.format(totals[1], totals[0]));
        out.put("check", Map.of("consistent", differences.isEmpty(), "differences", differences));
        return out;
    }

    private Map<String, Object> head(ElectionView e, String basis) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("election", Map.of("id", e.id(), "name", e.name(), "kind", String.valueOf(e.kind()), "ruleSet", String.valueOf(e.ruleSet()),
                "electionDay", e.electionDay().toString()));
        out.put("legalBasis", basis);
        return out;
    }

    private Map<Long, Stored> stored(long electionId) {
        Map<Long, Stored> out = new HashMap<>();
        jdbc.sql("select contest_id, status, figures::text, evaluation::text from contest_result where election_id = :e")
                .param("e", electionId)
                .query((rs, i) -> out.put(rs.getLong(1), new Stored(rs.getString(2),
                        rs.getString(3) == null ? null : json.readValue(rs.getString(3), ContestFigures.class),
                        rs.getString(4) == null ? null : json.readValue(rs.getString(4), Evaluation.class))))
                .list();
        return out;
    }

    private static long nz(Long v) {
        return v == null ? 0 : v;
    }
}
