package vn.baucu.candidates.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.baucu.candidates.CandidateView;
import vn.baucu.candidates.Candidates;
import vn.baucu.candidates.NewCandidate;
import vn.baucu.platform.DomainException;

@RestController
@Tag(name = "Candidates", description = "Nominations, eligibility, status and official lists")
class CandidateApi {

    private final Candidates candidates;
    private final vn.baucu.candidates.NominationProcess process;
    private final org.springframework.context.MessageSource messages;

    CandidateApi(Candidates candidates, vn.baucu.candidates.NominationProcess process,
                 org.springframework.context.MessageSource messages) {
        this.candidates = candidates;
        this.process = process;
        this.messages = messages;
    }

    record NominationRequest(String fullName, String otherName, LocalDate birthDate, String sex, String personalId,
                             String ethnicity, String religion, String hometown, String residence, String education,
                             String qualification, String politicalTheory, Boolean partyMember, LocalDate partyJoined,
                             String workplace, String position, Boolean incumbent, String nominationSource,
                             List<String> exclusions, Boolean residesInVillage, LocalDate nominatedOn) {
    }

    @PostMapping("/api/v1/elections/{id}/contests/{place}/candidates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Nominate a candidate in a contest (checked against the law)")
    CandidateView nominate(@PathVariable("id") long id, @PathVariable("place") String place, @RequestBody NominationRequest r) {
        if (r.sex() == null || r.sex().length() != 1) {
            throw DomainException.violations(List.of(vn.baucu.platform.Violation.of("K-137", "sex", "candidate.sex-invalid")));
        }
        return candidates.nominate(id, place, new NewCandidate(r.fullName(), r.otherName(), r.birthDate(), r.sex().charAt(0),
                r.personalId(), r.ethnicity(), r.religion(), r.hometown(), r.residence(), r.education(), r.qualification(),
                r.politicalTheory(), Boolean.TRUE.equals(r.partyMember()), r.partyJoined(), r.workplace(), r.position(),
                Boolean.TRUE.equals(r.incumbent()), r.nominationSource(), r.exclusions(), r.residesInVillage(),
                r.nominatedOn()));
    }

    @GetMapping("/api/v1/elections/{id}/contests/{place}/candidates")
    List<CandidateView> list(@PathVariable("id") long id, @PathVariable("place") String place) {
        return candidates.list(id, place);
    }

    @GetMapping("/api/v1/elections/{id}/candidate-statistics")
    @Operation(summary = "Composition of the candidates or the elected (women, re-running, ethnic minority…), with quotas")
    Candidates.Statistics statistics(@PathVariable("id") long id, @org.springframework.web.bind.annotation.RequestParam(name = "place", required = false) String place,
                                     @org.springframework.web.bind.annotation.RequestParam(name = "elected", defaultValue = "false") boolean elected) {
        return candidates.statistics(id, place, elected);
    }

    @GetMapping(path = "/api/v1/elections/{id}/contests/{place}/candidate-list.pdf", produces = "application/pdf")
    org.springframework.http.ResponseEntity<byte[]> listPdf(@PathVariable("id") long id, @PathVariable("place") String place) {
        return pdf(candidates.listPdf(id, place), "danh-sach-" + place);
    }

    @GetMapping(path = "/api/v1/elections/{id}/contests/{place}/ballot.pdf", produces = "application/pdf")
    org.springframework.http.ResponseEntity<byte[]> ballotPdf(@PathVariable("id") long id, @PathVariable("place") String place) {
        return pdf(candidates.ballotPdf(id, place), "phieu-bau-" + place);
    }

    @GetMapping(path = "/api/v1/elections/{id}/contests/{place}/counting-minutes.pdf", produces = "application/pdf")
    @Operation(summary = "The counting minutes pre-printed from the ballot; names struck off after printing are marked not counted")
    org.springframework.http.ResponseEntity<byte[]> minutesPdf(@PathVariable("id") long id, @PathVariable("place") String place) {
        return pdf(candidates.countingMinutesPdf(id, place), "bien-ban-kiem-phieu-" + place);
    }

