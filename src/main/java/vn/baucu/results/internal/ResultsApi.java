package vn.baucu.results.internal;

import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.baucu.results.ContestResults;

/** contracts/results.md, the officials' live document; and the recomputation an official can ask for. */
@RestController
@Tag(name = "Results", description = "Legal outcomes from certified minutes (contracts/results.md)")
class ResultsApi {

    private final ResultsReport report;
    private final ContestResults results;
    private final RecognitionPdf recognitionPdf;
    private final UnitResultPdf unitResultPdf;
    private final Snapshots snapshots;
    private final OpenData openData;
    private final SnapshotCache documents;

    ResultsApi(ResultsReport report, ContestResults results, RecognitionPdf recognitionPdf, UnitResultPdf unitResultPdf,
               Snapshots snapshots, OpenData openData, SnapshotCache documents) {
        this.documents = documents;
        this.snapshots = snapshots;
        this.openData = openData;
        this.report = report;
        this.results = results;
        this.recognitionPdf = recognitionPdf;
        this.unitResultPdf = unitResultPdf;
    }

    @GetMapping(path = "/api/v1/elections/{id}/contests/{place}/result-minutes.pdf",
            produces = org.springframework.http.MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The election board's minutes of the result in an electoral unit (Điều 77), summed from its polling areas")
    ResponseEntity<byte[]> unitResult(@PathVariable("id") long id, @PathVariable("place") String place) {
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .body(unitResultPdf.render(id, place));
    }

    record FollowUpRequest(java.time.LocalDate electionDay) {
    }

    @PostMapping("/api/v1/elections/{id}/contests/{place}/follow-up")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @Operation(summary = "The re-election the result calls for: a new election of the village with the same list and eligible candidates")
    vn.baucu.election.ElectionView followUp(@PathVariable("id") long id, @PathVariable("place") String place,
                                            @org.springframework.web.bind.annotation.RequestBody FollowUpRequest r) {
        if (r == null) {
            throw vn.baucu.platform.DomainException.badRequest("problem.malformed-body");
        }
        return results.startFollowUp(id, place, r.electionDay());
    }

    record UnheldRequest(String decisionRef, java.time.LocalDate decidedOn, String reason) {
    }

    @PostMapping("/api/v1/elections/{id}/contests/{place}/follow-up/unheld")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @Operation(summary = "The National Election Council's decision to hold no additional election for an NA unit left short (Điều 79 khoản 1): the seats stay vacant")
    ContestResults.LeftUnheld unheld(@PathVariable("id") long id, @PathVariable("place") String place,
                                     @org.springframework.web.bind.annotation.RequestBody UnheldRequest r) {
        if (r == null) {
            throw vn.baucu.platform.DomainException.badRequest("problem.malformed-body");
        }
        return results.leaveUnheld(id, place, r.decisionRef(), r.decidedOn(), r.reason());
    }

    record InterimRequest(String fullName, String decisionNo, java.time.LocalDate appointedOn,
                          java.time.LocalDate servesUntil, Boolean frontAgreed) {
    }

    @PostMapping("/api/v1/elections/{id}/contests/{place}/interim-head")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @Operation(summary = "The interim head the commune appoints while nobody is elected (6 months at most under the 2008 rules)")
    ContestResults.InterimHead interim(@PathVariable("id") long id, @PathVariable("place") String place,
                                       @org.springframework.web.bind.annotation.RequestBody InterimRequest r) {
        if (r == null) {
            throw vn.baucu.platform.DomainException.badRequest("problem.malformed-body");
        }
        return results.appointInterimHead(id, place, r.fullName(), r.decisionNo(), r.appointedOn(), r.servesUntil(),
                Boolean.TRUE.equals(r.frontAgreed()));
    }

    record RecognitionRequest(String decisionNo, java.time.LocalDate decidedOn, String signedBy) {
    }

    @PostMapping("/api/v1/elections/{id}/contests/{place}/recognition")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @Operation(summary = "The commune chair's decision recognising the village head elected by the certified minutes")
    ContestResults.Recognition recognise(@PathVariable("id") long id, @PathVariable("place") String place,
                                         @org.springframework.web.bind.annotation.RequestBody RecognitionRequest r) {
        if (r == null) {
            throw vn.baucu.platform.DomainException.badRequest("problem.malformed-body");
        }
        return results.recognise(id, place, r.decisionNo(), r.decidedOn(), r.signedBy());
    }

    @GetMapping(path = "/api/v1/elections/{id}/contests/{place}/recognition.pdf",
            produces = org.springframework.http.MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The recognition decision (Quyết định công nhận) as a PDF")
    ResponseEntity<byte[]> recognitionPdf(@PathVariable("id") long id, @PathVariable("place") String place) {
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .body(recognitionPdf.render(id, place));
    }

    @GetMapping("/api/v1/elections/{id}/results")
    @Operation(summary = "The live results of an election for officials: summary, units, every contest with its outcome")
    ResponseEntity<Map<String, Object>> results(@PathVariable("id") long id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(report.document(id));
    }

    @PostMapping("/api/v1/elections/{id}/results/publications")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @Operation(summary = "Publish the results as a new immutable snapshot (never for a rehearsal)")
    Map<String, Object> publish(@PathVariable("id") long id) {
        var s = snapshots.publish(id);
        return Map.of("version", s.version(), "publishedAt", s.publishedAt().toString(), "sha256", s.sha256());
    }

    @GetMapping(path = "/api/v1/public/elections/{id}/results", produces = "application/json")
    @Operation(summary = "Public: the latest published snapshot (?version=N for an earlier one); 404 before any, always for a rehearsal")
    ResponseEntity<byte[]> published(@PathVariable("id") long id,
                                     @org.springframework.web.bind.annotation.RequestParam(name = "version", required = false) Integer version,
                                     org.springframework.web.context.request.WebRequest request) {
        var head = snapshots.servedHead(id, version)
                .orElseThrow(() -> vn.baucu.platform.DomainException.notFound("results.not-published", id));
        CacheControl cache = CacheControl.maxAge(java.time.Duration.ofSeconds(version == null ? 60 : 86_400)).cachePublic();
        // each encoding is its own representation with its own validator
        boolean gzip = SnapshotCache.acceptsGzip(request.getHeader("Accept-Encoding"));
        String etag = "\"" + head.sha256() + (gzip ? "-gzip" : "") + "\"";
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(org.springframework.http.HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache)
                    .varyBy("Accept-Encoding").build();
        }
        // the document of a snapshot never changes: read from the database once per node, then from memory
        String key = "json:" + head.sha256();
        byte[] body = documents.get(key, () -> snapshots.published(id, head.version())
                .orElseThrow().document().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var ok = ResponseEntity.ok().eTag(etag).cacheControl(cache).varyBy("Accept-Encoding")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return gzip ? ok.header("Content-Encoding", "gzip").body(documents.gzipped(key, body)) : ok.body(body);
    }

    @GetMapping(path = "/api/v1/public/elections/{id}/download.zip", produces = "application/zip")
    @Operation(summary = "Public open data: the published snapshot, every certified minutes behind it exactly as hashed, "
            + "CSV of both, and a manifest of SHA-256 hashes (check it with: java -jar baucu.jar verify <download>)")
    ResponseEntity<byte[]> download(@PathVariable("id") long id,
                                    @org.springframework.web.bind.annotation.RequestParam(name = "version", required = false) Integer version) {
        var s = snapshots.published(id, version).orElseThrow(() -> vn.baucu.platform.DomainException.notFound("results.not-published", id));
        return ResponseEntity.ok().eTag("\"" + s.sha256() + "-zip\"")
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofSeconds(version == null ? 60 : 86_400)).cachePublic())
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"ket-qua-" + id + "-ban-" + s.version() + ".zip\"")
                .body(openData.download(s));
    }

    @GetMapping(path = "/api/v1/public/elections/{id}/results.csv", produces = "text/csv;charset=UTF-8")
    @Operation(summary = "Public: the published snapshot as CSV, one row per contest and candidate")
    ResponseEntity<String> publishedCsv(@PathVariable("id") long id,
                                        @org.springframework.web.bind.annotation.RequestParam(name = "version", required = false) Integer version) {
        var s = snapshots.published(id, version).orElseThrow(() -> vn.baucu.platform.DomainException.notFound("results.not-published", id));
        return ResponseEntity.ok().eTag("\"" + s.sha256() + "-csv\"")
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofSeconds(60)).cachePublic()).body(snapshots.csv(s));
    }

    @GetMapping(path = "/api/v1/public/elections/{id}/contests/{place}", produces = "application/json")
    @Operation(summary = "Public: one contest of the published snapshot with every polling area's certified figures")
    ResponseEntity<Map<String, Object>> publishedContest(@PathVariable("id") long id, @PathVariable("place") String place,
            @org.springframework.web.bind.annotation.RequestParam(name = "version", required = false) Integer version) {
        var s = snapshots.published(id, version).orElseThrow(() -> vn.baucu.platform.DomainException.notFound("results.not-published", id));
        Map<String, Object> contest = snapshots.contest(s, place)
                .orElseThrow(() -> vn.baucu.platform.DomainException.notFound("body.contest-not-found", place));
        return ResponseEntity.ok().eTag("\"" + s.sha256() + "-" + place + "\"")
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofSeconds(60)).cachePublic()).body(contest);
    }

    @GetMapping("/api/v1/public/elections")
    @Operation(summary = "Public: the elections that have published something, newest first, with their latest snapshot")
    ResponseEntity<List<Map<String, Object>>> publishedElections() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofSeconds(60)).cachePublic())
                .body(snapshots.publishedElections());
    }

    record Recomputation(int contests, List<String> differed) {
    }

    @PostMapping("/api/v1/elections/{id}/results/recomputation")
    @Operation(summary = "Recompute every contest from its certified minutes; lists the contests whose stored result differed")
    Recomputation recompute(@PathVariable("id") long id) {
        List<String> differed = results.recomputeAll(id);
        return new Recomputation(report.contestCount(id), differed);
    }
}
