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

import jakarta.servlet.http.HttpServletRequest;
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
    private final SnapshotCache pages;
    private final org.springframework.web.servlet.ViewResolver views;
    private final org.springframework.web.servlet.LocaleResolver locales;
    private final vn.baucu.platform.Authorization authorization;
    /** The latest few snapshots arranged by level, least recently used first out. */
    private final Map<String, PortalTree> trees = new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PortalTree> eldest) {
            return size() > 4;
        }
    };

    ResultsPortal(Snapshots snapshots, CountingMinutes minutes, JsonMapper json, SnapshotCache pages,
                  @org.springframework.beans.factory.annotation.Qualifier("thymeleafViewResolver")
                  org.springframework.web.servlet.ViewResolver views,
                  org.springframework.web.servlet.LocaleResolver locales, vn.baucu.platform.Authorization authorization) {
        this.pages = pages;
        this.views = views;
        this.locales = locales;
        this.authorization = authorization;
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
    void election(@PathVariable("id") long id, @RequestParam(name = "version", required = false) Integer version, Model model,
                  HttpServletRequest request, HttpServletResponse response) throws Exception {
        Snapshots.Head head = snapshots.servedHead(id, version)
                .orElseThrow(() -> DomainException.notFound("results.not-published", id));
        serve(head, "election", "results/portal-election", model, request, response, () -> {
            PortalTree tree = tree(head);
            fillLevel(model, head, tree, tree.top(), true);
        });
    }

    /**
     * One administrative unit of a published snapshot: its figures, the units directly under it (each a link one
     * level down) and the contests held in it, with the units above it as crumbs. 404 for a unit the snapshot has not.
     */
    @GetMapping("/portal/results/{id}/units/{code}")
    void unit(@PathVariable("id") long id, @PathVariable("code") String code,
              @RequestParam(name = "version", required = false) Integer version, Model model,
              HttpServletRequest request, HttpServletResponse response) throws Exception {
        Snapshots.Head head = snapshots.servedHead(id, version)
                .orElseThrow(() -> DomainException.notFound("results.not-published", id));
        PortalTree tree = tree(head);
        PortalTree.Level level = tree.at(code);
        if (level == null) {
            throw DomainException.notFound("results.unit-not-published", code);
        }
        serve(head, "unit-" + code, "results/portal-election", model, request, response,
                () -> fillLevel(model, head, tree, level, false));
    }

    private void fillLevel(Model model, Snapshots.Head s, PortalTree tree, PortalTree.Level level, boolean top) {
        model.addAttribute("election", tree.election());
        model.addAttribute("summary", tree.summary());
        model.addAttribute("level", level);
        model.addAttribute("top", top);
        model.addAttribute("snapshot", s);
        model.addAttribute("electionId", s.electionId());
    }

    @GetMapping("/portal/results/{id}/contests/{place}")
    void contest(@PathVariable("id") long id, @PathVariable("place") String place, @RequestParam(name = "version", required = false) Integer version,
                 Model model, HttpServletRequest request, HttpServletResponse response) throws Exception {
        Snapshots.Head head = snapshots.servedHead(id, version)
                .orElseThrow(() -> DomainException.notFound("results.not-published", id));
        serve(head, "contest-" + place, "results/portal-contest", model, request, response, () -> {
            Snapshots.Snapshot s = snapshots.published(id, head.version()).orElseThrow();
            Map<String, Object> contest = snapshots.contest(s, place)
                    .orElseThrow(() -> DomainException.notFound("body.contest-not-found", place));
            PortalTree tree = tree(head);
            model.addAttribute("contest", contest);
            model.addAttribute("crumbs", tree.aboveContest(contest));
            model.addAttribute("snapshot", s);
            model.addAttribute("electionId", id);
            model.addAttribute("electionName", tree.election().get("name"));
        });
    }

    /**
     * The snapshot's document arranged by level, made once per snapshot and node and kept for the few latest (a
     * snapshot never changes, so its hash is the key and nothing needs invalidating; see {@link SnapshotCache}).
     */
    @SuppressWarnings("unchecked")
    private PortalTree tree(Snapshots.Head head) {
        synchronized (trees) {
            PortalTree hit = trees.get(head.sha256());
            if (hit != null) {
                return hit;
            }
        }
        Snapshots.Snapshot s = snapshots.published(head.electionId(), head.version()).orElseThrow();
        PortalTree made = PortalTree.of(json.readValue(s.document(), Map.class));
        synchronized (trees) {
            trees.put(head.sha256(), made);
        }
        return made;
    }

    /**
     * Answers a page of a published snapshot: 304 to a client that holds it, else the page rendered once per node for
     * everyone without a login (it then holds nothing of any user: no name, no session, no CSRF token) and kept by the
     * snapshot's hash, page and language ({@link SnapshotCache}); a signed-in official gets it rendered for them.
     */
    private void serve(Snapshots.Head head, String page, String view, Model model, HttpServletRequest request,
                       HttpServletResponse response, Runnable fill) throws Exception {
        java.util.Locale locale = locales.resolveLocale(request);
        boolean anonymous = authorization.currentUserOrNull() == null;
        // each encoding is its own representation with its own validator (only the page kept for everyone is gzipped)
        boolean gzip = anonymous && SnapshotCache.acceptsGzip(request.getHeader("Accept-Encoding"));
        String etag = "\"" + head.sha256() + "-" + page + "-" + locale.getLanguage() + (gzip ? "-gzip" : "") + "\"";
        response.setHeader("Cache-Control", CacheControl.maxAge(java.time.Duration.ofSeconds(60)).cachePublic()
                .getHeaderValue());
        response.setHeader("Vary", "Accept-Language, Accept-Encoding, Cookie");
        if (new org.springframework.web.context.request.ServletWebRequest(request, response).checkNotModified(etag)) {
            return;
        }
        response.setHeader("ETag", etag);
        java.util.function.Supplier<byte[]> render = () -> {
            fill.run();
            return render(view, model, locale, request, response);
        };
        String key = "page:" + head.sha256() + ":" + page + ":" + locale.getLanguage();
        byte[] body = anonymous ? pages.get(key, render) : render.get();
        if (gzip) {
            body = pages.gzipped(key, body);
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private byte[] render(String name, Model model, java.util.Locale locale, HttpServletRequest request,
                          HttpServletResponse response) {
        try {
            org.springframework.web.servlet.View view = views.resolveViewName(name, locale);
            var capture = new org.springframework.web.util.ContentCachingResponseWrapper(response);
            view.render(model.asMap(), request, capture);
            capture.flushBuffer();
            return capture.getContentAsByteArray();
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    /**
     * The verification page: the SHA-256 printed (and in the QR code) on a paper minutes is looked up among the
     * certified minutes; a match shows the certified figures beside the place for the visitor's own paper, and says
     * whether the latest published results of that election use this very minutes.
     */
    @GetMapping("/portal/verify")
    @SuppressWarnings("unchecked")
    String verify(@RequestParam(name = "sha256", required = false) String sha256, Model model) {
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
}
