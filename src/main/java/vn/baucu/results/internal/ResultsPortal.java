package vn.baucu.results.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;
import vn.baucu.counting.CountingMinutes;
import vn.baucu.platform.DomainException;

/**
 * The public results portal, without a login and without JavaScript: the elections that have published something,
 * an election's published snapshot from the province down to each village or electoral unit (each page says which
 * version it shows and when it was published), one contest with every certified minutes behind it (its PDF and
 * SHA-256), and the verification page the QR code on each paper minutes points to. Everything comes from the
 * immutable snapshots, never from live data; a rehearsal never shows.
 */
@Controller
class ResultsPortal {

    private final Snapshots snapshots;
    private final CountingMinutes minutes;
    private final JsonMapper json;

    ResultsPortal(Snapshots snapshots, CountingMinutes minutes, JsonMapper json) {
        this.snapshots = snapshots;
        this.minutes = minutes;
        this.json = json;
    }

    @GetMapping("/portal/results")
    String elections(Model model, HttpServletResponse response) {
        model.addAttribute("elections", snapshots.publishedElections());
        response.setHeader("Cache-Control", CacheControl.maxAge(java.time.Duration.ofSeconds(60)).cachePublic()
                .getHeaderValue());
        return "results/portal-elections";
    }

    @GetMapping("/portal/results/{id}")
    @SuppressWarnings("unchecked")
    String election(@PathVariable long id, @RequestParam(required = false) Integer version, Model model,
                    HttpServletResponse response) {
        Snapshots.Snapshot s = snapshots.published(id, version)
                .orElseThrow(() -> DomainException.notFound("results.not-published", id));
        cache(response, s, "election");
        model.addAttribute("doc", json.readValue(s.document(), Map.class));
        model.addAttribute("snapshot", s);
        model.addAttribute("electionId", id);
        return "results/portal-election";
    }

    @GetMapping("/portal/results/{id}/contests/{place}")
    String contest(@PathVariable long id, @PathVariable String place, @RequestParam(required = false) Integer version,
                   Model model, HttpServletResponse response) {
        Snapshots.Snapshot s = snapshots.published(id, version)
                .orElseThrow(() -> DomainException.notFound("results.not-published", id));
        Map<String, Object> contest = snapshots.contest(s, place)
                .orElseThrow(() -> DomainException.notFound("body.contest-not-found", place));
        cache(response, s, "contest-" + place);
        model.addAttribute("contest", contest);
        model.addAttribute("snapshot", s);
        model.addAttribute("electionId", id);
        model.addAttribute("electionName", ((Map<?, ?>) json.readValue(s.document(), Map.class).get("election")).get("name"));
        return "results/portal-contest";
    }

    /**
     * The verification page: the SHA-256 printed (and in the QR code) on a paper minutes is looked up among the
     * certified minutes; a match shows the certified figures beside the place for the visitor's own paper, and says
     * whether the latest published results of that election use this very minutes.
     */
    @GetMapping("/portal/verify")
    @SuppressWarnings("unchecked")
    String verify(@RequestParam(required = false) String sha256, Model model) {
        model.addAttribute("sha256", sha256 == null ? "" : sha256.strip());
        if (sha256 == null || sha256.isBlank()) {
            return "results/portal-verify";
        }
        String hash = sha256.strip().toLowerCase(java.util.Locale.ROOT);
        Optional<String> canonical = minutes.certifiedBySha(hash);
        model.addAttribute("checked", true);
        model.addAttribute("found", canonical.isPresent());
        canonical.ifPresent(text -> {
            Map<String, Object> data = json.readValue(text, Map.class);
            model.addAttribute("minutes", data);
            long election = ((Number) ((Map<String, Object>) data.get("election")).get("id")).longValue();
            Optional<Snapshots.Snapshot> latest = snapshots.published(election, null);
            model.addAttribute("published", latest.map(s -> s.document().contains(hash)).orElse(false));
            model.addAttribute("snapshot", latest.orElse(null));
            model.addAttribute("electionId", election);
            List<Map.Entry<String, Object>> figures = new ArrayList<>(((Map<String, Object>) data.get("figures")).entrySet());
            figures.removeIf(e -> e.getValue() == null || e.getValue() instanceof Map);
            model.addAttribute("figures", figures);
        });
        return "results/portal-verify";
    }

    private static void cache(HttpServletResponse response, Snapshots.Snapshot s, String page) {
        response.setHeader("ETag", "\"" + s.sha256() + "-" + page + "\"");
        response.setHeader("Cache-Control", CacheControl.maxAge(java.time.Duration.ofSeconds(60)).cachePublic()
                .getHeaderValue());
    }
}
