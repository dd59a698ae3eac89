package vn.baucu.voters.internal;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.baucu.election.Elections;
import vn.baucu.platform.DomainException;
import vn.baucu.platform.ProblemRenderer;
import vn.baucu.rules.RuleSet;
import vn.baucu.voters.VoterLists;

/**
 * The clerk's page: upload a list, see the report (every problem by row and column, the error file),
 * fix and upload again, then confirm. The confirmed import runs in the background; the page polls its
 * progress (htmx) from the database, so the browser never waits on one long request.
 */
@Controller
class VoterListPages {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(VoterListPages.class);

    private final VoterLists voterLists;
    private final vn.baucu.voters.VoterListChanges changes;
    private final Elections elections;
    private final ProblemRenderer problems;
    private final ImportJobs jobs;
    private final UploadStaging staging;
    private final org.springframework.core.task.TaskExecutor imports;
    private final vn.baucu.platform.Authorization authorization;

    VoterListPages(VoterLists voterLists, vn.baucu.voters.VoterListChanges changes, Elections elections,
                   ProblemRenderer problems, ImportJobs jobs,
                   @org.springframework.beans.factory.annotation.Qualifier(ImportExecutorConfig.VOTER_IMPORTS)
                   org.springframework.core.task.TaskExecutor imports, vn.baucu.platform.Authorization authorization,
                   UploadStaging staging) {
        this.jobs = jobs;
        this.staging = staging;
        this.imports = imports;
        this.authorization = authorization;
        this.voterLists = voterLists;
        this.changes = changes;
        this.elections = elections;
        this.problems = problems;
    }

    @GetMapping("/elections/{id}/voter-lists")
    String page(@PathVariable("id") long id, @RequestParam(name = "commune", required = false) String commune,
                @RequestParam(name = "find", required = false) String find, Model model) {
        model.addAttribute("election", elections.get(id));
        model.addAttribute("commune", commune);
        model.addAttribute("find", find);
        model.addAttribute("targets", voterLists.targets(id, commune));
        if (find != null && !find.isBlank()) {
            model.addAttribute("found", voterLists.search(id, find));
        }
        model.addAttribute("lists", changes.overview(id, commune, 500));
        return "voters/import";
    }

    @PostMapping("/elections/{id}/voter-lists/check")
    String check(@PathVariable("id") long id, @RequestParam("file") MultipartFile file,
                 @RequestParam(name = "pollingArea", required = false) Long pollingArea, @RequestParam(name = "village", required = false) String village,
                 Model model, Locale locale) throws IOException {
        var election = elections.get(id);
        model.addAttribute("election", election);
        model.addAttribute("pollingArea", pollingArea);
        model.addAttribute("village", village);
        model.addAttribute("targets", voterLists.targets(id, null));
        // only those who may import the list may stage a file (and it is checked again on confirming)
        voterLists.requireImporter(id, target(pollingArea, village));
        // read from the upload's own (on-disk) part each pass, and staged as a stream: never whole in memory
        java.util.function.Supplier<java.io.InputStream> content = () -> {
            try {
                return file.getInputStream();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        try {
            var report = voterLists.validate(file.getOriginalFilename(), content, RuleSet.valueOf(election.ruleSet()),
                    election.electionDay(), locale);
            model.addAttribute("report", report);
            // the upload is kept for a day: to confirm it when clean, or to download its error file
            UUID token;
            try (var in = content.get()) {
                token = staging.stage(file.getOriginalFilename(), in, authorization.currentUser().username());
            }
            if (report.rejected() == 0) {
                model.addAttribute("token", token);
            }
            if (!report.errors().isEmpty()) {
                model.addAttribute("errorsToken", token);
            }
        } catch (DomainException e) {
            vn.baucu.platform.PageForms.answerWith(e);
            model.addAttribute("problem", problems.render(e, locale));
            model.addAttribute("violations", problems.violations(e.violations(), locale));
        }
        return "voters/import";
    }

    /** The staged upload's rows with problems, with the added "Lỗi" column, in the uploaded format. */
    @GetMapping("/elections/{id}/voter-lists/staged/{token}/errors")
    org.springframework.http.ResponseEntity<byte[]> errorFile(@PathVariable("id") long id, @PathVariable("token") UUID token, Locale locale) {
        var election = elections.get(id);
        VoterLists.ErrorFile errors;
        try (var staged = staging.fetch(token, authorization.currentUser().username())) {
            errors = voterLists.errorFile(() -> open(staged.file()), RuleSet.valueOf(election.ruleSet()),
                    election.electionDay(), locale);
        }
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"loi-danh-sach."
                        + (errors.xlsx() ? "xlsx" : "csv") + "\"")
                .contentType(errors.xlsx()
                        ? org.springframework.http.MediaType.parseMediaType(
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        : new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(errors.body());
    }

    @PostMapping("/elections/{id}/voter-lists/confirm")
    String confirm(@PathVariable("id") long id, @RequestParam("token") UUID token, @RequestParam(name = "pollingArea", required = false) Long pollingArea,
                   @RequestParam(name = "village", required = false) String village, Model model, Locale locale) {
        var target = target(pollingArea, village);
        voterLists.requireImporter(id, target);
        String user = authorization.currentUser().username();
        staging.requireOwn(token, user);   // it exists and is this user's: refused here, in the request, if not
        UUID job = jobs.start(user);
        var context = SecurityContextHolder.getContext();
        imports.execute(() -> {
            SecurityContextHolder.setContext(context);
            try (var staged = staging.fetch(token, user)) {
                // counted here, not in the request; every pass reads the local copy of the staged upload
                jobs.total(job, voterLists.dataRows(() -> open(staged.file())));
                var report = voterLists.confirm(id, target, staged.fileName(), () -> open(staged.file()), locale,
                        n -> jobs.progress(job, n));
                jobs.finish(job, ImportJobs.Status.DONE,
                        problems.message("voter.import-done", new Object[] {report.accepted()}, locale, ""));
                staging.remove(token);
            } catch (DomainException e) {
                var p = problems.render(e, locale);
                String first = e.violations().isEmpty() ? "" : " " + problems.violations(e.violations(), locale).get(0).get("message");
                log.info("voter list import {} refused: {}", job, e.getMessage());
                jobs.finish(job, ImportJobs.Status.FAILED, p.getDetail() + first);
            } catch (RuntimeException | Error e) {
                log.error("voter list import {} failed", job, e);
                jobs.finish(job, ImportJobs.Status.FAILED, problems.message("problem.internal", new Object[0], locale, ""));
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        model.addAttribute("election", elections.get(id));
        model.addAttribute("job", job);
        return "voters/import";
    }

    @GetMapping("/elections/{id}/voter-lists/jobs/{job}")
    String progress(@PathVariable("id") long id, @PathVariable("job") UUID job, Model model) {
        var user = authorization.currentUser();
        model.addAttribute("electionId", id);
        model.addAttribute("progress", jobs.view(job, user.username(), user.isSystemAdmin()));
        return "voters/import :: progress";
    }

    private static java.io.InputStream open(java.nio.file.Path file) {
        try {
            return new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file), 1 << 16);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static VoterLists.Target target(Long pollingArea, String village) {
        return new VoterLists.Target(pollingArea, village == null || village.isBlank() ? null : village.strip());
    }
}
