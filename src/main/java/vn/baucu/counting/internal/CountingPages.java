package vn.baucu.counting.internal;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import vn.baucu.candidates.CandidateView;
import vn.baucu.candidates.Candidates;
import vn.baucu.counting.CountingMinutes;
import vn.baucu.counting.MinutesEntry;
import vn.baucu.counting.MinutesStatus;
import vn.baucu.counting.MinutesSummary;
import vn.baucu.counting.MinutesView;
import vn.baucu.counting.PollingDay;
import vn.baucu.election.ContestRef;
import vn.baucu.election.ElectionView;
import vn.baucu.election.Elections;
import vn.baucu.election.Organisations;
import vn.baucu.election.PollingArea;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.Authorization.Access;
import vn.baucu.platform.CurrentUser;
import vn.baucu.platform.DomainException;
import vn.baucu.platform.Idempotency;
import vn.baucu.platform.PageForms;
import vn.baucu.platform.Role;

/**
 * The pages of polling day and the minutes, made for a phone: a team's place (what the server holds, then one small
 * form per submission, each with its own idempotency key so that a resend changes nothing), the commune's overview
 * of its places, and the minutes of a place (entry without the other entry's figures, the differences for the
 * coordinator, certification and correction).
 */
@Controller
class CountingPages {

    private final PollingDay pollingDay;
    private final CountingMinutes minutes;
    private final Elections elections;
    private final Organisations organisations;
    private final Candidates candidates;
    private final Authorization authorization;
    private final PageForms forms;
    private final MinutesWorkbook workbook;

    CountingPages(PollingDay pollingDay, CountingMinutes minutes, Elections elections, Organisations organisations,
                  Candidates candidates, Authorization authorization, PageForms forms, MinutesWorkbook workbook) {
        this.workbook = workbook;
        this.pollingDay = pollingDay;
        this.minutes = minutes;
        this.elections = elections;
        this.organisations = organisations;
        this.candidates = candidates;
        this.authorization = authorization;
        this.forms = forms;
    }

    /** One row of the commune's overview. */
    record PlaceLine(String place, String name, PollingDay.PlaceDayView day, String contestPlace, Long area,
                     List<MinutesSummary> minutes, List<LocalTime> missed) {
    }

    @GetMapping("/elections/{id}/polling-day")
    String overview(@PathVariable("id") long id, @RequestParam(name = "commune", required = false) String commune, Model model) {
        CurrentUser user = authorization.currentUser();
        ElectionView election = elections.get(id);
        if (user.role() == Role.ELECTION_TEAM) {
            String own = user.pollingAreaId() != null ? "pa-" + user.pollingAreaId() : user.unitCode();
            return "redirect:/elections/" + id + "/polling-day/" + own;
        }
        String code = commune != null && !commune.isBlank() ? commune.strip() : user.unitCode();
        if (code == null) {
            model.addAttribute("election", election);
            model.addAttribute("lines", List.of());
            return "counting/overview";
        }
        authorization.require(Access.READ, code, election.electionDay(), null);
        List<ContestRef> contests = elections.contestsOfCommune(id, code);
        List<PlaceLine> lines = new ArrayList<>();
        Map<String, List<LocalTime>> missed = new LinkedHashMap<>();
        for (PollingDay.Missed m : pollingDay.missed(id, code)) {
            missed.computeIfAbsent(m.place(), k -> new ArrayList<>()).add(m.slot());
        }
        if (election.kind().contestPerVillage()) {
            for (ContestRef c : contests) {
                lines.add(new PlaceLine(c.placeCode(), c.placeName(), pollingDay.get(id, c.placeCode()), c.placeCode(), null,
                        minutes.ofPlace(id, c.placeCode(), null).map(List::of).orElse(List.of()),
                        missed.getOrDefault(c.placeCode(), List.of())));
            }
        } else {
            for (PollingArea a : organisations.pollingAreasOf(code, election.electionDay())) {
                if (!elections.servedBy(a.id(), id)) {
                    continue;
                }
                String key = "pa-" + a.id();
                List<MinutesSummary> ms = new ArrayList<>();
                for (ContestRef c : contests) {
                    if (elections.votesIn(a.id(), c)) {
                        minutes.ofPlace(id, c.placeCode(), a.id()).ifPresent(ms::add);
                    }
                }
                lines.add(new PlaceLine(key, a.number() + ". " + a.name(), pollingDay.get(id, key),
                        contests.isEmpty() ? null : contests.get(0).placeCode(), a.id(), ms, missed.getOrDefault(key, List.of())));
            }
        }
        model.addAttribute("election", election);
        model.addAttribute("commune", code);
        model.addAttribute("lines", lines);
        model.addAttribute("turnout", pollingDay.turnout(id, code));
        return "counting/overview";
    }

