package vn.baucu.results.internal;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import vn.baucu.platform.PageForms;

/** The officials' results page of an election: the summary, the units and every contest, and publishing a snapshot. */
@Controller
class ResultsPages {

    private final ResultsReport report;
    private final Snapshots snapshots;
    private final PageForms forms;

    ResultsPages(ResultsReport report, Snapshots snapshots, PageForms forms) {
        this.report = report;
        this.snapshots = snapshots;
        this.forms = forms;
    }

    @GetMapping("/elections/{id}/results")
    String results(@PathVariable("id") long id, Model model) {
        model.addAttribute("doc", report.document(id));
        model.addAttribute("electionId", id);
        model.addAttribute("published", snapshots.published(id, null).orElse(null));
        return "results/election";
    }

    @PostMapping("/elections/{id}/results/publications")
    String publish(@PathVariable("id") long id, Model model, Locale locale, RedirectAttributes redirect,
                   HttpServletResponse response) {
        return forms.submit(model, locale, redirect, response, "results.page.published", "/elections/" + id + "/results",
                () -> snapshots.publish(id), () -> results(id, model));
    }
}
