package vn.baucu.voters.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final JdbcClient jdbc;
    private final ProblemRenderer problems;
    private final Clock clock;
    private final ImportJobs jobs;
    private final org.springframework.core.task.TaskExecutor imports;
    private final vn.baucu.platform.Authorization authorization;

    VoterListPages(VoterLists voterLists, vn.baucu.voters.VoterListChanges changes, Elections elections, JdbcClient jdbc,
                   ProblemRenderer problems, Clock clock, ImportJobs jobs,
                   @org.springframework.beans.factory.annotation.Qualifier(ImportExecutorConfig.VOTER_IMPORTS)
                   org.springframework.core.task.TaskExecutor imports, vn.baucu.platform.Authorization authorization) {
        this.jobs = jobs;
        this.imports = imports;
        this.authorization = authorization;
        this.voterLists = voterLists;
        this.changes = changes;
        this.elections = elections;
        this.jdbc = jdbc;
        this.problems = problems;
        this.clock = clock;
    }

    @GetMapping("/elections/{id}/voter-lists")
    String page(@PathVariable long id, @RequestParam(required = false) String commune,
                @RequestParam(required = false) String find, Model model) {
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
    String check(@PathVariable long id, @RequestParam("file") MultipartFile file,
                 @RequestParam(required = false) Long pollingArea, @RequestParam(required = false) String village,
                 Model model, Locale locale) throws IOException {
        var election = elections.get(id);
        model.addAttribute("election", election);
        model.addAttribute("pollingArea", pollingArea);
        model.addAttribute("village", village);
        model.addAttribute("targets", voterLists.targets(id, null));
        // only those who may import the list may stage a file (and it is checked again on confirming)
        voterLists.requireImporter(id, target(pollingArea, village));
        byte[] bytes = file.getBytes();
        try {
            var report = voterLists.validate(file.getOriginalFilename(), () -> new ByteArrayInputStream(bytes),
                    RuleSet.valueOf(election.ruleSet()), election.electionDay(), locale);
            model.addAttribute("report", report);
            // the upload is kept for a day: to confirm it when clean, or to download its error file
            UUID token = UUID.randomUUID();
            jdbc.sql("delete from upload_staging where uploaded_at < :cutoff")
                    .param("cutoff", Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(1)))).update();
            jdbc.sql("""
                            insert into upload_staging (token, file_name, content, uploaded_by, uploaded_at)
                            values (:t, :f, :c, :by, :at)""")
                    .param("t", token).param("f", String.valueOf(file.getOriginalFilename())).param("c", bytes)
                    .param("by", SecurityContextHolder.getContext().getAuthentication().getName())
                    .param("at", Timestamp.from(clock.instant())).update();
            if (report.rejected() == 0) {
                model.addAttribute("token", token);
            }
            if (!report.errors().isEmpty()) {
                model.addAttribute("errorsToken", token);
            }
        } catch (DomainException e) {
            model.addAttribute("problem", problems.render(e, locale));
            model.addAttribute("violations", problems.violations(e.violations(), locale));
        }
        return "voters/import";
    }

    /** An upload this user staged (only they may use it). */
    private Map<String, Object> staged(UUID token) {
        var staged = jdbc.sql("select file_name, content, uploaded_by from upload_staging where token = :t").param("t", token)
                .query((rs, i) -> Map.<String, Object>of("name", rs.getString(1), "content", rs.getBytes(2), "by", rs.getString(3)))
                .optional().orElseThrow(() -> DomainException.notFound("voter.upload-expired"));
        String me = SecurityContextHolder.getContext().getAuthentication().getName();
        if (!staged.get("by").equals(me)) {
            throw DomainException.forbidden("problem.forbidden");
        }
        return staged;
    }

    /** The staged upload's rows with problems, with the added "Lỗi" column, in the uploaded format. */
    @GetMapping("/elections/{id}/voter-lists/staged/{token}/errors")
    org.springframework.http.ResponseEntity<byte[]> errorFile(@PathVariable long id, @PathVariable UUID token, Locale locale) {
        var election = elections.get(id);
        byte[] bytes = (byte[]) staged(token).get("content");
        var errors = voterLists.errorFile(() -> new ByteArrayInputStream(bytes), RuleSet.valueOf(election.ruleSet()),
                election.electionDay(), locale);
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
    String confirm(@PathVariable long id, @RequestParam UUID token, @RequestParam(required = false) Long pollingArea,
                   @RequestParam(required = false) String village, Model model, Locale locale) {
        var staged = staged(token);
        byte[] bytes = (byte[]) staged.get("content");
        var target = target(pollingArea, village);
        voterLists.requireImporter(id, target);
        UUID job = jobs.start(authorization.currentUser().username());
        var context = SecurityContextHolder.getContext();
        imports.execute(() -> {
            SecurityContextHolder.setContext(context);
            try {
                jobs.total(job, voterLists.dataRows(() -> new ByteArrayInputStream(bytes)));   // counted here, not in the request
                var report = voterLists.confirm(id, target, (String) staged.get("name"), () -> new ByteArrayInputStream(bytes),
                        locale, n -> jobs.progress(job, n));
                jobs.finish(job, ImportJobs.Status.DONE,
                        problems.message("voter.import-done", new Object[] {report.accepted()}, locale, ""));
                jdbc.sql("delete from upload_staging where token = :t").param("t", token).update();
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
    String progress(@PathVariable long id, @PathVariable UUID job, Model model) {
        var user = authorization.currentUser();
        model.addAttribute("electionId", id);
        model.addAttribute("progress", jobs.view(job, user.username(), user.isSystemAdmin()));
        return "voters/import :: progress";
    }

    private static VoterLists.Target target(Long pollingArea, String village) {
        return new VoterLists.Target(pollingArea, village == null || village.isBlank() ? null : village.strip());
    }
}
