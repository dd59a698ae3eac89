package vn.baucu.counting.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.baucu.counting.CountingMinutes;
import vn.baucu.counting.EntryReceipt;
import vn.baucu.counting.MinutesEntry;
import vn.baucu.counting.MinutesSummary;
import vn.baucu.counting.MinutesView;
import vn.baucu.counting.Notice;
import vn.baucu.platform.DomainException;
import vn.baucu.platform.Idempotency;
import vn.baucu.platform.ProblemRenderer;
import vn.baucu.platform.Versions;

/** contracts/counting-minutes.md: entering, resolving, certifying and correcting the minutes of a contest. */
@RestController
@Tag(name = "Counting minutes", description = "Entered twice, checked, resolved, certified, corrected (contracts/counting-minutes.md)")
class MinutesApi {

    private static final String BASE = "/api/v1/elections/{id}/contests/{place}/minutes";

    private final CountingMinutes minutes;
    private final MinutesPdf pdf;
    private final MinutesWorkbook workbook;
    private final ProblemRenderer renderer;

    MinutesApi(CountingMinutes minutes, MinutesPdf pdf, MinutesWorkbook workbook, ProblemRenderer renderer) {
        this.minutes = minutes;
        this.pdf = pdf;
        this.workbook = workbook;
        this.renderer = renderer;
    }

