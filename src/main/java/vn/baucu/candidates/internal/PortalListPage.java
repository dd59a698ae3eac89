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

    PortalListPage(Candidates candidates) {
        this.candidates = candidates;
    }

    @GetMapping("/portal/elections/{id}/contests/{place}")
    String list(@PathVariable long id, @PathVariable String place, Model model) {
        model.addAttribute("place", place);
        model.addAttribute("candidates", candidates.postedList(id, place));
        return "candidates/portal-list";
    }
}