    private static org.springframework.http.ResponseEntity<byte[]> pdf(byte[] body, String name) {
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + ".pdf\"")
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF).body(body);
    }

    @org.springframework.web.bind.annotation.PutMapping("/api/v1/elections/{id}/composition-plan")
    @Operation(summary = "Set the planned structure of candidates (item → target %), compared in the statistics")
    void plan(@PathVariable("id") long id, @RequestBody java.util.Map<String, java.math.BigDecimal> plan) {
        candidates.setPlan(id, plan);
    }

    record ConsultationRequest(String unitCode, Integer round, LocalDate heldOn, Long attendance, Integer plannedSeats,
                               String outcome, List<Long> candidateIds, java.util.Map<Long, String> specialCases) {
    }

    @PostMapping("/api/v1/elections/{id}/consultations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a consultation conference (round 1–3) of a unit with the list it produced "
            + "(round 2: preliminary list; round 3: those who qualify, each trusted by their voter conferences or a special case)")
    vn.baucu.candidates.NominationProcess.Consultation consultation(@PathVariable("id") long id, @RequestBody ConsultationRequest r) {
        return process.recordConsultation(id, r.unitCode(), r.round() == null ? 0 : r.round(), r.heldOn(),
                r.attendance() == null ? -1 : r.attendance(), r.plannedSeats(), r.outcome(), r.candidateIds(), r.specialCases());
    }

    @GetMapping("/api/v1/elections/{id}/consultations")
    @Operation(summary = "The consultation conferences of an election, each with the list it produced")
    List<vn.baucu.candidates.NominationProcess.Consultation> consultations(@PathVariable("id") long id) {
        return process.consultations(id);
    }

    @org.springframework.web.bind.annotation.PutMapping("/api/v1/elections/{id}/contests/{place}/front-meeting")
    @Operation(summary = "Record a village's Front working committee candidate meeting (Mẫu 05) with the cell committee's agreement")
    vn.baucu.candidates.NominationProcess.FrontMeetingView frontMeeting(@PathVariable("id") long id, @PathVariable("place") String place,
            @RequestBody vn.baucu.candidates.NominationProcess.FrontMeetingInput r) {
        return process.recordFrontMeeting(id, place, r);
    }

    @GetMapping(path = "/api/v1/elections/{id}/contests/{place}/front-meeting.pdf", produces = "application/pdf")
    @Operation(summary = "The minutes of the Front working committee's candidate meeting (Mẫu 05) as a PDF")
    org.springframework.http.ResponseEntity<byte[]> frontMeetingPdf(@PathVariable("id") long id, @PathVariable("place") String place) {
        return pdf(process.frontMeetingPdf(id, place), "mau-05-" + place);
    }

    @GetMapping("/api/v1/elections/{id}/contests/{place}/front-meeting")
    vn.baucu.candidates.NominationProcess.FrontMeetingView frontMeetingOf(@PathVariable("id") long id, @PathVariable("place") String place) {
        return process.frontMeeting(id, place).orElseThrow(() -> DomainException.notFound("candidate.front-meeting-none", place));
    }

    @GetMapping(path = "/api/v1/elections/{id}/candidate-statistics.xlsx",
            produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "The composition statistics as an Excel file")
    org.springframework.http.ResponseEntity<byte[]> statisticsXlsx(@PathVariable("id") long id,
            @org.springframework.web.bind.annotation.RequestParam(name = "place", required = false) String place,
            @org.springframework.web.bind.annotation.RequestParam(name = "elected", defaultValue = "false") boolean elected,
            java.util.Locale locale) {
        byte[] body = candidates.statisticsXlsx(id, place, elected, key -> messages.getMessage(key, null, key, locale));
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"co-cau-" + id + ".xlsx\"")
                .contentType(org.springframework.http.MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).body(body);
    }

    record ConferenceRequest(String place, LocalDate heldOn, Long voters, Long present, Long trustVotes) {
    }

    record ConferenceResult(boolean trusted) {
    }

    @PostMapping("/api/v1/candidates/{id}/voter-conferences")
    @Operation(summary = "Record a voter conference's trust vote (attendance thresholds checked; trusted above 50% of present)")
    ConferenceResult conference(@PathVariable("id") long id, @RequestBody ConferenceRequest r) {
        if (r.place() == null || r.place().isBlank()) {
            throw DomainException.malformed(List.of(vn.baucu.platform.Violation.of("P-401", "place",
                    "problem.missing-parameter", "place")));
        }
        if (r.heldOn() == null || r.voters() == null || r.present() == null || r.trustVotes() == null) {
            throw DomainException.badRequest("problem.malformed-body");
        }
        return new ConferenceResult(candidates.recordVoterConference(id,
                vn.baucu.platform.Inputs.enumValue(vn.baucu.rules.VoterConferences.Place.class, r.place(), "place"),
                r.heldOn(), r.voters(), r.present(), r.trustVotes()));
    }

    record DocumentResult(long id) {
    }

    @PostMapping(path = "/api/v1/candidates/{id}/documents", consumes = "multipart/form-data")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach a dossier scan or photo (kind DOSSIER, PHOTO, OTHER)")
    DocumentResult attach(@PathVariable("id") long id, @org.springframework.web.bind.annotation.RequestParam("kind") String kind,
                          @org.springframework.web.bind.annotation.RequestPart("file") org.springframework.web.multipart.MultipartFile file)
            throws java.io.IOException {
        return new DocumentResult(candidates.attach(id, kind, file.getOriginalFilename(), file.getContentType(), file.getBytes()));
    }

    @GetMapping("/api/v1/candidate-documents/{id}")
    @Operation(summary = "An attached document (dossier scan, photo) as uploaded, for the officials of its unit")
    org.springframework.http.ResponseEntity<byte[]> document(@PathVariable("id") long id) {
        var doc = candidates.document(id);
        String name = doc.getKey().fileName() == null ? "tai-lieu" : doc.getKey().fileName().replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .attachment().filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Digest", "sha-256=" + doc.getKey().sha256())
                .contentType(org.springframework.http.MediaType.APPLICATION_OCTET_STREAM).body(doc.getValue());
    }

    record PostingRequest(LocalDate postedOn) {
    }

    @PostMapping("/api/v1/elections/{id}/contests/{place}/candidates/posting")
    @Operation(summary = "Record the public posting of the official list")
    void post(@PathVariable("id") long id, @PathVariable("place") String place, @RequestBody PostingRequest r) {
        if (r.postedOn() == null) {
            throw DomainException.badRequest("problem.malformed-body");
        }
        candidates.postList(id, place, r.postedOn());
    }

    record StatusRequest(String status, LocalDate date, String reason, String decision) {
    }

    @PostMapping("/api/v1/candidates/{id}/status")
    @Operation(summary = "Move a candidate along the lifecycle (withdrawn, struck off, on the list, elected…)")
    CandidateView status(@PathVariable("id") long id, @RequestBody StatusRequest r) {
        return candidates.changeStatus(id, r.status(), r.date(), r.reason(), r.decision());
    }

    @PostMapping("/api/v1/elections/{id}/contests/{place}/candidates/final-list")
    @Operation(summary = "Settle the official list in Vietnamese alphabetical order; refused without the legal surplus")
    List<CandidateView> finalList(@PathVariable("id") long id, @PathVariable("place") String place) {
        return candidates.finalizeList(id, place);
    }
}
