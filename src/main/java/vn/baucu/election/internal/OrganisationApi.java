package vn.baucu.election.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.baucu.election.Member;
import vn.baucu.election.NewOrganisation;
import vn.baucu.election.OrganisationView;
import vn.baucu.election.Organisations;
import vn.baucu.election.internal.OrganisationStore.PollingAreaRow;
import vn.baucu.platform.ProblemRenderer;
import vn.baucu.rules.Bodies;
import vn.baucu.rules.PollingAreas;

@RestController
@Tag(name = "Election bodies and polling areas")
class OrganisationApi {

    private final Organisations organisations;
    private final ProblemRenderer problems;

    OrganisationApi(Organisations organisations, ProblemRenderer problems) {
        this.organisations = organisations;
        this.problems = problems;
    }

    record MemberRequest(String fullName, String role, String represents) {
    }

    record FormRequest(String kind, String level, String unitCode, String contestPlaceCode, String electoralUnit,
                       Long pollingAreaId, Boolean armedForces, String name, String decisionNo, LocalDate decisionDate,
                       String issuingBody, List<MemberRequest> members) {
    }

    /** A body with its checks worded in the caller's language. */
    record BodyView(OrganisationView body, List<Map<String, Object>> checks) {
    }

    @PostMapping("/api/v1/elections/{id}/organisations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Form a body (committee, board, team…) by a decision, with its members")
    BodyView form(@PathVariable("id") long id, @RequestBody FormRequest r, Locale locale) {
        List<Member> members = r.members() == null ? List.of() : r.members().stream()
                .map(m -> new Member(m.fullName(), Organisations.roleOf(m.role()), m.represents())).toList();
        return view(organisations.form(id, new NewOrganisation(vn.baucu.platform.Inputs.enumValue(Bodies.Kind.class, r.kind(), "kind"),
                r.level(), r.unitCode(), r.contestPlaceCode(), r.electoralUnit(), r.pollingAreaId(),
                Boolean.TRUE.equals(r.armedForces()), r.name(), r.decisionNo(), r.decisionDate(), r.issuingBody()), members),
                locale);
    }

    @GetMapping("/api/v1/organisations/{id}")
    @Operation(summary = "A body with its members and checks; its version as ETag (If-Match on a change)")
    org.springframework.http.ResponseEntity<BodyView> get(@PathVariable("id") long id, Locale locale) {
        var body = organisations.get(id);
        return org.springframework.http.ResponseEntity.ok().eTag(vn.baucu.platform.Versions.etag(body.version()))
                .body(view(body, locale));
    }

    @GetMapping(path = "/api/v1/organisations/{id}/decision.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The forming decision as a PDF")
    org.springframework.http.ResponseEntity<byte[]> decision(@PathVariable("id") long id) {
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"quyet-dinh-" + id + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF).body(organisations.decisionPdf(id));
    }

    @GetMapping("/api/v1/elections/{id}/organisations")
    List<BodyView> list(@PathVariable("id") long id, Locale locale) {
        return organisations.list(id).stream().map(o -> view(o, locale)).toList();
    }

    @PostMapping(path = "/api/v1/organisations/{id}/members/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Replace the members from an XLSX or CSV file (ho_ten, chuc_vu, dai_dien)")
    org.springframework.http.ResponseEntity<BodyView> importMembers(@PathVariable("id") long id,
            @RequestPart("file") MultipartFile file, Locale locale,
            @org.springframework.web.bind.annotation.RequestHeader(value = "If-Match", required = false) String ifMatch)
            throws IOException {
        var body = organisations.importMembers(id, file.getOriginalFilename(), file.getBytes(),
                vn.baucu.platform.Versions.ifMatch(ifMatch));
        return org.springframework.http.ResponseEntity.ok().eTag(vn.baucu.platform.Versions.etag(body.version()))
                .body(view(body, locale));
    }

    record AreaRequest(LocalDate pollingDay, Integer number, String name, String address, Integer voters,
                       String exceptionReason) {
    }

    @PostMapping("/api/v1/communes/{code}/polling-areas")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a polling area (300–4,000 voters unless a legal exception applies)")
    PollingAreaRow addArea(@PathVariable("code") String code, @RequestBody AreaRequest r) {
        if (r.pollingDay() == null || r.number() == null || r.voters() == null || r.name() == null) {
            throw vn.baucu.platform.DomainException.badRequest("problem.malformed-body");
        }
        return organisations.addPollingArea(code, r.pollingDay(), r.number(), r.name(), r.address(), r.voters(),
                vn.baucu.platform.Inputs.enumValue(PollingAreas.Exception.class, r.exceptionReason(), "exceptionReason"));
    }

    @GetMapping("/api/v1/communes/{code}/polling-areas")
    List<PollingAreaRow> areas(@PathVariable("code") String code,
                               @RequestParam("day") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return organisations.pollingAreas(code, day);
    }

    private BodyView view(OrganisationView o, Locale locale) {
        return new BodyView(o, problems.violations(o.checks(), locale));
    }
}
