package vn.baucu.voters.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.baucu.platform.DomainException;
import vn.baucu.platform.Inputs;
import vn.baucu.rules.RuleSet;
import vn.baucu.voters.VoterListReport;
import vn.baucu.voters.VoterLists;

@RestController
@Tag(name = "Voter lists", description = "Published contract: contracts/voter-list-format.md")
class VoterListApi {

    private final VoterLists voterLists;

    VoterListApi(VoterLists voterLists) {
        this.voterLists = voterLists;
    }

    @PostMapping(path = "/api/v1/elections/{id}/voter-lists", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @Operation(summary = "Import (confirm) the voter list of a polling area or a village: all or nothing, idempotent")
    VoterListReport confirm(@org.springframework.web.bind.annotation.PathVariable("id") long id,
                            @RequestPart("file") MultipartFile file,
                            @RequestParam(name = "pollingArea", required = false) Long pollingArea, @RequestParam(name = "village", required = false) String village,
                            Locale locale) {
        return voterLists.confirm(id, new VoterLists.Target(pollingArea, village), file.getOriginalFilename(), () -> {
            try {
                return file.getInputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, locale);
    }

    @org.springframework.web.bind.annotation.GetMapping(path = "/api/v1/voter-lists/{id}/posting.pdf", produces = "application/pdf")
    @Operation(summary = "The list for public posting (PDF, Vietnamese order, no personal ids, the recorded posting date)")
    org.springframework.http.ResponseEntity<byte[]> posting(@org.springframework.web.bind.annotation.PathVariable("id") long id,
            @RequestParam(name = "postedOn", required = false) String postedOn) {
        if (postedOn != null) {
            // recording the posting changes the election's data: POST …/posting, never a GET a link could trigger
            throw DomainException.badRequest("voter.posting-by-post");
        }
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"danh-sach-cu-tri-" + id + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF).body(voterLists.postingPdf(id));
    }

    record PostingRequest(LocalDate postedOn) {
    }

    @PostMapping("/api/v1/voter-lists/{id}/posting")
    @Operation(summary = "Record the public posting of a list (niêm yết, Điều 32); for a village it completes the milestone")
    void recordPosting(@org.springframework.web.bind.annotation.PathVariable("id") long id,
                       @org.springframework.web.bind.annotation.RequestBody PostingRequest r) {
        voterLists.recordPosting(id, r.postedOn());
    }

    @org.springframework.web.bind.annotation.GetMapping("/api/v1/elections/{id}/voters")
    @Operation(summary = "Search voters in your scope by name (diacritics optional), personal id or household")
    java.util.List<vn.baucu.voters.VoterHit> search(
            @org.springframework.web.bind.annotation.PathVariable("id") long id, @RequestParam("q") String q) {
        return voterLists.search(id, q);
    }

    @PostMapping(path = "/api/v1/voter-lists/errors", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = {"text/csv",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Operation(summary = "The rows of a voter list that have problems, with an added \"Lỗi\" column, in the uploaded"
            + " format (xlsx, or CSV as UTF-8 with BOM)")
    org.springframework.http.ResponseEntity<byte[]> errors(@RequestPart("file") MultipartFile file, @RequestParam("ruleSet") String ruleSet,
            @RequestParam("electionDay") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate electionDay, Locale locale) {
        var errorFile = voterLists.errorFile(() -> {
            try {
                return file.getInputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, Inputs.enumValue(RuleSet.class, ruleSet, "ruleSet"), electionDay, locale);
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"loi-danh-sach."
                        + (errorFile.xlsx() ? "xlsx" : "csv") + "\"")
                .contentType(errorFile.xlsx()
                        ? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        : new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(errorFile.body());
    }

    @PostMapping(path = "/api/v1/voter-lists/validate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Validate a voter-list file (CSV or XLSX) and report every problem by row and column")
    VoterListReport validate(@RequestPart("file") MultipartFile file, @RequestParam("ruleSet") String ruleSet,
                             @RequestParam("electionDay") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate electionDay,
                             Locale locale) {
        return voterLists.validate(file.getOriginalFilename(), () -> {
            try {
                return file.getInputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, Inputs.enumValue(RuleSet.class, ruleSet, "ruleSet"), electionDay, locale);
    }
}
