package vn.baucu.geography.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

import vn.baucu.geography.AdminUnit;
import vn.baucu.geography.AdminUnits;
import vn.baucu.geography.NewVillage;
import vn.baucu.geography.UnitLevel;
import vn.baucu.geography.VillageKind;
import vn.baucu.geography.Villages;
import vn.baucu.platform.DomainException;
import vn.baucu.platform.Violation;
import vn.baucu.platform.ProblemRenderer;

/** Pages: browse the hierarchy as of a date, search by name, and manage a commune's villages. */
@Controller
class UnitPages {

    private final AdminUnits units;
    private final Villages villages;
    private final ProblemRenderer problems;

    UnitPages(AdminUnits units, Villages villages, ProblemRenderer problems) {
        this.units = units;
        this.villages = villages;
        this.problems = problems;
    }

    @GetMapping("/units")
    String index(@RequestParam(name = "q", required = false) String q,
                 @RequestParam(name = "asOf", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                 Model model) {
        LocalDate day = asOf == null ? units.today() : asOf;
        model.addAttribute("asOf", day);
        model.addAttribute("q", q);
        model.addAttribute("provinces", units.list(UnitLevel.PROVINCE, null, day));
        if (q != null && !q.isBlank()) {
            model.addAttribute("results", searchable(q, day));
        }
        return "units/index";
    }

    @GetMapping("/units/search")
    String search(@RequestParam(name = "q", defaultValue = "") String q,
                  @RequestParam(name = "asOf", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                  Model model) {
        LocalDate day = asOf == null ? units.today() : asOf;
        model.addAttribute("asOf", day);
        model.addAttribute("results", q.isBlank() ? List.of() : searchable(q, day));
        return "units/index :: results";
    }

    @GetMapping("/units/{code}")
    String detail(@PathVariable("code") String code,
                  @RequestParam(name = "asOf", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                  Model model) {
        LocalDate day = asOf == null ? units.today() : asOf;
        AdminUnit unit = units.get(code, day);
        model.addAttribute("asOf", day);
        // the default "in force from" of the forms: today, or the page's date for a unit that has since ceased
        model.addAttribute("today", unit.validOn(units.today()) ? units.today() : day);
        model.addAttribute("unit", unit);
        model.addAttribute("ancestors", units.ancestors(unit));
        model.addAttribute("predecessors", units.predecessors(unit));
        model.addAttribute("successors", units.successors(unit));
        model.addAttribute("canAdminister", units.canAdminister(unit));
        model.addAttribute("villageKinds", VillageKind.values());
        boolean villagesShown = unit.level() == UnitLevel.COMMUNE;
        model.addAttribute("villagesShown", villagesShown);
        if (unit.level() != UnitLevel.VILLAGE && (!villagesShown || units.canReadVillagesOf(unit))) {
            model.addAttribute("children", units.list(null, unit.code(), day));
        }
        if (unit.level() == UnitLevel.VILLAGE) {
            model.addAttribute("history", units.history(unit.code()));
        }
        return "units/detail";
    }

    @PostMapping("/units/{code}/villages")
    String create(@PathVariable("code") String code, @RequestParam("name") String name, @RequestParam("kind") String kind,
                  @RequestParam(name = "households", required = false) String households,
                  @RequestParam(name = "effective", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effective,
                  @RequestParam(name = "decisionRef", required = false) String decisionRef, Model model, Locale locale,
                  RedirectAttributes redirect) {
        LocalDate day = effective == null ? units.today() : effective;
        return attempt(code, day, model, locale, redirect, "village.created",
                () -> villages.create(code, village(name, kind, households, ""), day, decisionRef));
    }

    @PostMapping("/units/{code}/villages/import")
    String importFile(@PathVariable("code") String code, @RequestParam("file") MultipartFile file,
                      @RequestParam(name = "effective", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effective,
                      @RequestParam(name = "decisionRef", required = false) String decisionRef, Model model, Locale locale,
                      RedirectAttributes redirect) throws IOException {
        LocalDate day = effective == null ? units.today() : effective;
        byte[] bytes = file.getBytes();
        return attempt(code, day, model, locale, redirect, "village.imported",
                () -> villages.importFile(file.getOriginalFilename(), bytes, day, decisionRef));
    }

    @PostMapping("/units/{code}/villages/merge")
    String merge(@PathVariable("code") String code, @RequestParam(name = "villageCodes", required = false) List<String> villageCodes,
                 @RequestParam("name") String name, @RequestParam("kind") String kind,
                 @RequestParam(name = "households", required = false) String households,
                 @RequestParam(name = "effective", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effective,
                 @RequestParam(name = "decisionRef", required = false) String decisionRef, Model model, Locale locale,
                 RedirectAttributes redirect) {
        LocalDate day = effective == null ? units.today() : effective;
        return attempt(code, day, model, locale, redirect, "village.merged",
                () -> villages.merge(villageCodes == null ? List.of() : villageCodes,
                        village(name, kind, households, ""), day, decisionRef));
    }

    @PostMapping("/units/{code}/amend")
    String amend(@PathVariable("code") String code, @RequestParam("name") String name, @RequestParam("kind") String kind,
                 @RequestParam(name = "households", required = false) String households,
                 @RequestParam(name = "effective", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effective,
                 @RequestParam(name = "decisionRef", required = false) String decisionRef, Model model, Locale locale,
                 RedirectAttributes redirect) {
        LocalDate day = effective == null ? units.today() : effective;
        return attempt(code, day, model, locale, redirect, "village.amended",
                () -> villages.amend(code, village(name, kind, households, ""), day, decisionRef));
    }

    @PostMapping("/units/{code}/split")
    String split(@PathVariable("code") String code, @RequestParam("names") List<String> names, @RequestParam("kinds") List<String> kinds,
                 @RequestParam("households") List<String> households,
                 @RequestParam(name = "effective", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effective,
                 @RequestParam(name = "decisionRef", required = false) String decisionRef, Model model, Locale locale,
                 RedirectAttributes redirect) {
        LocalDate day = effective == null ? units.today() : effective;
        AdminUnit village = units.get(code, day);
        String parent = village.parentCode();
        return attempt(parent, day, model, locale, redirect, "village.split-done", () -> {
            List<NewVillage> parts = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                parts.add(village(names.get(i), i < kinds.size() ? kinds.get(i) : "",
                        i < households.size() ? households.get(i) : "", "parts[" + i + "]."));
            }
            return villages.split(code, parts, day, decisionRef);
        });
    }

    /**
     * Runs a change; on success redirects to the unit's page with a notice, on rule violations shows the
     * page again with every violation listed (nothing was stored).
     */
    private String attempt(String code, LocalDate day, Model model, Locale locale, RedirectAttributes redirect,
                           String doneKey, Supplier<?> change) {
        try {
            change.get();
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.UNPROCESSABLE && e.kind() != DomainException.Kind.BAD_REQUEST) {
                throw e;
            }
            vn.baucu.platform.PageForms.answerWith(e);
            model.addAttribute("problem", problems.render(e, locale));
            model.addAttribute("violations", problems.violations(e.violations(), locale));
            detail(code, day, model);
            return "units/detail";
        }
        redirect.addFlashAttribute("done", doneKey);
        redirect.addAttribute("asOf", day.toString());
        return "redirect:/units/" + code;
    }

    private List<AdminUnit> searchable(String q, LocalDate day) {
        return units.search(q, day, 50).stream().filter(units::canRead).toList();
    }

    private static NewVillage village(String name, String kind, String households, String prefix) {
        List<Violation> problems = new ArrayList<>();
        VillageKind k = VillageKind.parse(kind).orElse(null);
        if (k == null) {
            problems.add(Violation.of("G-203", prefix + "kind", "village.kind-unknown", String.valueOf(kind)));
        }
        Integer hh = null;
        try {
            hh = Integer.valueOf(households == null ? "" : households.strip());
        } catch (NumberFormatException e) {
            problems.add(Violation.of("G-204", prefix + "households", "village.households-invalid",
                    String.valueOf(households), 100_000));
        }
        if (!problems.isEmpty()) {
            throw DomainException.violations(problems);
        }
        return new NewVillage(name, k, hh);
    }
}
