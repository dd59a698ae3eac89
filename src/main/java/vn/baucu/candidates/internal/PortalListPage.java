package vn.baucu.candidates.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.baucu.candidates.Candidates;

/** Public portal: a contest's posted candidate list with the public part of each profile. */
@Controller
class PortalListPage {

    private final Candidates candidates;
    private final vn.baucu.election.Elections elections;
    private final vn.baucu.geography.AdminUnits units;

    PortalListPage(Candidates candidates, vn.baucu.election.Elections elections, vn.baucu.geography.AdminUnits units) {
        this.candidates = candidates;
        this.elections = elections;
        this.units = units;
    }

    @GetMapping("/portal/elections/{id}/contests/{place}")
    String list(@PathVariable("id") long id, @PathVariable("place") String place, Model model) {
        model.addAttribute("place", place);
        model.addAttribute("candidates", candidates.postedList(id, place));
        // the page says what it shows: the village (or electoral unit), its commune and the election
        var contest = elections.contest(id, place);
        model.addAttribute("placeName", contest.placeName());
        model.addAttribute("electionName", contest.electionName());
        model.addAttribute("communeName", contest.communeCode() == null ? null
                : units.find(contest.communeCode(), contest.electionDay()).map(u -> u.name()).orElse(contest.communeCode()));
        return "candidates/portal-list";
    }
}
