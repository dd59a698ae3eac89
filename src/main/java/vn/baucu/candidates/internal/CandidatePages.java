package vn.baucu.candidates.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import vn.baucu.candidates.Candidates;
import vn.baucu.candidates.NewCandidate;
import vn.baucu.candidates.NominationProcess;
import vn.baucu.platform.DomainException;
import vn.baucu.platform.Inputs;
import vn.baucu.platform.PageForms;
import vn.baucu.platform.ProblemRenderer;
import vn.baucu.platform.Violation;
import vn.baucu.rules.VoterConferences;

/**
 * The officials' candidate pages: an election's contests with their candidates counted; one contest with
 * its candidates, the nomination form (eligibility refused with the rule cited), status changes, voter
 * conferences, documents, the Front working committee's meeting for a village, the official list, its
 * posting and the PDFs; and the consultation conferences of a unit with the list each produced. Every
 * change goes through {@link Candidates} or {@link NominationProcess}, which authorise and audit it.
 */
@Controller
class CandidatePages {

    private final Candidates candidates;
    private final NominationProcess process;
    private final ProblemRenderer problems;
    private final PageForms forms;
    private final Clock clock;

    CandidatePages(Candidates candidates, NominationProcess process, ProblemRenderer problems, PageForms forms, Clock clock) {
        this.candidates = candidates;
        this.process = process;
        this.problems = problems;
        this.forms = forms;
        this.clock = clock;
    }

    @GetMapping("/elections/{id}/candidates")
    String contests(@PathVariable("id") long id, @RequestParam(name = "q", required = false) String q, Model model) {
        model.addAttribute("electionId", id);
        model.addAttribute("q", q);
        model.addAttribute("contests", candidates.contests(id, q));
        return "candidates/contests";
    }

    @GetMapping("/elections/{id}/contests/{place}/candidates")
    String contest(@PathVariable("id") long id, @PathVariable("place") String place, Model model) {
        var info = candidates.contestInfo(id, place);
        var list = candidates.list(id, place);
        model.addAttribute("info", info);
        model.addAttribute("candidates", list);
        Map<Long, List<String>> next = new LinkedHashMap<>();
        list.forEach(c -> next.put(c.id(), Candidates.nextStatuses(c.status())));
        model.addAttribute("next", next);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("meeting", info.village() ? process.frontMeeting(id, place).orElse(null) : null);
        Map<Long, List<CandidateStore.DocumentRow>> docs = new LinkedHashMap<>();
        // officials of other units see the candidates, not their dossiers
        candidates.documents(id, place).forEach(d -> docs.computeIfAbsent(d.candidateId(), k -> new ArrayList<>()).add(d));
        model.addAttribute("documents", docs);
        return "candidates/contest";
    }

    @PostMapping("/elections/{id}/contests/{place}/candidates")
    String nominate(@PathVariable("id") long id, @PathVariable("place") String place, @RequestParam Map<String, String> form,
                    @RequestParam(name = "exclusions", required = false) List<String> exclusions, Model model, Locale locale,
                    RedirectAttributes redirect, HttpServletResponse response) {
        model.addAttribute("entered", form);   // a refused form comes back filled in
        return attempt(id, place, "cand.page.nominated", model, locale, redirect, response, () -> {
            String sex = form.getOrDefault("sex", "");
            if (sex.length() != 1) {
                throw DomainException.violations(List.of(Violation.of("K-137", "sex", "candidate.sex-invalid")));
            }
            return candidates.nominate(id, place, new NewCandidate(form.get("fullName"), form.get("otherName"),
                    date(form, "birthDate"), sex.charAt(0), form.get("personalId"), form.get("ethnicity"), form.get("religion"),
                    form.get("hometown"), form.get("residence"), form.get("education"), form.get("qualification"),
                    Inputs.text(form.get("politicalTheory")), "on".equals(form.get("partyMember")), date(form, "partyJoined"),
                    form.get("workplace"), form.get("position"), "on".equals(form.get("incumbent")),
                    form.get("nominationSource"), exclusions, form.containsKey("residesInVillage")
                            ? Boolean.valueOf("true".equals(form.get("residesInVillage"))) : null,
                    date(form, "nominatedOn")));
        });
    }

    @PostMapping("/elections/{id}/contests/{place}/candidates/{candidate}/status")
    String status(@PathVariable("id") long id, @PathVariable("place") String place, @PathVariable("candidate") long candidate,
                  @RequestParam(name = "status", required = false) String status, @RequestParam(name = "date", required = false) LocalDate date,
                  @RequestParam(name = "reason", required = false) String reason, @RequestParam(name = "decision", required = false) String decision, Model model,
                  Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        return attempt(id, place, "cand.page.status-changed", model, locale, redirect, response,
                () -> candidates.changeStatus(candidate, status, date, Inputs.text(reason), Inputs.text(decision)));
    }

    @PostMapping("/elections/{id}/contests/{place}/candidates/{candidate}/voter-conferences")
    String conference(@PathVariable("id") long id, @PathVariable("place") String place, @PathVariable("candidate") long candidate,
                      @RequestParam(name = "where", required = false) String where, @RequestParam(name = "heldOn", required = false) LocalDate heldOn,
                      @RequestParam(name = "voters", required = false) Long voters, @RequestParam(name = "present", required = false) Long present,
                      @RequestParam(name = "trustVotes", required = false) Long trustVotes, Model model, Locale locale,
                      RedirectAttributes redirect, HttpServletResponse response) {
        return attempt(id, place, "cand.page.conference-recorded", model, locale, redirect, response, () -> {
            if (heldOn == null || voters == null || present == null || trustVotes == null) {
                throw DomainException.violations(List.of(Violation.of("V-200", "heldOn", "cand.page.conference-incomplete")));
            }
            return candidates.recordVoterConference(candidate, Inputs.enumValue(VoterConferences.Place.class, where, "place"),
                    heldOn, voters, present, trustVotes);
        });
    }

