package vn.baucu.results.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import vn.baucu.platform.DomainException;
import vn.baucu.platform.ProblemRenderer;
import vn.baucu.rules.Round;
import vn.baucu.rules.RuleSet;
import vn.baucu.rules.VotingMethod;

/**
 * The public calculator: anyone types a contest's figures and sees the legal outcome with its reasons,
 * computed by the same rules as the published API. With htmx only the result is swapped in.
 */
@Controller
class EvaluationPage {

    static final int ROWS = 6;

    private final Evaluations evaluations;
    private final ProblemRenderer problems;

    EvaluationPage(Evaluations evaluations, ProblemRenderer problems) {
        this.evaluations = evaluations;
        this.problems = problems;
    }

    @GetMapping("/portal/evaluation")
    String form(Model model) {
        model.addAttribute("form", EvaluationForm.empty());
        return page(model);
    }

    @PostMapping("/portal/evaluation")
    String evaluate(EvaluationForm form, Model model, Locale locale,
                    @RequestHeader(name = "HX-Request", required = false) String htmx) {
        model.addAttribute("form", form);
        try {
            EvaluationRequest request = form.toRequest();
            java.util.Map<String, String> names = new java.util.HashMap<>();
            request.candidates().forEach(c -> names.put(c.id(), c.name()));
            model.addAttribute("names", names);
            model.addAttribute("result", evaluations.evaluate(request, locale));
        } catch (DomainException e) {
            model.addAttribute("problem", problems.render(e, locale));
            model.addAttribute("violations", problems.violations(e.violations(), locale));
        }
        if (htmx != null) {
            return "results/evaluation :: result";
        }
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("ruleSets", RuleSet.values());
        model.addAttribute("rounds", Round.values());
        model.addAttribute("methods", VotingMethod.values());
        return "results/evaluation";
    }

    /** The form's fields; blank numbers are left out of the request so that the rules report them. */
    record EvaluationForm(String ruleSet, String round, String votingMethod, String seats, String electionDay,
                          String electorate, String electorateExcluded, String participants, String ballotsIssued,
                          String ballotsReturned, String validBallots, String invalidBallots, List<String> name,
                          List<String> birthDate, List<String> votes) {

        static EvaluationForm empty() {
            List<String> blanks = new ArrayList<>();
            for (int i = 0; i < ROWS; i++) {
                blanks.add("");
            }
            return new EvaluationForm("VILLAGE_HEAD_2023", "FIRST", "SECRET_BALLOT", "1", "", "", "0", "", "", "", "",
                    "", blanks, blanks, blanks);
        }

        public String at(List<String> list, int i) {
            return list == null || i >= list.size() || list.get(i) == null ? "" : list.get(i);
        }

        EvaluationRequest toRequest() {
            List<EvaluationRequest.Candidate> candidates = new ArrayList<>();
            for (int i = 0; i < ROWS; i++) {
                String n = at(name, i).strip();
                String v = at(votes, i).strip();
                if (n.isEmpty() && v.isEmpty()) {
                    continue;
                }
                candidates.add(new EvaluationRequest.Candidate(String.valueOf(i + 1), n.isEmpty() ? "#" + (i + 1) : n,
                        vn.baucu.platform.Inputs.text(at(birthDate, i)), number(v, "candidates[" + i + "].votes")));
            }
            Long s = number(seats, "seats");
            return new EvaluationRequest(ruleSet, round, s == null ? null : s.intValue(), vn.baucu.platform.Inputs.text(electionDay),
                    votingMethod, number(electorate, "electorate"), number(electorateExcluded, "electorateExcluded"),
                    number(participants, "participants"), number(ballotsIssued, "ballotsIssued"),
                    number(ballotsReturned, "ballotsReturned"), number(validBallots, "validBallots"),
                    number(invalidBallots, "invalidBallots"), candidates);
        }

        private static Long number(String text, String field) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return Long.valueOf(text.strip().replace(".", "").replace(",", "").replace(" ", ""));
            } catch (NumberFormatException e) {
                throw DomainException.malformed(List.of(vn.baucu.platform.Violation.of("E-010", field,
                        "evaluation.not-a-number", field, text)));
            }
        }
    }
}
