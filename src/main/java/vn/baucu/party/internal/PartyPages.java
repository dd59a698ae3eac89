package vn.baucu.party.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

import vn.baucu.geography.AdminUnits;
import vn.baucu.party.UnifiedPost;
import vn.baucu.platform.Authorization;

/**
 * The Party committee's pages: the unified-post report (the scope defaults to the user's unit, the day to today), the
 * cells of a unit, a cell with its members and congresses, and a congress run step by step on a phone — convened,
 * the roll, the list approved by show of hands, the count of each ballot entered twice (each form with its own
 * idempotency key), a difference resolved, certified, closed, ratified by the superior committee — each step one
 * small form through the {@link Congresses} facade, which checks the law and the Party guard.
 */
@Controller
class PartyPages {

    private final UnifiedPost unifiedPost;
    private final AdminUnits units;
    private final Authorization authorization;
    private final vn.baucu.party.PartyCells cells;
    private final vn.baucu.party.Congresses congresses;
    private final vn.baucu.platform.PageForms forms;

    PartyPages(UnifiedPost unifiedPost, AdminUnits units, Authorization authorization, vn.baucu.party.PartyCells cells,
               vn.baucu.party.Congresses congresses, vn.baucu.platform.PageForms forms) {
        this.unifiedPost = unifiedPost;
        this.units = units;
        this.authorization = authorization;
        this.cells = cells;
        this.congresses = congresses;
        this.forms = forms;
    }

    @GetMapping("/party/cells")
    String cellList(@RequestParam(name = "scope", required = false) String scope, Model model) {
        String unit = scope == null || scope.isBlank() ? authorization.currentUser().unitCode() : scope.strip();
        LocalDate day = units.today();
        model.addAttribute("scope", unit);
        model.addAttribute("scopeName", unit == null ? null : units.find(unit, day).map(u -> u.name()).orElse(unit));
        model.addAttribute("cells", unit == null ? java.util.List.of() : cells.list(unit, day));
        return "party/cells";
    }

    @PostMapping("/party/cells")
    String createCell(@RequestParam(name = "village", required = false) String village, @RequestParam(name = "name", required = false) String name,
                      @RequestParam(name = "superior", required = false) String superior,
                      @RequestParam(name = "since", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
                      Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            var c = cells.create(village, name, superior, since);
            redirect.addFlashAttribute("done", "party.page.cell-created");
            return "redirect:/party/cells/" + c.id();
        } catch (vn.baucu.platform.DomainException e) {
            return forms.refused(e, model, locale, response, () -> cellList(superior, model));
        }
    }

