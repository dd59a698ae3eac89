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
    String statistics(@PathVariable("id") long id, @RequestParam(name = "place", required = false) String place,
                      @RequestParam(name = "elected", defaultValue = "false") boolean elected, Model model, Locale locale) {
        var stats = candidates.statistics(id, place, elected);
        model.addAttribute("electionId", id);
        model.addAttribute("place", place);
        model.addAttribute("elected", elected);
        model.addAttribute("report", stats.report());
        model.addAttribute("plan", stats.plan());
        model.addAttribute("planItems", Candidates.PLAN_ITEMS);
        model.addAttribute("flags", problems.violations(stats.quotaFlags(), locale));
        model.addAttribute("chartLabels", stats.report().shares().stream()
                .map(s -> messages.getMessage("stats." + s.key(), null, s.key(), locale)).toList());
        model.addAttribute("chartValues", stats.report().shares().stream()
                .map(s -> s.percent() == null ? "0" : s.percent()).toList());
        return "candidates/statistics";
    }

    /** The planned structure (round 1 of the consultation settles it), compared with the statistics above. */
    @org.springframework.web.bind.annotation.PostMapping("/elections/{id}/candidates/statistics/plan")
    String plan(@PathVariable("id") long id, @RequestParam java.util.Map<String, String> form, Model model, Locale locale,
                org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        java.util.Map<String, java.math.BigDecimal> plan = new java.util.LinkedHashMap<>();
        java.util.List<vn.baucu.platform.Violation> bad = new java.util.ArrayList<>();
        for (String item : Candidates.PLAN_ITEMS) {
            String v = form.get("plan-" + item);
            if (v != null && !v.isBlank()) {
                try {
                    plan.put(item, new java.math.BigDecimal(v.strip().replace(',', '.')));
                } catch (NumberFormatException e) {
                    bad.add(vn.baucu.platform.Violation.of("Q-203", item, "composition.plan-target-invalid", v));
                }
            }
        }
        try {
            if (!bad.isEmpty()) {
                throw vn.baucu.platform.DomainException.violations(bad);
            }
            candidates.setPlan(id, plan);
        } catch (vn.baucu.platform.DomainException e) {
            if (e.kind() != vn.baucu.platform.DomainException.Kind.UNPROCESSABLE) {
                throw e;
            }
            vn.baucu.platform.PageForms.answerWith(e);
            model.addAttribute("problem", problems.render(e, locale));
            model.addAttribute("violations", problems.violations(e.violations(), locale));
            return statistics(id, null, false, model, locale);
        }
        redirect.addFlashAttribute("done", "stats.plan-saved");
        return "redirect:/elections/" + id + "/candidates/statistics";
    }
}