    @PostMapping("/elections/{id}/contests/{place}/candidates/{candidate}/documents")
    String document(@PathVariable("id") long id, @PathVariable("place") String place, @PathVariable("candidate") long candidate,
                    @RequestParam(name = "kind", required = false) String kind, @RequestParam("file") MultipartFile file, Model model,
                    Locale locale, RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        byte[] bytes = file.getBytes();
        return attempt(id, place, "cand.page.document-attached", model, locale, redirect, response,
                () -> candidates.attach(candidate, kind, file.getOriginalFilename(), file.getContentType(), bytes));
    }

    @PostMapping("/elections/{id}/contests/{place}/final-list")
    String settle(@PathVariable("id") long id, @PathVariable("place") String place, Model model, Locale locale, RedirectAttributes redirect,
                  HttpServletResponse response) {
        return attempt(id, place, "cand.page.list-settled", model, locale, redirect, response,
                () -> candidates.finalizeList(id, place));
    }

    @PostMapping("/elections/{id}/contests/{place}/posting")
    String post(@PathVariable("id") long id, @PathVariable("place") String place, @RequestParam(name = "postedOn", required = false) LocalDate postedOn,
                Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        return attempt(id, place, "cand.page.list-posted", model, locale, redirect, response, () -> {
            if (postedOn == null) {
                throw DomainException.violations(List.of(Violation.of("L-201", "postedOn", "election.required", "postedOn")));
            }
            candidates.postList(id, place, postedOn);
            return null;
        });
    }

    @PostMapping("/elections/{id}/contests/{place}/front-meeting")
    String meeting(@PathVariable("id") long id, @PathVariable("place") String place, @RequestParam(name = "heldOn", required = false) LocalDate heldOn,
                   @RequestParam(name = "attendance", required = false) Long attendance, @RequestParam(name = "chairedBy", required = false) String chairedBy,
                   @RequestParam(name = "cellAgreed", defaultValue = "false") boolean cellAgreed, @RequestParam(name = "cellAgreedOn", required = false) LocalDate cellAgreedOn,
                   @RequestParam(name = "cellAgreementRef", required = false) String cellAgreementRef, @RequestParam(name = "minutesSentOn", required = false) LocalDate minutesSentOn,
                   @RequestParam(name = "candidateIds", required = false) List<Long> ids, Model model, Locale locale,
                   RedirectAttributes redirect, HttpServletResponse response) {
        return attempt(id, place, "cand.page.meeting-recorded", model, locale, redirect, response, () -> {
            var view = process.recordFrontMeeting(id, place, new NominationProcess.FrontMeetingInput(heldOn, attendance,
                    chairedBy, cellAgreed, cellAgreedOn, cellAgreementRef, minutesSentOn, ids == null ? List.of() : ids));
            if (!view.warnings().isEmpty()) {
                redirect.addFlashAttribute("warnings", problems.violations(view.warnings(), locale));
            }
            return view;
        });
    }

    @GetMapping("/elections/{id}/consultations")
    String consultations(@PathVariable("id") long id, @RequestParam(name = "unit", required = false) String unit, Model model) {
        model.addAttribute("electionId", id);
        model.addAttribute("unit", unit);
        model.addAttribute("rounds", process.consultations(id));
        model.addAttribute("nominees", process.nomineesOfUnit(id, unit));
        model.addAttribute("today", LocalDate.now(clock));
        return "candidates/consultations";
    }

    @PostMapping("/elections/{id}/consultations")
    String consult(@PathVariable("id") long id, @RequestParam Map<String, String> form,
                   @RequestParam(name = "candidateIds", required = false) List<Long> ids, Model model, Locale locale,
                   RedirectAttributes redirect, HttpServletResponse response) {
        String unit = form.get("unitCode");
        try {
            Map<Long, String> special = new LinkedHashMap<>();
            form.forEach((k, v) -> {
                if (k.matches("special-\\d{1,18}") && v != null && !v.isBlank()) {
                    special.put(Long.valueOf(k.substring("special-".length())), v);
                }
            });
            Long round = number(form, "round");
            Long attendance = number(form, "attendance");
            Long planned = number(form, "plannedSeats");
            process.recordConsultation(id, unit, round == null ? 0 : round.intValue(), date(form, "heldOn"),
                    attendance == null ? -1 : attendance, planned == null ? null : planned.intValue(), form.get("outcome"),
                    ids == null ? List.of() : ids, special);
        } catch (DomainException e) {
            return forms.refused(e, model, locale, response, () -> consultations(id, unit, model));
        }
        redirect.addFlashAttribute("done", "cand.page.consultation-recorded");
        return "redirect:/elections/" + id + "/consultations?unit=" + unit;
    }

    /** A whole number from a form field: null when empty, refused (naming the field) when not a number. */
    private static Long number(Map<String, String> form, String field) {
        String v = form.get(field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw DomainException.violations(List.of(Violation.of("P-405", field, "cand.page.number-invalid")));
        }
    }

    private static LocalDate date(Map<String, String> form, String field) {
        String v = form.get(field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw DomainException.violations(List.of(Violation.of("P-406", field, "cand.page.date-invalid", v)));
        }
    }

    /** Runs a change; a refused one shows the contest page again with every problem named (422, or 409). */
    private String attempt(long id, String place, String doneKey, Model model, Locale locale, RedirectAttributes redirect,
                           HttpServletResponse response, Supplier<?> change) {
        return forms.submit(model, locale, redirect, response, doneKey, "/elections/" + id + "/contests/" + place + "/candidates",
                change, () -> contest(id, place, model));
    }
}