    @PostMapping("/elections/{id}/polling-day/minutes-import")
    String importMinutes(@PathVariable("id") long id, @RequestParam("commune") String commune,
                         @RequestParam("file") org.springframework.web.multipart.MultipartFile file, Model model,
                         Locale locale, RedirectAttributes redirect, HttpServletResponse response) throws java.io.IOException {
        byte[] content = file.getBytes();
        return forms.submit(model, locale, redirect, response, "counting.page.imported",
                "/elections/" + id + "/polling-day?commune=" + commune,
                () -> workbook.importEntries(id, commune, file.getOriginalFilename(), content),
                () -> overview(id, commune, model));
    }

    // ---------------------------------------------------------------- a team's place

    @GetMapping("/elections/{id}/polling-day/{place}")
    String place(@PathVariable("id") long id, @PathVariable("place") String place, Model model) {
        ElectionView election = elections.get(id);
        PollingDay.PlaceDayView day = pollingDay.get(id, place);
        model.addAttribute("election", election);
        model.addAttribute("day", day);
        model.addAttribute("key", UUID.randomUUID().toString());
        model.addAttribute("village", !place.startsWith("pa-"));
        model.addAttribute("dayDate", election.electionDay());
        List<Map<String, Object>> contests = new ArrayList<>();
        for (ContestRef c : placeContests(id, place)) {
            Long area = place.startsWith("pa-") ? Long.valueOf(place.substring(3)) : null;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("place", c.placeCode());
            m.put("name", c.placeName());
            m.put("area", area);
            m.put("minutes", minutes.ofPlace(id, c.placeCode(), area).orElse(null));
            contests.add(m);
        }
        model.addAttribute("contests", contests);
        if (!model.containsAttribute("now")) {
            model.addAttribute("now", LocalDateTime.now(PollingDay.VIETNAM).withSecond(0).withNano(0));
        }
        return "counting/place";
    }

    private List<ContestRef> placeContests(long id, String place) {
        if (!place.startsWith("pa-")) {
            return List.of(elections.contest(id, place));
        }
        long area = Long.parseLong(place.substring(3));
        PollingArea a = organisations.pollingArea(area).orElseThrow(() -> DomainException.notFound("polling.place-not-found", place));
        return elections.contestsOfCommune(id, a.communeCode()).stream().filter(c -> elections.votesIn(area, c)).toList();
    }

    @PostMapping("/elections/{id}/polling-day/{place}/{what}")
    String submit(@PathVariable("id") long id, @PathVariable("place") String place, @PathVariable("what") String what,
                  @RequestParam Map<String, String> form, Model model, Locale locale, RedirectAttributes redirect,
                  HttpServletResponse response) {
        UUID key = Idempotency.key(form.get("idempotencyKey"));
        return forms.submit(model, locale, redirect, response, "polling.page.saved", "/elections/" + id + "/polling-day/" + place,
                () -> switch (what) {
                    case "opening" -> pollingDay.open(id, place, new PollingDay.Opening(dateTime(form.get("at")),
                            form.get("openedBy"), "on".equals(form.get("boxShownEmpty")), form.get("scheduleDecision")), key);
                    case "turnout" -> pollingDay.report(id, place, new PollingDay.TurnoutReport(
                            form.get("slot") == null || form.get("slot").isBlank() ? null : LocalTime.parse(form.get("slot")),
                            number(form.get("voted"))), key);
                    case "events" -> pollingDay.recordEvent(id, place, new PollingDay.NewEvent(form.get("kind"),
                            dateTime(form.get("occurredAt")), dateTime(form.get("endedAt")), form.get("description"),
                            form.get("actionTaken"), number(form.get("voters")) == null ? null : number(form.get("voters")).intValue()), key);
                    case "meeting" -> pollingDay.recordMeeting(id, place, new PollingDay.Meeting(
                            number(form.get("householdsPresent")) == null ? null : number(form.get("householdsPresent")).intValue(),
                            number(form.get("householdsUnrepresented")) == null ? null
                                    : number(form.get("householdsUnrepresented")).intValue(), form.get("votingMethod")), key);
                    case "closing" -> pollingDay.close(id, place, new PollingDay.Closing(dateTime(form.get("at")),
                            form.get("scheduleDecision")), key);
                    default -> throw DomainException.notFound("polling.place-not-found", what);
                },
                () -> place(id, place, model));
    }

    private static LocalDateTime dateTime(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(s.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw DomainException.malformed(List.of(vn.baucu.platform.Violation.of("P-406", "at", "cand.page.date-invalid", s)));
        }
    }

