package vn.baucu.results.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.baucu.counting.CertifiedMinutes;
import vn.baucu.counting.CountingMinutes;
import vn.baucu.counting.MinutesEntry;
import vn.baucu.election.ContestRef;
import vn.baucu.election.Elections;
import vn.baucu.election.PollingArea;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.Authorization.Access;
import vn.baucu.platform.DomainException;
import vn.baucu.platform.Documents;
import vn.baucu.results.ContestResults;
import vn.baucu.rules.ContestFigures;
import vn.baucu.rules.Evaluation;
import vn.baucu.rules.Percentages;

/**
 * The election board's minutes of the result in an electoral unit (Luật 85/2015/QH13, Điều 77): seats and candidates,
 * the unit's voters and turnout, each candidate's votes and share of the valid ballots, the winners, what follows,
 * the complaints, and every polling area's figures with the SHA-256 of its certified minutes — the sum of the level
 * below by construction. Marked incomplete while a polling area's minutes are not yet certified.
 */
@Service
class UnitResultPdf {

    private final ContestResults results;
    private final CountingMinutes minutes;
    private final Elections elections;
    private final Authorization authorization;
    private final Documents documents;
    private final MessageSource messages;

    UnitResultPdf(ContestResults results, CountingMinutes minutes, Elections elections, Authorization authorization,
                  Documents documents, MessageSource messages) {
        this.results = results;
        this.minutes = minutes;
        this.elections = elections;
        this.authorization = authorization;
        this.documents = documents;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public byte[] render(long electionId, String placeCode) {
        ContestRef contest = elections.contest(electionId, placeCode);
        if (contest.village()) {
            throw DomainException.notFound("body.contest-not-found", placeCode);
        }
        authorization.require(Access.READ, contest.provinceCode(), contest.electionDay(), null);
        ContestResults.Computed c = results.compute(contest);
        ContestFigures f = c.figures();
        Evaluation ev = c.evaluation();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("rehearsal", contest.rehearsal());
        model.put("complete", "CERTIFIED".equals(c.status()));
        model.put("certified", c.certified());
        model.put("expected", c.expected());
        model.put("issuer", messages.getMessage("doc.unit.issuer", new Object[] {contest.placeName()}, Documents.VIETNAMESE));
        model.put("place", Elections.placeName(contest.placeName()));
        model.put("electionName", contest.electionName());
        model.put("unitName", contest.placeName());
        model.put("seats", contest.seats());
        model.put("candidates", f == null ? 0 : f.candidates().size());
        model.put("electorate", f == null ? 0 : f.electorate());
        model.put("participants", f == null ? 0 : f.participants());
        model.put("turnout", f == null ? "—" : Percentages.format(f.participants(), f.electorate()));
        model.put("valid", f == null || f.validBallots() == null ? 0 : f.validBallots());
        model.put("invalid", f == null || f.invalidBallots() == null ? 0 : f.invalidBallots());
        Map<String, Evaluation.CandidateResult> byId = new HashMap<>();
        if (ev != null) {
            ev.candidates().forEach(r -> byId.put(r.id(), r));
        }
        List<Map<String, Object>> names = new ArrayList<>();
        List<String> winners = new ArrayList<>();
        if (f != null) {
            for (ContestFigures.CandidateFigures n : f.candidates()) {
                Evaluation.CandidateResult r = byId.get(n.id());
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", n.name());
                m.put("votes", n.votes());
                m.put("percent", r == null ? Percentages.format(n.votes(), f.validBallots() == null ? 0 : f.validBallots())
                        : r.percent());
                m.put("elected", r != null && r.elected());
                if (r != null && r.elected()) {
                    winners.add(n.name());
                }
                names.add(m);
            }
        }
        model.put("names", names);
        model.put("winners", winners.isEmpty() ? messages.getMessage("doc.unit.none", null, Documents.VIETNAMESE)
                : String.join(", ", winners));
        model.put("followUp", ev == null || ev.followUp().kind() == Evaluation.FollowUpKind.NONE ? null
                : ev.followUp().kind().name() + (ev.followUp().latestDate() == null ? "" : " (≤ " + ev.followUp().latestDate() + ")"));
        long[] complaints = new long[3];
        Map<Long, PollingArea> areas = new HashMap<>();
        elections.pollingAreasOf(contest).forEach(a -> areas.put(a.id(), a));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CertifiedMinutes m : minutes.certified(contest)) {
            MinutesEntry e = m.figures();
            if (e.complaints() != null) {
                complaints[0] += e.complaints().received() == null ? 0 : e.complaints().received();
                complaints[1] += e.complaints().settled() == null ? 0 : e.complaints().settled();
                complaints[2] += e.complaints().forwarded() == null ? 0 : e.complaints().forwarded();
            }
            PollingArea a = areas.get(m.pollingArea());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", a == null ? String.valueOf(m.pollingArea()) : a.communeCode() + " — " + a.number() + ". " + a.name());
            row.put("electorate", e.electorate());
            row.put("participants", e.participants());
            row.put("valid", e.validBallots());
            row.put("sha256", m.sha256());
            rows.add(row);
        }
        model.put("complaints", complaints);
        model.put("areas", rows);
        model.put("fingerprint", contest.fingerprint());
        return documents.pdf("unit-result-minutes", model);
    }
}
