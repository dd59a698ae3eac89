package vn.baucu.candidates.internal;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.baucu.candidates.Candidates;
import vn.baucu.platform.ProblemRenderer;

/** Composition of the candidates (or the elected) of an election or a contest: table, chart, Excel. */
@Controller
class StatisticsPage {

    private final Candidates candidates;
    private final ProblemRenderer problems;
    private final MessageSource messages;

    StatisticsPage(Candidates candidates, ProblemRenderer problems, MessageSource messages) {
        this.candidates = candidates;
        this.problems = problems;
        this.messages = messages;
    }

    @GetMapping("/elections/{id}/candidates/statistics")
    String statistics(@PathVariable long id, @RequestParam(required = false) String place,
                      @RequestParam(defaultValue = "false") boolean elected, Model model, Locale locale) {
        var stats = candidates.statistics(id, place, elected);
        model.addAttribute("electionId", id);
        model.addAttribute("place", place);
        model.addAttribute("elected", elected);
        model.addAttribute("report", stats.report());
        model.addAttribute("flags", problems.violations(stats.quotaFlags(), locale));
        model.addAttribute("chartLabels", stats.report().shares().stream()
                .map(s -> messages.getMessage("stats." + s.key(), null, s.key(), locale)).toList());
        model.addAttribute("chartValues", stats.report().shares().stream()
                .map(s -> s.percent() == null ? "0" : s.percent()).toList());
        return "candidates/statistics";
    }
}