    private static Long number(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(s.strip().replace(".", "").replace(" ", ""));
        } catch (NumberFormatException e) {
            throw DomainException.malformed(List.of(vn.baucu.platform.Violation.of("P-405", "number", "cand.page.number-invalid", s)));
        }
    }

    // ---------------------------------------------------------------- the minutes of a place

    @GetMapping("/elections/{id}/contests/{contest}/minutes")
    String minutesPage(@PathVariable("id") long id, @PathVariable("contest") String contest, @RequestParam(name = "area", required = false) Long area,
                       Model model) {
        ContestRef c = elections.contest(id, contest);
        model.addAttribute("election", elections.get(id));
        model.addAttribute("contest", c);
        model.addAttribute("area", area);
        model.addAttribute("areaName", area == null ? null : organisations.pollingArea(area).map(a -> a.number() + ". " + a.name())
                .orElse(null));
        List<CandidateView> ballot = candidates.ballot(id, contest);
        model.addAttribute("ballot", ballot);
        Map<String, String> fieldNames = new LinkedHashMap<>();
        for (int i = 0; i < ballot.size(); i++) {
            fieldNames.put("candidates[" + ballot.get(i).id() + "].votes", (i + 1) + ". " + ballot.get(i).fullName());
        }
        model.addAttribute("fieldNames", fieldNames);
        model.addAttribute("key", UUID.randomUUID().toString());
        MinutesView view = minutes.ofPlace(id, contest, area).map(s -> minutes.get(id, contest, s.id())).orElse(null);
        model.addAttribute("view", view);
        MinutesView.Version current = view == null ? null : view.versions().get(view.versions().size() - 1);
        model.addAttribute("current", current);
        CurrentUser me = authorization.currentUser();
        boolean entered = current != null && current.entries().stream()
                .anyMatch(e -> !e.discarded() && e.enteredBy().equals(me.username()));
        model.addAttribute("enteredByMe", entered);
        MinutesStatus status = view == null ? MinutesStatus.OPEN : view.minutes().status();
        model.addAttribute("status", status);
        model.addAttribute("canEnter", status.takesEntries() && !entered);
        String unit = area == null ? c.placeCode() : organisations.pollingArea(area).map(PollingArea::communeCode).orElse(null);
        model.addAttribute("coordinator", unit != null && authorization.allows(unit, c.electionDay(), Access.ADMINISTER));
        model.addAttribute("dayPlace", area == null ? c.placeCode() : "pa-" + area);
        return "counting/minutes";
    }

    @PostMapping("/elections/{id}/contests/{contest}/minutes/entry")
    String enter(@PathVariable("id") long id, @PathVariable("contest") String contest, @RequestParam(name = "area", required = false) Long area,
                 @RequestParam Map<String, String> form, Model model, Locale locale, RedirectAttributes redirect,
                 HttpServletResponse response) {
        UUID key = Idempotency.key(form.get("idempotencyKey"));
        List<MinutesEntry.CandidateVotes> votes = new ArrayList<>();
        for (CandidateView c : candidates.ballot(id, contest)) {
            votes.add(new MinutesEntry.CandidateVotes(String.valueOf(c.id()), number(form.get("votes_" + c.id()))));
        }
        List<MinutesEntry.Explanation> explanations = new ArrayList<>();
        form.forEach((k, v) -> {
            if (k.startsWith("explain_") && v != null && !v.isBlank()) {
                explanations.add(new MinutesEntry.Explanation(k.substring("explain_".length()), v));
            }
        });
        boolean ballots = !"SHOW_OF_HANDS".equals(form.get("votingMethod"));
        MinutesEntry entry = new MinutesEntry(area, form.get("votingMethod"), number(form.get("electorate")),
                number(form.get("participants")), ballots ? number(form.get("ballotsIssued")) : null,
                ballots ? number(form.get("ballotsReturned")) : null, ballots ? number(form.get("validBallots")) : null,
                ballots ? number(form.get("invalidBallots")) : null, votes,
                new MinutesEntry.Complaints(number(form.get("complaintsReceived")), number(form.get("complaintsSettled")),
                        number(form.get("complaintsForwarded"))), explanations, number(form.get("householdsUnrepresented")),
                null);
        String back = "/elections/" + id + "/contests/" + contest + "/minutes" + (area == null ? "" : "?area=" + area);
        return forms.submit(model, locale, redirect, response, "counting.page.entered", back,
                () -> minutes.enter(id, contest, entry, key, "PAGE"),
                () -> {
                    String page = minutesPage(id, contest, area, model);
                    model.addAttribute("form", form);
                    model.addAttribute("key", UUID.randomUUID().toString());
                    return page;
                });
    }

    @PostMapping("/elections/{id}/contests/{contest}/minutes/{minutesId}/{action}")
    String act(@PathVariable("id") long id, @PathVariable("contest") String contest, @PathVariable("minutesId") long minutesId, @PathVariable("action") String action,
               @RequestParam(name = "area", required = false) Long area, @RequestParam Map<String, String> form, Model model,
               Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        String back = "/elections/" + id + "/contests/" + contest + "/minutes" + (area == null ? "" : "?area=" + area);
        return forms.submit(model, locale, redirect, response, "counting.page." + action, back,
                () -> switch (action) {
                    case "resolution" -> minutes.resolve(id, contest, minutesId, form.get("keep"), "true".equals(form.get("reenter")));
                    case "certification" -> minutes.certify(id, contest, minutesId,
                            form.get("version") == null ? null : Integer.valueOf(form.get("version")), form.get("signedBy"));
                    case "corrections" -> minutes.correct(id, contest, minutesId, form.get("reason"), form.get("decision"));
                    default -> throw DomainException.notFound("counting.not-found", minutesId);
                },
                () -> minutesPage(id, contest, area, model));
    }
}
