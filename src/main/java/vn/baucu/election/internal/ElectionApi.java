package vn.baucu.election.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.baucu.election.ElectionKind;
import vn.baucu.election.ElectionView;
import vn.baucu.election.Elections;
import vn.baucu.election.MilestoneProgress;
import vn.baucu.election.NewElection;
import vn.baucu.election.UnitDefinition;
import vn.baucu.election.internal.ElectionStore.CommuneProgress;
import vn.baucu.election.internal.ElectionStore.UnitRow;
import vn.baucu.platform.Inputs;
import vn.baucu.rules.RuleSet;

@RestController
@Tag(name = "Elections", description = "Elections, contests, electoral units and the tracking of their legal calendar")
class ElectionApi {

    private final Elections elections;

    ElectionApi(Elections elections) {
        this.elections = elections;
    }

    record CreateRequest(String kind, String councilLevel, String ruleSet, String name, String term,
                         LocalDate electionDay, String scopeCode) {
    }

    @PostMapping("/api/v1/elections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an election; a village head or Party cell election gets one contest per village in scope")
    ElectionView create(@RequestBody CreateRequest r) {
        return elections.create(new NewElection(Inputs.enumValue(ElectionKind.class, r.kind(), "kind"), r.councilLevel(),
                Inputs.enumValue(RuleSet.class, r.ruleSet(), "ruleSet"), r.name(), r.term(), r.electionDay(), r.scopeCode()));
    }

    @GetMapping("/api/v1/elections")
    List<ElectionView> list() {
        return elections.list();
    }

    @GetMapping("/api/v1/elections/{id}")
    ElectionView get(@PathVariable("id") long id) {
        return elections.get(id);
    }

    @PutMapping("/api/v1/elections/{id}/provinces/{provinceCode}/units")
    @Operation(summary = "Define the electoral units of one province by hand (replaces its units)")
    List<UnitRow> defineUnits(@PathVariable("id") long id, @PathVariable("provinceCode") String provinceCode, @RequestBody List<UnitDefinition> units) {
        return elections.defineUnits(id, provinceCode, units);
    }

    @PostMapping(path = "/api/v1/elections/{id}/units/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import electoral units from a resolution text (e.g. Nghị quyết 85/NQ-HĐBCQG); all or nothing")
    List<UnitRow> importUnits(@PathVariable("id") long id, @RequestPart("file") MultipartFile file) throws IOException {
        return elections.importUnits(id, file.getOriginalFilename(), new String(file.getBytes(), StandardCharsets.UTF_8));
    }

    @GetMapping("/api/v1/elections/{id}/units")
    List<UnitRow> units(@PathVariable("id") long id) {
        return elections.units(id);
    }

    @PostMapping("/api/v1/elections/{id}/freeze")
    @Operation(summary = "Freeze the configuration and compute its SHA-256 fingerprint")
    ElectionView freeze(@PathVariable("id") long id) {
        return elections.freeze(id);
    }

    @PostMapping("/api/v1/elections/{id}/rehearsals")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @Operation(summary = "Copy the election as a rehearsal (DIỄN TẬP): units, contests, bodies, voter and candidate lists, fingerprint; no minutes")
    ElectionView rehearsal(@PathVariable("id") long id) {
        return elections.createRehearsal(id);
    }

    @PostMapping("/api/v1/elections/{id}/reset")
    @Operation(summary = "Clear a rehearsal's polling day and minutes (rehearsals only)")
    ElectionView reset(@PathVariable("id") long id) {
        return elections.resetRehearsal(id);
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/api/v1/elections/{id}")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a rehearsal with everything in it (a real election is never deleted: 409)")
    void delete(@PathVariable("id") long id) {
        elections.deleteRehearsal(id);
    }

    record FingerprintCheck(boolean matches) {
    }

    @GetMapping("/api/v1/elections/{id}/fingerprint/check")
    @Operation(summary = "Whether a fingerprint (from a document or counting minutes) is this frozen election's, unchanged")
    FingerprintCheck checkFingerprint(@PathVariable("id") long id, @RequestParam("value") String value) {
        return new FingerprintCheck(elections.fingerprintMatches(id, value));
    }

    record DeadlineRequest(String code, String title, LocalDate dueDate, Boolean perContest) {
    }

    @PostMapping("/api/v1/elections/{id}/internal-deadlines")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a province's own internal deadline on top of the legal calendar")
    void addDeadline(@PathVariable("id") long id, @RequestBody DeadlineRequest r) {
        elections.addInternalDeadline(id, r.code(), r.title(), r.dueDate(), Boolean.TRUE.equals(r.perContest()));
    }

    record DoneRequest(String communeCode, LocalDate doneOn, String decisionRef) {
    }

    record DoneResponse(int milestones) {
    }

    @PostMapping("/api/v1/elections/{id}/milestones/{code}/done")
    @Operation(summary = "Mark a milestone done for the contests of a commune, or for the election")
    DoneResponse done(@PathVariable("id") long id, @PathVariable("code") String code, @RequestBody DoneRequest r) {
        return new DoneResponse(elections.markDone(id, code, r.communeCode(), r.doneOn(), r.decisionRef()));
    }

    @GetMapping("/api/v1/elections/{id}/progress")
    @Operation(summary = "Per milestone: done, done late, overdue and pending, over the election or one commune")
    List<MilestoneProgress> progress(@PathVariable("id") long id, @RequestParam(name = "commune", required = false) String commune) {
        return elections.progress(id, commune);
    }

    @GetMapping("/api/v1/elections/{id}/progress/{code}/communes")
    @Operation(summary = "One milestone, commune by commune (most overdue first)")
    List<CommuneProgress> progressByCommune(@PathVariable("id") long id, @PathVariable("code") String code) {
        return elections.progressByCommune(id, code);
    }

    @GetMapping(path = "/api/v1/elections/{id}/plan.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The election's plan (every milestone, deadline, legal basis, progress) as a printable PDF")
    ResponseEntity<byte[]> plan(@PathVariable("id") long id) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"ke-hoach-" + id + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF).body(elections.planPdf(id));
    }

    @GetMapping(path = "/api/v1/elections/{id}/calendar.ics", produces = "text/calendar")
    @Operation(summary = "The election's calendar as iCalendar (one all-day event per milestone and date)")
    ResponseEntity<String> ics(@PathVariable("id") long id) {
        ElectionView e = elections.get(id);
        StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//baucu//lich bau cu//VI\r\n"
                + "CALSCALE:GREGORIAN\r\nX-WR-CALNAME:" + escape(e.name()) + "\r\n");
        DateTimeFormatter day = DateTimeFormatter.BASIC_ISO_DATE;
        for (MilestoneProgress m : elections.progress(id, null)) {
            ics.append("BEGIN:VEVENT\r\nUID:").append(id).append('-').append(m.code()).append("@baucu\r\n")
                    .append("DTSTAMP:").append(e.electionDay().format(day)).append("T000000Z\r\n")
                    .append("DTSTART;VALUE=DATE:").append(m.dueDate().format(day)).append("\r\n")
                    .append("DTEND;VALUE=DATE:").append(m.dueDate().plusDays(1).format(day)).append("\r\n")
                    .append("SUMMARY:").append(escape(m.title() != null ? m.title() : m.code())).append("\r\n")
                    .append("DESCRIPTION:").append(escape(m.code() + " — " + m.done() + "/" + m.total())).append("\r\n")
                    .append("END:VEVENT\r\n");
        }
        ics.append("END:VCALENDAR\r\n");
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"election-" + id + ".ics\"")
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8)).body(ics.toString());
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }
}
