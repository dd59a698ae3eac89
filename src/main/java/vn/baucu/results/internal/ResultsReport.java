package vn.baucu.results.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import vn.baucu.counting.CountingMinutes;
import vn.baucu.election.ContestRef;
import vn.baucu.election.ElectionView;
import vn.baucu.election.Elections;
import vn.baucu.geography.AdminUnit;
import vn.baucu.geography.AdminUnits;
import vn.baucu.geography.UnitLevel;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.Authorization.Access;
import vn.baucu.rules.ContestFigures;
import vn.baucu.rules.Evaluation;
import vn.baucu.rules.Percentages;

/**
 * The results document of contracts/results.md for officials: the live state of every contest from its stored
 * result (computed from the certified minutes), the administrative units of the scope down to the commune summed
 * from their contests (NA and HĐND: from the polling areas inside each unit), and the summary.
 */
@Service
class ResultsReport {

    private final JdbcClient jdbc;
    private final Elections elections;
    private final AdminUnits units;
    private final CountingMinutes minutes;
    private final Authorization authorization;
    private final JsonMapper json;

    private final vn.baucu.results.ContestResults results;

    ResultsReport(JdbcClient jdbc, Elections elections, AdminUnits units, CountingMinutes minutes,
                  Authorization authorization, JsonMapper json, vn.baucu.results.ContestResults results) {
        this.results = results;
        this.jdbc = jdbc;
        this.elections = elections;
        this.units = units;
        this.minutes = minutes;
        this.authorization = authorization;
        this.json = json;
    }

    record Stored(String status, ContestFigures figures, Evaluation evaluation, List<Map<String, Object>> minutes,
                  List<String> struck) {
    }

    /** Sums of one unit: [contests, certified, seats filled, electorate, participants]. */
    private static final class Sums {
        long contests;
        long certified;
        long seatsFilled;
        long electorate;
        long participants;
    }