    @GetMapping(path = "/api/v1/elections/{id}/communes/{commune}/minutes-template.xlsx")
    @Operation(summary = "The commune's Excel workbook of minutes: a sheet per contest, a row per polling place, the ballot's names")
    ResponseEntity<byte[]> template(@PathVariable("id") long id, @PathVariable("commune") String commune, Locale locale) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bien-ban-" + commune + ".xlsx\"")
                .body(workbook.template(id, commune, locale));
    }

    @PostMapping(path = "/api/v1/elections/{id}/communes/{commune}/minutes-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "The filled workbook as entries: every row checked, all or nothing; a second entry is still needed")
    ResponseEntity<List<Map<String, Object>>> importEntries(@PathVariable("id") long id, @PathVariable("commune") String commune,
            @org.springframework.web.bind.annotation.RequestParam("file") org.springframework.web.multipart.MultipartFile file,
            Locale locale) throws java.io.IOException {
        var receipts = workbook.importEntries(id, commune, file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.status(HttpStatus.CREATED).body(receipts.stream().map(r -> receipt(r, locale)).toList());
    }

    @PostMapping(BASE + "/entries")
    @Operation(summary = "One of the two independent entries of a paper minutes (Idempotency-Key required)")
    ResponseEntity<Map<String, Object>> enter(@PathVariable("id") long id, @PathVariable("place") String place,
                                              @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                              @RequestBody MinutesEntry entry, Locale locale) {
        if (entry == null) {
            throw DomainException.badRequest("problem.malformed-body");
        }
        Idempotency.Outcome<EntryReceipt> outcome = minutes.enter(id, place, entry, Idempotency.key(key), "API");
        return ResponseEntity.status(outcome.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .eTag(Versions.etag(outcome.body().minutes().version()))
                .body(receipt(outcome.body(), locale));
    }

    Map<String, Object> receipt(EntryReceipt r, Locale locale) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("minutes", r.minutes());
        out.put("differences", r.differences());
        out.put("warnings", notices(r.warnings(), locale));
        return out;
    }

    private List<Map<String, Object>> notices(List<Notice> notices, Locale locale) {
        return notices.stream().map(n -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", n.code());
            m.put("field", n.field());
            m.put("message", renderer.message(n.messageKey(), n.args().toArray(), locale, n.messageKey()));
            m.put("explanation", n.explanation());
            return m;
        }).toList();
    }

    record Resolution(String keep, Boolean reenter) {
    }

    @PostMapping(BASE + "/{minutesId}/resolution")
    @Operation(summary = "A coordinator of the commune who made neither entry keeps FIRST or SECOND, or sends the minutes back (reenter)")
    MinutesSummary resolve(@PathVariable("id") long id, @PathVariable("place") String place, @PathVariable("minutesId") long minutesId,
                           @RequestBody Resolution r) {
        if (r == null) {
            throw DomainException.badRequest("problem.malformed-body");
        }
        return minutes.resolve(id, place, minutesId, r.keep(), Boolean.TRUE.equals(r.reenter()));
    }

    record Certification(String signedBy) {
    }

    @PostMapping(BASE + "/{minutesId}/certification")
    @Operation(summary = "The commune's official certifies verified minutes (If-Match: the current version); frozen from then on")
    ResponseEntity<MinutesSummary> certify(@PathVariable("id") long id, @PathVariable("place") String place, @PathVariable("minutesId") long minutesId,
                                           @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                           @RequestBody(required = false) Certification c) {
        MinutesSummary s = minutes.certify(id, place, minutesId, Versions.ifMatch(ifMatch), c == null ? null : c.signedBy());
        return ResponseEntity.ok().eTag(Versions.etag(s.version())).body(s);
    }

    record Correction(String reason, String decision) {
    }

    @PostMapping(BASE + "/{minutesId}/corrections")
    @Operation(summary = "Opens version n+1 of certified minutes, with its reason and decision; version n stays readable")
    ResponseEntity<MinutesSummary> correct(@PathVariable("id") long id, @PathVariable("place") String place, @PathVariable("minutesId") long minutesId,
                                           @RequestBody Correction c) {
        if (c == null) {
            throw DomainException.badRequest("problem.malformed-body");
        }
        MinutesSummary s = minutes.correct(id, place, minutesId, c.reason(), c.decision());
        return ResponseEntity.status(HttpStatus.CREATED).eTag(Versions.etag(s.version())).body(s);
    }

    record Scan(String sha256) {
    }

    @org.springframework.web.bind.annotation.PutMapping(path = BASE + "/{minutesId}/scan",
            consumes = {MediaType.IMAGE_JPEG_VALUE, MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "Attach a photo (JPEG) or scan (PDF) of the signed paper to the current version, hashed")
    Scan attach(@PathVariable("id") long id, @PathVariable("place") String place, @PathVariable("minutesId") long minutesId, @RequestBody byte[] content) {
        return new Scan(minutes.attachScan(id, place, minutesId, content));
    }

    @GetMapping(BASE + "/{minutesId}/versions/{version}/scan")
    @Operation(summary = "The photo or scan of the signed paper of a version")
    ResponseEntity<byte[]> scan(@PathVariable("id") long id, @PathVariable("place") String place, @PathVariable("minutesId") long minutesId,
                                @PathVariable("version") int version) {
        Object[] s = minutes.scan(id, place, minutesId, version)
                .orElseThrow(() -> DomainException.notFound("counting.no-scan", minutesId, version));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType((String) s[1])).body((byte[]) s[0]);
    }

    @GetMapping(BASE)
    @Operation(summary = "Every minutes of the contest that the user may read, with status and version")
    List<MinutesSummary> list(@PathVariable("id") long id, @PathVariable("place") String place) {
        return minutes.list(id, place);
    }

    @GetMapping(BASE + "/{minutesId}")
    @Operation(summary = "One minutes with every version; figures are hidden while a version waits for its second entry")
    ResponseEntity<MinutesView> get(@PathVariable("id") long id, @PathVariable("place") String place, @PathVariable("minutesId") long minutesId) {
        MinutesView v = minutes.get(id, place, minutesId);
        return ResponseEntity.ok().eTag(Versions.etag(v.minutes().version())).cacheControl(CacheControl.noCache()).body(v);
    }

    @GetMapping(path = BASE + "/{minutesId}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The official minutes: figures and words, incidents, signatures, SHA-256 and QR code")
    ResponseEntity<byte[]> pdf(@PathVariable("id") long id, @PathVariable("place") String place, @PathVariable("minutesId") long minutesId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"bien-ban-kiem-phieu-" + minutesId + ".pdf\"")
                .body(pdf.render(id, place, minutesId));
    }

    @GetMapping(path = "/api/v1/public/minutes/{sha256}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Public: the official PDF of the certified minutes with this SHA-256 (never a rehearsal)")
    ResponseEntity<byte[]> publishedPdf(@PathVariable("sha256") String sha256) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic())
                .body(pdf.renderCertified(sha256));
    }

    @GetMapping(path = "/api/v1/public/minutes/{sha256}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Public: the certified data of a minutes by the SHA-256 printed on it (never a rehearsal)")
    ResponseEntity<String> published(@PathVariable("sha256") String sha256) {
        return minutes.certifiedBySha(sha256)
                .map(body -> ResponseEntity.ok().eTag("\"" + sha256.toLowerCase() + "\"")
                        .header(HttpHeaders.LINK, "</api/v1/public/minutes/" + sha256.toLowerCase()
                                + ".pdf>; rel=\"alternate\"; type=\"application/pdf\"")
                        .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic()).body(body))
                .orElseThrow(() -> DomainException.notFound("counting.sha-not-found", sha256));
    }
}
