package vn.baucu.counting.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import vn.baucu.counting.PollingDay;
import vn.baucu.election.ElectionView;
import vn.baucu.election.Elections;

/**
 * The public portal's turnout during polling day (issue 13): the elections voting now or in the last days, and for one
 * of them the share of voters who have voted at each reporting time, for its scope and each unit under it, down to
 * the polling area or village. Counts only; never a rehearsal; cacheable for 30 seconds.
 */
@Controller
class TurnoutPortal {

    /** How long after its day an election stays on the list of those voting. */
    static final int DAYS_LISTED = 7;

    private final PollingDay pollingDay;
    private final Elections elections;
    private final Clock clock;

    TurnoutPortal(PollingDay pollingDay, Elections elections, Clock clock) {
        this.pollingDay = pollingDay;
        this.elections = elections;
        this.clock = clock;
    }

    @GetMapping("/portal/turnout")
    String voting(Model model, HttpServletResponse response) {
        LocalDate today = LocalDate.now(clock.withZone(PollingDay.VIETNAM));
        List<ElectionView> voting = elections.list().stream()
                .filter(e -> !e.rehearsal() && e.frozenAt() != null)
                .filter(e -> !e.electionDay().isAfter(today) && !e.electionDay().isBefore(today.minusDays(DAYS_LISTED)))
                .toList();
        model.addAttribute("elections", voting);
        model.addAttribute("days", DAYS_LISTED);
        response.setHeader("Cache-Control", CacheControl.maxAge(java.time.Duration.ofSeconds(30)).cachePublic().getHeaderValue());
        return "counting/portal-voting";
    }

    @GetMapping("/portal/elections/{id}/turnout")
    String turnout(@PathVariable("id") long id, @RequestParam(name = "unit", required = false) String unit, Model model,
                   HttpServletResponse response) {
        PollingDay.Turnout turnout = pollingDay.publicTurnout(id, unit);
        model.addAttribute("election", elections.get(id));
        model.addAttribute("turnout", turnout);
        response.setHeader("Cache-Control", CacheControl.maxAge(java.time.Duration.ofSeconds(30)).cachePublic().getHeaderValue());
        return "counting/portal-turnout";
    }
}