    /**
     * The cell's members from a CSV file (the header row first: Họ và tên, Ngày sinh, Số định danh cá nhân, Loại đảng
     * viên, Miễn sinh hoạt), all or nothing, every refused row named, as the API's {@code POST …/members}.
     */
    @PostMapping("/party/cells/{id}/members")
    String importMembers(@PathVariable("id") long id, @RequestParam(name = "file", required = false) org.springframework.web.multipart.MultipartFile file,
                         Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        return forms.submit(model, locale, redirect, response, "party.page.members-added", "/party/cells/" + id, () -> {
            if (file == null || file.isEmpty()) {
                throw vn.baucu.platform.DomainException.violations(java.util.List.of(vn.baucu.platform.Violation.of("P-401",
                        "file", "problem.missing-parameter", "file")));
            }
            MemberFile.Read read;
            try (var in = file.getInputStream()) {
                read = MemberFile.read(in);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            try {
                return cells.addMembers(id, read.members());
            } catch (vn.baucu.platform.DomainException e) {
                throw MemberFile.onLines(e, read.lines());
            }
        }, () -> cell(id, model));
    }

    @GetMapping("/party/cells/{id}")
    String cell(@PathVariable("id") long id, Model model) {
        model.addAttribute("cell", cells.get(id));
        model.addAttribute("members", cells.members(id));
        model.addAttribute("congresses", congresses.ofCell(id));
        return "party/cell";
    }

    @PostMapping("/party/cells/{id}/congresses")
    String convene(@PathVariable("id") long id, @RequestParam(name = "term", required = false) String term,
                   @RequestParam(name = "heldOn", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
                   @RequestParam(name = "committeeSeats", required = false) Integer committeeSeats, @RequestParam Map<String, String> form,
                   Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            var c = "DELEGATES".equals(form.get("kind"))
                    ? congresses.conveneDelegates(id, term, heldOn, committeeSeats, delegates(form))
                    : congresses.convene(id, term, heldOn, committeeSeats);
            redirect.addFlashAttribute("done", "party.page.convened");
            return "redirect:/party/congresses/" + c.id();
        } catch (vn.baucu.platform.DomainException e) {
            return forms.refused(e, model, locale, response, () -> cell(id, model));
        }
    }

    @GetMapping("/party/congresses/{id}")
    String congress(@PathVariable("id") long id, Model model) {
        var c = congresses.get(id);
        model.addAttribute("congress", c);
        model.addAttribute("members", cells.members(c.cellId()));
        // each count form its own idempotency key: a resend of that form replays, another form is another request
        Map<Long, UUID> keys = new java.util.HashMap<>();
        c.votes().forEach(v -> keys.put(v.id(), UUID.randomUUID()));
        model.addAttribute("keys", keys);
        Map<Long, UUID> paperKeys = new java.util.HashMap<>();
        c.votes().forEach(v -> paperKeys.put(v.id(), UUID.randomUUID()));
        model.addAttribute("paperKeys", paperKeys);
        model.addAttribute("piles", java.util.stream.IntStream.range(0, PILES).boxed().toList());
        return "party/congress";
    }

    /** The delegates chosen on the convening form ({@code d-<member>}: FULL, COMMITTEE or ALTERNATE), in member order. */
    private static java.util.List<vn.baucu.party.Congresses.Delegate> delegates(Map<String, String> form) {
        return form.entrySet().stream()
                .filter(e -> e.getKey().matches("d-\\d{1,18}") && !e.getValue().isBlank())
                .sorted(java.util.Comparator.comparingLong(e -> Long.parseLong(e.getKey().substring(2))))
                .map(e -> new vn.baucu.party.Congresses.Delegate(Long.parseLong(e.getKey().substring(2)),
                        e.getValue().equals("COMMITTEE") ? "FULL" : e.getValue(), e.getValue().equals("COMMITTEE")))
                .toList();
    }

    @PostMapping("/party/congresses/{id}/attendance")
    String attendance(@PathVariable("id") long id, @RequestParam Map<String, String> form, Model model, Locale locale,
                      RedirectAttributes redirect, HttpServletResponse response) {
        var c = congresses.get(id);
        java.util.List<vn.baucu.party.Congresses.Absence> absences = new java.util.ArrayList<>();
        // on the roll: the full delegates of a delegates' congress, else the cell's members; an absent delegate may
        // have an alternate in the seat
        java.util.List<Long> roll = "DELEGATES".equals(c.kind())
                ? c.delegates().stream().filter(d -> "FULL".equals(d.standing())).map(d -> d.member()).toList()
                : cells.members(c.cellId()).stream().map(m -> m.id()).toList();
        for (long member : roll) {
            String state = form.getOrDefault("m-" + member, "PRESENT");
            if (!state.equals("PRESENT")) {
                Integer alternate = number(form.get("alt-" + member));
                absences.add(new vn.baucu.party.Congresses.Absence(member, form.get("r-" + member),
                        state.equals("EXCUSED"), alternate == null ? null : alternate.longValue()));
            }
        }
        return forms.submit(model, locale, redirect, response, "party.page.saved", "/party/congresses/" + id,
                () -> congresses.recordAttendance(id, absences, number(form.get("version"))), () -> congress(id, model));
    }

    @PostMapping("/party/congresses/{id}/votes")
    String list(@PathVariable("id") long id, @RequestParam Map<String, String> form,
                @RequestParam(name = "nominee", required = false) java.util.List<Long> nominees, Model model,
                Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        java.util.List<vn.baucu.party.Congresses.FloorNomination> floor = number(form.get("floor")) == null
                ? java.util.List.of()
                : java.util.List.of(new vn.baucu.party.Congresses.FloorNomination(number(form.get("floor")).longValue(),
                        number(form.get("floorSupport"))));
        var list = new vn.baucu.party.Congresses.NewList(blank(form.get("body")), nominees == null ? java.util.List.of() : nominees,
                floor, number(form.get("listFor")), number(form.get("listAgainst")), blank(form.get("insteadOfHead")));
        return forms.submit(model, locale, redirect, response, "party.page.list-set", "/party/congresses/" + id,
                () -> congresses.setList(id, list), () -> congress(id, model));
    }

    @PostMapping("/party/congresses/{id}/votes/{vote}/entries")
    String enter(@PathVariable("id") long id, @PathVariable("vote") long vote, @RequestParam Map<String, String> form, Model model,
                 Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        java.util.List<vn.baucu.party.Congresses.CountEntry.MemberVotes> votes = new java.util.ArrayList<>();
        form.forEach((k, v) -> {
            if (k.startsWith("votes-")) {
                votes.add(new vn.baucu.party.Congresses.CountEntry.MemberVotes(Long.valueOf(k.substring(6)), whole(v)));
            }
        });
        var entry = new vn.baucu.party.Congresses.CountEntry(whole(form.get("electorate")), whole(form.get("participants")),
                whole(form.get("ballotsIssued")), whole(form.get("ballotsReturned")), whole(form.get("validBallots")),
                whole(form.get("invalidBallots")), votes);
        return forms.submit(model, locale, redirect, response, "party.page.entered", "/party/congresses/" + id,
                () -> congresses.enter(vote, entry, vn.baucu.platform.Idempotency.key(form.get("idempotencyKey"))),
                () -> congress(id, model));
    }

    /** How many piles of identical papers the count-from-papers form offers. */
    static final int PILES = 6;

    /**
     * One entry of a ballot's count from its papers as the counting committee sorts them: piles of identical papers,
     * each with how many papers it holds, whether the committee issued them and the mark against each name. baucu
     * judges every paper by the Party's rules and enters the counts (only the counts are stored).
     */
    @PostMapping("/party/congresses/{id}/votes/{vote}/ballots")
    String enterBallots(@PathVariable("id") long id, @PathVariable("vote") long vote, @RequestParam Map<String, String> form, Model model,
                        Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        return forms.submit(model, locale, redirect, response, "party.page.entered", "/party/congresses/" + id, () -> {
            var v = congresses.get(id).votes().stream().filter(x -> x.id() == vote).findFirst()
                    .orElseThrow(() -> vn.baucu.platform.DomainException.notFound("party.vote-not-found", vote));
            java.util.List<vn.baucu.rules.PartyBallotCount.Paper> papers = new java.util.ArrayList<>();
            for (int p = 0; p < PILES; p++) {
                Long n = whole(form.get("n-" + p));
                if (n == null || n == 0) {
                    continue;
                }
                if (n < 0 || n > 100_000) {
                    throw vn.baucu.platform.DomainException.badRequest("problem.malformed-body");
                }
                java.util.List<vn.baucu.rules.PartyBallotCount.Mark> marks = new java.util.ArrayList<>();
                for (var nominee : v.nominees()) {
                    String mark = form.get("m-" + p + "-" + nominee.memberId());
                    marks.add(mark == null ? null : java.util.Arrays.stream(vn.baucu.rules.PartyBallotCount.Mark.values())
                            .filter(m -> m.name().equals(mark)).findFirst().orElse(null));
                }
                var paper = new vn.baucu.rules.PartyBallotCount.Paper(!"false".equals(form.get("issued-" + p)), marks);
                for (long i = 0; i < n; i++) {
                    papers.add(paper);
                }
            }
            return congresses.enterBallots(vote, new vn.baucu.party.Congresses.BallotPapers(whole(form.get("participants")),
                    whole(form.get("ballotsIssued")), papers), vn.baucu.platform.Idempotency.key(form.get("idempotencyKey")));
        }, () -> congress(id, model));
    }

    @PostMapping("/party/congresses/{id}/votes/{vote}/resolution")
    String resolve(@PathVariable("id") long id, @PathVariable("vote") long vote, @RequestParam(name = "keep", required = false) String keep,
                   @RequestParam(name = "reenter", required = false) String reenter, Model model, Locale locale,
                   RedirectAttributes redirect, HttpServletResponse response) {
        return forms.submit(model, locale, redirect, response, "party.page.resolved", "/party/congresses/" + id,
                () -> congresses.resolve(vote, blank(keep), "true".equals(reenter)), () -> congress(id, model));
    }

    @PostMapping("/party/congresses/{id}/votes/{vote}/certification")
    String certify(@PathVariable("id") long id, @PathVariable("vote") long vote, @RequestParam(name = "version", required = false) String version,
                   Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        return forms.submit(model, locale, redirect, response, "party.page.certified", "/party/congresses/" + id,
                () -> congresses.certify(vote, number(version)), () -> congress(id, model));
    }

    @PostMapping("/party/congresses/{id}/closing")
    String close(@PathVariable("id") long id, @RequestParam(name = "version", required = false) String version, Model model, Locale locale,
                 RedirectAttributes redirect, HttpServletResponse response) {
        return forms.submit(model, locale, redirect, response, "party.page.closed", "/party/congresses/" + id,
                () -> congresses.close(id, number(version)), () -> congress(id, model));
    }

    @PostMapping("/party/congresses/{id}/ratification")
    String ratify(@PathVariable("id") long id, @RequestParam(name = "decisionNo", required = false) String decisionNo,
                  @RequestParam(name = "decidedOn", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
                  Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        return forms.submit(model, locale, redirect, response, "party.page.ratified", "/party/congresses/" + id,
                () -> congresses.ratify(id, decisionNo, decidedOn), () -> congress(id, model));
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** A whole number from a form field: null when empty, refused (naming the field's value) when not a number. */
    private static Integer number(String v) {
        Long n = whole(v);
        return n == null ? null : Math.toIntExact(Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n)));
    }

    private static Long whole(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw vn.baucu.platform.DomainException.malformed(java.util.List.of(vn.baucu.platform.Violation.of("P-400",
                    "number", "problem.bad-parameter", "number", v)));
        }
    }

    @GetMapping("/party/unified-post")
    String unifiedPost(@RequestParam(name = "scope", required = false) String scope, @RequestParam(name = "asOf", required = false) LocalDate asOf,
                       Model model) {
        String unit = scope == null || scope.isBlank() ? authorization.currentUser().unitCode() : scope.strip();
        LocalDate day = asOf == null ? units.today() : asOf;
        UnifiedPost.Report report = unifiedPost.report(unit == null ? "" : unit, day);
        model.addAttribute("report", report);
        model.addAttribute("scopeName", units.find(report.scope(), day).map(u -> u.name()).orElse(report.scope()));
        return "party/unified-post";
    }
}
