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

    @PostMapping(path = "/api/v1/voter-lists/validate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Validate a voter-list file (CSV or XLSX) and report every problem by row and column")
    VoterListReport validate(@RequestPart("file") MultipartFile file, @RequestParam String ruleSet,
                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate electionDay,
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