    @Transactional(readOnly = true)
    public Map<String, Object> document(long electionId) {
        ElectionView election = elections.get(electionId);
        if (election.scopeCode() != null) {
            authorization.require(Access.READ, election.scopeCode(), election.electionDay(), null);
        } else {
            authorization.currentUser();
        }
        Map<Long, Stored> stored = new HashMap<>();
        jdbc.sql("""
                        select contest_id, status, figures::text, evaluation::text, minutes::text, struck::text
                        from contest_result where election_id = :e""")
                .param("e", electionId)
                .query((rs, i) -> {
                    stored.put(rs.getLong(1), new Stored(rs.getString(2),
                            rs.getString(3) == null ? null : json.readValue(rs.getString(3), ContestFigures.class),
                            rs.getString(4) == null ? null : json.readValue(rs.getString(4), Evaluation.class),
                            json.readValue(rs.getString(5), List.class), json.readValue(rs.getString(6), List.class)));
                    return null;
                }).list();
        List<Map<String, Object>> contests = new ArrayList<>();
        Map<String, Long> outcomes = new TreeMap<>();
        Map<String, Long> followUps = new TreeMap<>();
        Map<String, Sums> byUnit = new LinkedHashMap<>();
        long seats = 0;
        long reported = 0;
        long certified = 0;
        long filled = 0;
        long electorate = 0;
        long participants = 0;
        Map<Long, Integer> entered = minutes.enteredByContest(electionId);
        Map<Long, Map<String, Object>> recognitions = new HashMap<>();
        jdbc.sql("select contest_id, decision_no, decided_on from recognition where election_id = :e").param("e", electionId)
                .query((rs, i) -> recognitions.put(rs.getLong(1), Map.of("decisionNo", rs.getString(2),
                        "decidedOn", rs.getDate(3).toLocalDate().toString()))).list();
        Map<Long, Map<String, Object>> interims = new HashMap<>();
        jdbc.sql("select contest_id, full_name, decision_no, appointed_on, serves_until from interim_head where election_id = :e")
                .param("e", electionId)
                .query((rs, i) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", rs.getString(2));
                    m.put("decisionNo", rs.getString(3));
                    m.put("appointedOn", rs.getDate(4).toLocalDate().toString());
                    m.put("servesUntil", rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate().toString());
                    return interims.put(rs.getLong(1), m);
                }).list();
        // what was decided about the follow-ups the results call for: one started, or (an NA additional election,
        // Điều 79 khoản 1) none to be held
        Map<Long, vn.baucu.results.ContestResults.LeftUnheld> unheld = results.leftUnheldIn(electionId);
        Map<String, vn.baucu.election.FollowUpElection> started = elections.followUps(electionId);
        String round = "FIRST";
        List<Long> byPollingArea = new ArrayList<>();       // the contests summed from their polling areas' minutes
        for (ContestRef c : elections.contests(electionId)) {
            round = c.round() == null ? round : c.round();
            Stored s = stored.getOrDefault(c.id(), new Stored("NOT_REPORTED", null, null, List.of(), List.of()));
            if (!"CERTIFIED".equals(s.status())) {
                // live: a contest is reported as soon as one of its minutes has an entry
                s = new Stored(entered.getOrDefault(c.id(), 0) > 0 ? "REPORTED" : "NOT_REPORTED", s.figures(), s.evaluation(),
                        s.minutes(), s.struck());
            }
            seats += c.seats();
            reported += "NOT_REPORTED".equals(s.status()) ? 0 : 1;
            certified += "CERTIFIED".equals(s.status()) ? 1 : 0;
            int elected = s.evaluation() == null ? 0 : s.evaluation().elected().size();
            filled += elected;
            if (s.evaluation() != null) {
                outcomes.merge(s.evaluation().outcome().name(), 1L, Long::sum);
                if (s.evaluation().followUp().kind() != Evaluation.FollowUpKind.NONE) {
                    followUps.merge(s.evaluation().followUp().kind().name(), 1L, Long::sum);
                }
            }
            if (s.figures() != null) {
                electorate += s.figures().electorate();
                participants += s.figures().participants();
            }
            Map<String, Object> line = contest(c, s);
            if (line.get("followUp") instanceof Map<?, ?> f && !"NONE".equals(f.get("kind"))) {
                var none = unheld.get(c.id());
                var next = started.get(c.placeCode());
                Map<String, Object> decision = none != null ? FollowUpDecision.unheld(none)
                        : next != null ? FollowUpDecision.started(next) : null;
                if (decision != null) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> typed = (Map<String, Object>) f;
                    typed.put("decision", decision);     // an extension of the contract: what was decided
                }
            }
            if (c.village() && elected > 0) {
                // a village head takes office once the commune chair recognises the result
                line.put("recognition", recognitions.get(c.id()));
                line.put("pendingRecognition", !recognitions.containsKey(c.id()));
            }
            if (c.village() && interims.containsKey(c.id())) {
                line.put("interimHead", interims.get(c.id()));      // an extension of the contract: who stands in
            }
            contests.add(line);
            // the units: a village's contest counts in its commune; an electoral unit's polling areas in theirs
            if (c.village()) {
                Sums u = byUnit.computeIfAbsent(c.communeCode(), k -> new Sums());
                u.contests++;
                u.certified += "CERTIFIED".equals(s.status()) ? 1 : 0;
                u.seatsFilled += elected;
                if (s.figures() != null) {
                    u.electorate += s.figures().electorate();
                    u.participants += s.figures().participants();
                }
            } else {
                byPollingArea.add(c.id());
            }
        }
        for (CountingMinutes.CertifiedSums t : minutes.certifiedSums(electionId, byPollingArea)) {
            Sums u = byUnit.computeIfAbsent(t.communeCode(), k -> new Sums());
            u.electorate += t.electorate();
            u.participants += t.participants();
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("contests", contests.size());
        summary.put("seats", seats);
        summary.put("reported", reported);
        summary.put("certified", certified);
        summary.put("seatsFilled", filled);
        summary.put("outcomes", outcomes);
        summary.put("followUps", followUps);
        summary.put("electorate", electorate);
        summary.put("participants", participants);
        summary.put("turnoutPercent", Percentages.format(participants, electorate));
        Map<String, Object> doc = new LinkedHashMap<>();
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", election.id());
        e.put("name", election.name());
        e.put("kind", election.kind().name());
        e.put("ruleSet", election.ruleSet());
        e.put("electionDay", election.electionDay().toString());
        e.put("scope", election.scopeCode() == null ? null : Map.of("code", election.scopeCode(), "name", election.scopeName()));
        // an extension of the contract: the round decides what follows (no second additional election), so that the
        // outcome can be recomputed from the document alone
        e.put("round", round);
        e.put("rehearsal", election.rehearsal());
        doc.put("election", e);
        doc.put("snapshot", null);
        doc.put("summary", summary);
        doc.put("units", units(election, byUnit));
        doc.put("contests", contests);
        return doc;
    }

    /**
     * The units of the scope down to the commune, each the sum of the communes under it. The units are read in a few
     * lists (the scope, its districts and communes as of election day) and each commune's chain is followed through
     * them by parent code, instead of looking up every commune's ancestors (3,321 communes on the 2026 day).
     */
    private List<Map<String, Object>> units(ElectionView election, Map<String, Sums> byCommune) {
        LocalDate day = election.electionDay();
        AdminUnit scope = election.scopeCode() == null ? null : units.find(election.scopeCode(), day).orElse(null);
        Map<String, AdminUnit> known = new HashMap<>();
        if (scope != null && scope.level() == UnitLevel.VILLAGE) {
            // the election of one village: its commune is the one unit shown
            for (String code : byCommune.keySet()) {
                units.find(code, day).filter(u -> u.level() == UnitLevel.COMMUNE).ifPresent(u -> known.put(u.code(), u));
            }
        } else {
            known.putAll(units.downToCommunes(scope, day));
        }
        Map<String, Sums> all = new HashMap<>();
        for (var entry : byCommune.entrySet()) {
            AdminUnit commune = known.get(entry.getKey());
            if (commune == null || commune.level() != UnitLevel.COMMUNE) {
                continue;       // not a commune of the scope on election day
            }
            // the commune, then its district and province where they are in the scope
            for (AdminUnit u = commune; u != null; u = u.parentCode() == null ? null : known.get(u.parentCode())) {
                Sums s = all.computeIfAbsent(u.code(), k -> new Sums());
                Sums c = entry.getValue();
                s.contests += c.contests;
                s.certified += c.certified;
                s.seatsFilled += c.seatsFilled;
                s.electorate += c.electorate;
                s.participants += c.participants;
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        all.entrySet().stream().sorted(Comparator.comparing((Map.Entry<String, Sums> x) -> known.get(x.getKey()).level().ordinal())
                        .thenComparing(Map.Entry::getKey))
                .forEach(x -> {
                    AdminUnit u = known.get(x.getKey());
                    Sums s = x.getValue();
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("code", u.code());
                    row.put("name", u.name());
                    row.put("level", u.level().name());
                    row.put("parentCode", u.parentCode());
                    row.put("contests", s.contests);
                    row.put("certified", s.certified);
                    row.put("seatsFilled", s.seatsFilled);
                    row.put("electorate", s.electorate);
                    row.put("participants", s.participants);
                    row.put("turnoutPercent", Percentages.format(s.participants, s.electorate));
                    out.add(row);
                });
        return out;
    }

    private static Map<String, Object> contest(ContestRef c, Stored s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("place", c.placeCode());
        out.put("name", c.placeName());
        out.put("unitCode", c.village() ? c.communeCode() : c.provinceCode());
        out.put("seats", c.seats());
        out.put("status", s.status());
        ContestFigures f = s.figures();
        Evaluation ev = s.evaluation();
        out.put("votingMethod", f == null ? null : f.votingMethod().name());
        out.put("outcome", ev == null ? null : ev.outcome().name());
        Map<String, Object> followUp = new LinkedHashMap<>();
        if (ev != null) {
            followUp.put("kind", ev.followUp().kind().name());
            if (ev.followUp().latestDate() != null) {
                followUp.put("latestDate", ev.followUp().latestDate().toString());
            }
            if (ev.followUp().decidedBy() != null) {
                followUp.put("decidedBy", ev.followUp().decidedBy().name());
            }
        }
        out.put("followUp", ev == null ? null : followUp);
        out.put("electorate", f == null ? null : f.electorate());
        out.put("participants", f == null ? null : f.participants());
        out.put("ballotsIssued", f == null ? null : f.ballotsIssued());
        out.put("ballotsReturned", f == null ? null : f.ballotsReturned());
        out.put("validBallots", f == null ? null : f.validBallots());
        out.put("invalidBallots", f == null ? null : f.invalidBallots());
        out.put("turnoutPercent", f == null ? null : Percentages.format(f.participants(), f.electorate()));
        List<Map<String, Object>> names = new ArrayList<>();
        if (f != null) {
            Map<String, Evaluation.CandidateResult> results = new HashMap<>();
            if (ev != null) {
                ev.candidates().forEach(r -> results.put(r.id(), r));
            }
            // a birth date is published only for the names whose tie the outcome broke by age (Điều 78 khoản 4)
            java.util.Set<String> tiedByAge = new java.util.HashSet<>();
            if (ev != null) {
                ev.reasons().stream().filter(r -> r.code().startsWith("TIE_") && r.code().endsWith("_BY_AGE")
                        && !r.args().isEmpty()).forEach(r -> tiedByAge.add(String.valueOf(r.args().get(0))));
            }
            for (ContestFigures.CandidateFigures n : f.candidates()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", n.id());
                m.put("name", n.name());
                m.put("votes", n.votes());
                Evaluation.CandidateResult r = results.get(n.id());
                m.put("percent", r == null ? null : r.percent());
                m.put("elected", r != null && r.elected());
                if (s.struck().contains(n.id())) {
                    m.put("struckOff", true);
                }
                if (tiedByAge.contains(n.id()) && n.birthDate() != null) {
                    m.put("birthDate", n.birthDate().toString());
                }
                names.add(m);
            }
        }
        out.put("candidates", names);
        out.put("minutes", s.minutes());
        return out;
    }

    int contestCount(long electionId) {
        return elections.contests(electionId).size();
    }
}
