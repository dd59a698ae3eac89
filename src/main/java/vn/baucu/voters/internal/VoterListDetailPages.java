package vn.baucu.voters.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import vn.baucu.platform.DomainException;
import vn.baucu.platform.PageForms;
import vn.baucu.platform.Violation;
import vn.baucu.voters.VoterListChanges;

/**
 * The page of one voter list: its counts (households beside the village's recorded number), the posting
 * PDF, the entries with their changes (add, remove with the legal reason, transfer, restriction,
 * certificate to vote elsewhere), the change list, and the complaints with their 5-day deadline. Every
 * change goes through {@link VoterListChanges}, which authorises and audits it.
 */
@Controller
class VoterListDetailPages {

    private final VoterListChanges changes;
    private final vn.baucu.voters.VoterLists voterLists;
    private final PageForms forms;
    private final Clock clock;

    VoterListDetailPages(VoterListChanges changes, vn.baucu.voters.VoterLists voterLists, PageForms forms, Clock clock) {
        this.changes = changes;
        this.voterLists = voterLists;
        this.forms = forms;
        this.clock = clock;
    }

    @GetMapping("/voter-lists/{listId}")
    String page(@PathVariable("listId") long listId, @RequestParam(name = "q", required = false) String q, Model model) {
        var page = changes.list(listId);
        model.addAttribute("page", page);
        model.addAttribute("q", q);
        model.addAttribute("entries", changes.entries(listId, q));
        model.addAttribute("changes", changes.changes(listId));
        model.addAttribute("complaints", changes.complaints(listId));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("removalReasons", VoterListChanges.removalReasons());
        model.addAttribute("restrictionReasons", VoterListChanges.restrictionReasons());
        // a household list neither sends nor takes transfers: only polling-area lists are offered, and only to each other
        model.addAttribute("targets", page.list().villageCode() != null ? List.of()
                : changes.overview(page.electionId(), null, 1000).stream()
                        .filter(l -> l.list().id() != listId && l.list().villageCode() == null).toList());
        return "voters/list";
    }

    @PostMapping("/voter-lists/{listId}/entries")
    String add(@PathVariable("listId") long listId, @RequestParam(name = "fullName", required = false) String fullName,
               @RequestParam(name = "birthDate", required = false) LocalDate birthDate, @RequestParam(name = "sex", defaultValue = "") String sex,
               @RequestParam(name = "personalId", required = false) String personalId, @RequestParam(name = "residence", required = false) String residence,
               @RequestParam(name = "household", required = false) String household, @RequestParam(name = "reason", required = false) String reason, Model model, Locale locale, RedirectAttributes redirect,
               HttpServletResponse response) {
        return attempt(listId, "voter.page.added", model, locale, redirect, response, () -> {
            if (sex.length() != 1) {
                throw DomainException.violations(List.of(Violation.of("SEX_INVALID", "sex", "voter.sex-invalid", sex)));
            }
            return changes.add(listId, fullName, birthDate, sex.charAt(0), personalId == null || personalId.isBlank() ? null
                    : personalId.strip(), residence, household, reason);
        });
    }

    @PostMapping("/voter-lists/{listId}/entries/{entryId}/removal")
    String remove(@PathVariable("listId") long listId, @PathVariable("entryId") long entryId, @RequestParam(name = "reason", required = false) String reason,
                  @RequestParam(name = "reasonText", required = false) String reasonText, Model model, Locale locale,
                  RedirectAttributes redirect, HttpServletResponse response) {
        return attempt(listId, "voter.page.removed", model, locale, redirect, response, () -> {
            changes.remove(entryId, reason, reasonText);
            return null;
        });
    }

    @PostMapping("/voter-lists/{listId}/entries/{entryId}/restriction")
    String restrict(@PathVariable("listId") long listId, @PathVariable("entryId") long entryId, @RequestParam(name = "reason", required = false) String reason,
                    @RequestParam(name = "reasonText", required = false) String reasonText, Model model, Locale locale,
                    RedirectAttributes redirect, HttpServletResponse response) {
        return attempt(listId, "voter.page.restricted", model, locale, redirect, response, () -> {
            changes.restrict(entryId, reason, reasonText);
            return null;
        });
    }

    @PostMapping("/voter-lists/{listId}/entries/{entryId}/certificate")
    String certificate(@PathVariable("listId") long listId, @PathVariable("entryId") long entryId,
                       @RequestParam(name = "issuedOn", required = false) LocalDate issuedOn, Model model, Locale locale,
                       RedirectAttributes redirect, HttpServletResponse response) {
        return attempt(listId, "voter.page.certified", model, locale, redirect, response, () -> {
            if (issuedOn == null) {
                throw DomainException.violations(List.of(Violation.of("DATE_REQUIRED", "issuedOn", "voter.page.date-required")));
            }
            changes.certificate(entryId, issuedOn);
            return null;
        });
    }

    @PostMapping("/voter-lists/{listId}/entries/{entryId}/transfer")
    String transfer(@PathVariable("listId") long listId, @PathVariable("entryId") long entryId, @RequestParam(name = "toListId", required = false) Long toListId,
                    @RequestParam(name = "reasonText", required = false) String reasonText, Model model, Locale locale,
                    RedirectAttributes redirect, HttpServletResponse response) {
        return attempt(listId, "voter.page.transferred", model, locale, redirect, response, () -> {
            if (toListId == null) {
                throw DomainException.violations(List.of(Violation.of("TARGET_REQUIRED", "toListId", "voter.page.target-required")));
            }
            return changes.transfer(entryId, toListId, reasonText);
        });
    }

    @PostMapping("/voter-lists/{listId}/posting")
    String posting(@PathVariable("listId") long listId, @RequestParam(name = "postedOn", required = false) LocalDate postedOn, Model model, Locale locale,
                   RedirectAttributes redirect, HttpServletResponse response) {
        return attempt(listId, "voter.page.posting-recorded", model, locale, redirect, response, () -> {
            voterLists.recordPosting(listId, postedOn);
            return null;
        });
    }

    @PostMapping("/voter-lists/{listId}/complaints")
    String complain(@PathVariable("listId") long listId, @RequestParam(name = "entryId", required = false) Long entryId,
                    @RequestParam(name = "complainant", required = false) String complainant, @RequestParam(name = "content", required = false) String content,
                    @RequestParam(name = "receivedOn", required = false) LocalDate receivedOn, Model model, Locale locale,
                    RedirectAttributes redirect, HttpServletResponse response) {
        return attempt(listId, "voter.page.complaint-received", model, locale, redirect, response,
                () -> changes.complain(listId, entryId, complainant, content, receivedOn));
    }

    @PostMapping("/voter-lists/{listId}/complaints/{complaintId}/answer")
    String answer(@PathVariable("listId") long listId, @PathVariable("complaintId") long complaintId, @RequestParam(name = "outcome", required = false) String outcome,
                  @RequestParam(name = "answer", required = false) String answer, @RequestParam(name = "answeredOn", required = false) LocalDate answeredOn,
                  Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        return attempt(listId, "voter.page.complaint-answered", model, locale, redirect, response,
                () -> changes.answer(complaintId, outcome, answer, answeredOn));
    }

    /** Runs a change; a refused one shows the page again with every problem named (422, or 409 when closed). */
    private String attempt(long listId, String doneKey, Model model, Locale locale, RedirectAttributes redirect,
                           HttpServletResponse response, Supplier<?> change) {
        return forms.submit(model, locale, redirect, response, doneKey, "/voter-lists/" + listId, change,
                () -> page(listId, null, model));
    }
}
