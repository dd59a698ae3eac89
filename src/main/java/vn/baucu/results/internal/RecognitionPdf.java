package vn.baucu.results.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.baucu.candidates.CandidateView;
import vn.baucu.candidates.Candidates;
import vn.baucu.election.ContestRef;
import vn.baucu.election.Elections;
import vn.baucu.geography.AdminUnits;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.Authorization.Access;
import vn.baucu.platform.DomainException;
import vn.baucu.platform.Documents;
import vn.baucu.results.ContestResults;

/** The commune chair's decision recognising an elected village head (Quyết định công nhận), as a PDF. */
@Service
class RecognitionPdf {

    private final ContestResults results;
    private final Elections elections;
    private final Candidates candidates;
    private final AdminUnits units;
    private final Authorization authorization;
    private final Documents documents;

    RecognitionPdf(ContestResults results, Elections elections, Candidates candidates, AdminUnits units,
                   Authorization authorization, Documents documents) {
        this.results = results;
        this.elections = elections;
        this.candidates = candidates;
        this.units = units;
        this.authorization = authorization;
        this.documents = documents;
    }

    @Transactional(readOnly = true)
    public byte[] render(long electionId, String placeCode) {
        ContestRef contest = elections.contest(electionId, placeCode);
        authorization.require(Access.READ, contest.village() ? contest.placeCode() : contest.provinceCode(),
                contest.electionDay(), null);
        ContestResults.Recognition r = results.recognition(contest.id())
                .orElseThrow(() -> DomainException.notFound("recognition.not-found", contest.placeName()));
        CandidateView head = candidates.ballot(electionId, placeCode).stream().filter(c -> c.id() == r.candidateId())
                .findFirst().orElseThrow();
        ContestResults.Computed computed = results.compute(contest);
        var result = computed.evaluation().candidates().stream().filter(c -> c.id().equals(String.valueOf(head.id())))
                .findFirst().orElseThrow();
        String commune = units.find(contest.communeCode(), contest.electionDay()).map(u -> u.name()).orElse(contest.communeCode());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("rehearsal", contest.rehearsal());
        model.put("issuer", "Ủy ban nhân dân " + commune);
        model.put("decisionNo", r.decisionNo());
        model.put("placeOfIssue", commune);
        model.put("decidedOn", r.decidedOn());
        model.put("village", contest.placeName());
        model.put("commune", commune.toUpperCase(Documents.VIETNAMESE));
        model.put("term", elections.get(electionId).term());
        model.put("day", contest.electionDay());
        List<Map<String, Object>> minutes = computed.minutes();
        model.put("sha256", minutes.isEmpty() ? "" : minutes.get(minutes.size() - 1).get("sha256"));
        model.put("title", head.sex() == 'F' ? "bà" : "ông");
        model.put("Title", head.sex() == 'F' ? "Bà" : "Ông");
        model.put("rules", "VILLAGE_HEAD_2023".equals(contest.ruleSet()) ? "2023" : "2008");
        model.put("name", head.fullName());
        model.put("born", head.birthDate());
        model.put("votes", result.votes());
        model.put("percent", result.percent());
        model.put("signedBy", r.signedBy());
        return documents.pdf("recognition", model);
    }
}
