package vn.baucu.election.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.baucu.election.ElectionKind;
import vn.baucu.election.ElectionView;
import vn.baucu.election.Elections;
import vn.baucu.election.NewElection;
import vn.baucu.platform.DomainException;
import vn.baucu.platform.ProblemRenderer;
import vn.baucu.rules.RuleSet;

/** Pages for officials: the elections, one election's dashboard, one milestone commune by commune. */
@Controller
class ElectionPages {

    private final Elections elections;
    private final vn.baucu.election.Organisations organisations;
    private final ProblemRenderer problems;

    ElectionPages(Elections elections, vn.baucu.election.Organisations organisations, ProblemRenderer problems) {
        this.elections = elections;
        this.organisations = organisations;
        this.problems = problems;
    }

    /** Forms a body from the page; members are typed one per line as "name; role; organisation". */
    @PostMapping("/elections/{id}/organisations")
    String formBody(@PathVariable("id") long id, @RequestParam("kind") String kind, @RequestParam(name = "place", required = false) String place,
                    @RequestParam(name = "level", required = false) String level, @RequestParam("name") String name,
                    @RequestParam(name = "decisionNo", required = false) String decisionNo,
                    @RequestParam(name = "decisionDate", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decisionDate,
                    @RequestParam(name = "issuingBody", required = false) String issuingBody, @RequestParam(name = "members", required = false) String members,
                    Model model, Locale locale, RedirectAttributes redirect) {
        return attempt(model, locale, redirect, "body.formed", "redirect:/elections/" + id + "/organisations", () -> {
            java.util.List<vn.baucu.election.Member> list = new java.util.ArrayList<>();
            for (String line : (members == null ? "" : members).split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(";", 3);
                list.add(new vn.baucu.election.Member(cells[0].strip(),
                        vn.baucu.election.Organisations.roleOf(cells.length > 1 ? cells[1] : "thành viên"),
                        cells.length > 2 ? cells[2].strip() : null));
            }
            String p = place == null ? "" : place.strip();
            boolean unit = p.matches("\\d{2}-\\d+");
            return organisations.form(id, new vn.baucu.election.NewOrganisation(
                    vn.baucu.platform.Inputs.enumValue(vn.baucu.rules.Bodies.Kind.class, kind, "kind"), level, null,
                    !unit && p.contains("-") ? p : null, unit ? p : null, null, false, name, decisionNo, decisionDate,
                    issuingBody), list);
        }, () -> bodies(id, model, locale));
    }

    @GetMapping("/elections/{id}/organisations")
    String bodies(@PathVariable("id") long id, Model model, Locale locale) {
        model.addAttribute("kinds", vn.baucu.rules.Bodies.Kind.values());
        model.addAttribute("election", elections.get(id));
        var bodies = organisations.list(id);
        model.addAttribute("bodies", bodies);
        java.util.Map<Long, java.util.List<java.util.Map<String, Object>>> checks = new java.util.HashMap<>();
        bodies.forEach(b -> checks.put(b.id(), problems.violations(b.checks(), locale)));
        model.addAttribute("checks", checks);
        return "elections/bodies";
    }

    @GetMapping("/elections")
    String list(Model model) {
        model.addAttribute("elections", elections.list());
        model.addAttribute("kinds", ElectionKind.values());
        model.addAttribute("ruleSets", RuleSet.values());
        return "elections/list";
    }

    @PostMapping("/elections")
    String create(@RequestParam("kind") String kind, @RequestParam("ruleSet") String ruleSet, @RequestParam("name") String name,
                  @RequestParam("term") String term,
                  @RequestParam(name = "electionDay", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate electionDay,
                  @RequestParam(name = "scopeCode", required = false) String scopeCode, @RequestParam(name = "councilLevel", required = false) String councilLevel,
                  Model model, Locale locale, RedirectAttributes redirect) {
        try {
            ElectionView e = elections.create(new NewElection(vn.baucu.platform.Inputs.enumValue(ElectionKind.class, kind, "kind"),
                    councilLevel == null || councilLevel.isBlank() ? null : councilLevel,
                    vn.baucu.platform.Inputs.enumValue(RuleSet.class, ruleSet, "ruleSet"), name, term, electionDay,
                    scopeCode == null || scopeCode.isBlank() ? null : scopeCode.strip()));
            redirect.addFlashAttribute("done", "election.created");
            return "redirect:/elections/" + e.id();
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.UNPROCESSABLE && e.kind() != DomainException.Kind.BAD_REQUEST) {
                throw e;
            }
            showProblem(e, model, locale);
            return list(model);
        }
    }

    @GetMapping("/elections/{id}")
    String dashboard(@PathVariable("id") long id, @RequestParam(name = "commune", required = false) String commune, Model model) {
        model.addAttribute("election", elections.get(id));
        model.addAttribute("progress", elections.progress(id, commune));
        model.addAttribute("commune", commune);
        model.addAttribute("units", elections.units(id));
        model.addAttribute("today", elections.today());
        return "elections/dashboard";
    }

    @GetMapping("/elections/{id}/milestones/{code}")
    String milestone(@PathVariable("id") long id, @PathVariable("code") String code, Model model) {
        model.addAttribute("election", elections.get(id));
        model.addAttribute("code", code);
        model.addAttribute("communes", elections.progressByCommune(id, code));
        model.addAttribute("today", elections.today());
        return "elections/milestone";
    }

    @PostMapping("/elections/{id}/milestones/{code}/done")
    String done(@PathVariable("id") long id, @PathVariable("code") String code, @RequestParam(name = "communeCode", required = false) String communeCode,
                @RequestParam(name = "doneOn", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate doneOn,
                @RequestParam(name = "decisionRef", required = false) String decisionRef, Model model, Locale locale,
                RedirectAttributes redirect) {
        return attempt(model, locale, redirect, "election.milestone-marked", "redirect:/elections/" + id + "/milestones/" + code,
                () -> elections.markDone(id, code, communeCode, doneOn, decisionRef), () -> milestone(id, code, model));
    }

    @PostMapping("/elections/{id}/units/import")
    String importUnits(@PathVariable("id") long id, @RequestParam("file") MultipartFile file, Model model, Locale locale,
                       RedirectAttributes redirect) throws IOException {
        String text = new String(file.getBytes(), StandardCharsets.UTF_8);
        return attempt(model, locale, redirect, "election.units-imported", "redirect:/elections/" + id,
                () -> elections.importUnits(id, file.getOriginalFilename(), text), () -> dashboard(id, null, model));
    }

    @PostMapping("/elections/{id}/freeze")
    String freeze(@PathVariable("id") long id, Model model, Locale locale, RedirectAttributes redirect) {
        return attempt(model, locale, redirect, "election.frozen-done", "redirect:/elections/" + id,
                () -> elections.freeze(id), () -> dashboard(id, null, model));
    }

    private String attempt(Model model, Locale locale, RedirectAttributes redirect, String doneKey, String success,
                           Supplier<?> change, Supplier<String> page) {
        try {
            change.get();
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.UNPROCESSABLE && e.kind() != DomainException.Kind.BAD_REQUEST) {
                throw e;
            }
            showProblem(e, model, locale);
            return page.get();
        }
        redirect.addFlashAttribute("done", doneKey);
        return success;
    }

    /** The page shows the refusal, under the refusal's own status. */
    private void showProblem(DomainException e, Model model, Locale locale) {
        vn.baucu.platform.PageForms.answerWith(e);
        model.addAttribute("problem", problems.render(e, locale));
        model.addAttribute("violations", problems.violations(e.violations(), locale));
    }
}
