package vn.baucu.party.internal;

import java.time.LocalDate;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.baucu.party.Congresses;
import vn.baucu.party.PartyCells;
import vn.baucu.party.UnifiedPost;
import vn.baucu.platform.DomainException;
import vn.baucu.platform.Idempotency;
import vn.baucu.platform.Versions;
import vn.baucu.platform.Violation;

/** Party cells, congresses and the unified-post report: Party committee roles only (403 for everyone else). */
@RestController
@Tag(name = "Party congresses", description = "Cells, members, congresses counted twice, ratification, the unified post")
class PartyApi {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final PartyCells cells;
    private final Congresses congresses;
    private final UnifiedPost unifiedPost;
    private final CongressPdf pdf;
    private final UnifiedPostWorkbook workbook;

    PartyApi(PartyCells cells, Congresses congresses, UnifiedPost unifiedPost, CongressPdf pdf,
             UnifiedPostWorkbook workbook) {
        this.cells = cells;
        this.congresses = congresses;
        this.unifiedPost = unifiedPost;
        this.pdf = pdf;
        this.workbook = workbook;
    }

    record NewCell(String village, String name, String superior, LocalDate since) {
    }

    @PostMapping("/api/v1/party/cells")
    @Operation(summary = "Records a village's Party cell, with its superior committee (the commune's unless given)")
    ResponseEntity<PartyCells.CellView> createCell(@RequestBody NewCell c) {
        if (c == null) {
            throw DomainException.badRequest("problem.malformed-body");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(cells.create(c.village(), c.name(), c.superior(), c.since()));
    }

    @GetMapping("/api/v1/party/cells")
    @Operation(summary = "The cells within a unit")
    List<PartyCells.CellView> listCells(@RequestParam("scope") String scope, @RequestParam("asOf") LocalDate asOf) {
        return cells.list(scope, asOf);
    }

    @GetMapping("/api/v1/party/cells/{id}")
    PartyCells.CellView cell(@PathVariable("id") long id) {
        return cells.get(id);
    }

    @GetMapping("/api/v1/party/cells/{id}/members")
    @Operation(summary = "The cell's members (the read is audited)")
    List<PartyCells.Member> members(@PathVariable("id") long id) {
        return cells.members(id);
    }

    @PostMapping("/api/v1/party/cells/{id}/members")
    @Operation(summary = "Adds members, all or nothing, every bad row named")
    ResponseEntity<List<PartyCells.Member>> addMembers(@PathVariable("id") long id, @RequestBody List<PartyCells.NewMember> m) {
        return ResponseEntity.status(HttpStatus.CREATED).body(cells.addMembers(id, m));
    }

    /** {@code kind}: MEMBERS (the default; a cell congress) or DELEGATES, with the delegates convened. */
    record NewCongress(String term, LocalDate heldOn, Integer committeeSeats, String kind,
                       List<Congresses.Delegate> delegates) {
    }

    @PostMapping("/api/v1/party/cells/{id}/congresses")
    @Operation(summary = "Convenes a congress for a term: a members' congress (the recognised village head is the "
            + "proposed secretary) or a delegates' congress with its full and alternate delegates")
    ResponseEntity<Congresses.CongressView> convene(@PathVariable("id") long id, @RequestBody NewCongress c) {
        if (c == null) {
            throw DomainException.badRequest("problem.malformed-body");
        }
        if (c.kind() == null || "MEMBERS".equals(c.kind())) {
            return withVersion(HttpStatus.CREATED, congresses.convene(id, c.term(), c.heldOn(), c.committeeSeats()));
        }
        if (!"DELEGATES".equals(c.kind())) {
            throw DomainException.violations(List.of(
                    Violation.of("P-402", "kind", "problem.invalid-field", "kind", "MEMBERS | DELEGATES")));
        }
        return withVersion(HttpStatus.CREATED,
                congresses.conveneDelegates(id, c.term(), c.heldOn(), c.committeeSeats(), c.delegates()));
    }

    @GetMapping("/api/v1/party/cells/{id}/congresses")
    List<Congresses.CongressView> congressesOf(@PathVariable("id") long id) {
        return congresses.ofCell(id);
    }

    @GetMapping("/api/v1/party/congresses/{id}")
    ResponseEntity<Congresses.CongressView> congress(@PathVariable("id") long id) {
        return withVersion(HttpStatus.OK, congresses.get(id));
    }

    record Attendance(List<Congresses.Absence> absences) {
    }

    @PutMapping("/api/v1/party/congresses/{id}/attendance")
    @Operation(summary = "Who was absent for the whole congress (and whether the reason was accepted): the roll and the quorum")
    ResponseEntity<Congresses.CongressView> attendance(@PathVariable("id") long id, @RequestBody Attendance a,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return withVersion(HttpStatus.OK, congresses.recordAttendance(id, a == null ? List.of() : a.absences(),
                Versions.ifMatch(ifMatch)));
    }

    @PostMapping("/api/v1/party/congresses/{id}/votes")
    @Operation(summary = "The list of the next ballot (committee or secretary), approved by a show of hands")
    ResponseEntity<Congresses.Vote> setList(@PathVariable("id") long id, @RequestBody Congresses.NewList list) {
        Congresses.Vote v = congresses.setList(id, list);
        return ResponseEntity.status(HttpStatus.CREATED).eTag(Versions.etag(v.version())).body(v);
    }

    @PostMapping("/api/v1/party/votes/{id}/entries")
    @Operation(summary = "One of the two independent entries of a ballot's count (Idempotency-Key required)")
    ResponseEntity<Congresses.EntryReceipt> enter(@PathVariable("id") long id, @RequestBody Congresses.CountEntry entry,
            @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        Idempotency.Outcome<Congresses.EntryReceipt> o = congresses.enter(id, entry, Idempotency.key(key));
        return ResponseEntity.status(o.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .eTag(Versions.etag(o.body().vote().version())).body(o.body());
    }

    @PostMapping("/api/v1/party/votes/{id}/ballots")
    @Operation(summary = "One of the two entries of a ballot's count, counted from its papers' marks (only the counts"
            + " are stored; Idempotency-Key required)")
    ResponseEntity<Congresses.BallotsReceipt> enterBallots(@PathVariable("id") long id, @RequestBody Congresses.BallotPapers papers,
            @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        Idempotency.Outcome<Congresses.BallotsReceipt> o = congresses.enterBallots(id, papers, Idempotency.key(key));
        return ResponseEntity.status(o.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .eTag(Versions.etag(o.body().entry().vote().version())).body(o.body());
    }

    record Resolution(String keep, Boolean reenter) {
    }

    @PostMapping("/api/v1/party/votes/{id}/resolution")
    @Operation(summary = "Someone who made neither entry keeps FIRST or SECOND, or sends the count back (reenter)")
    Congresses.Vote resolve(@PathVariable("id") long id, @RequestBody Resolution r) {
        if (r == null) {
            throw DomainException.badRequest("problem.malformed-body");
        }
        return congresses.resolve(id, r.keep(), Boolean.TRUE.equals(r.reenter()));
    }

    @PostMapping("/api/v1/party/votes/{id}/certification")
    @Operation(summary = "Certifies a verified count (If-Match) and decides it with PARTY_CELL_2024")
    ResponseEntity<Congresses.Vote> certify(@PathVariable("id") long id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Congresses.Vote v = congresses.certify(id, Versions.ifMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(v.version())).body(v);
    }

    @PostMapping("/api/v1/party/congresses/{id}/closing")
    ResponseEntity<Congresses.CongressView> close(@PathVariable("id") long id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return withVersion(HttpStatus.OK, congresses.close(id, Versions.ifMatch(ifMatch)));
    }

    record Ratification(String decisionNo, LocalDate decidedOn) {
    }

    @PostMapping("/api/v1/party/congresses/{id}/ratification")
    @Operation(summary = "The superior committee's ratification (chuẩn y): decision number and date")
    ResponseEntity<Congresses.CongressView> ratify(@PathVariable("id") long id, @RequestBody Ratification r) {
        if (r == null) {
            throw DomainException.badRequest("problem.malformed-body");
        }
        return withVersion(HttpStatus.OK, congresses.ratify(id, r.decisionNo(), r.decidedOn()));
    }

    @GetMapping("/api/v1/party/congresses/{id}/minutes.pdf")
    @Operation(summary = "The congress's election minutes (attendance, each ballot's count and result) as a PDF")
    ResponseEntity<byte[]> minutesPdf(@PathVariable("id") long id) {
        return pdf(pdf.render(id, false), "bien-ban-dai-hoi-" + id + ".pdf");
    }

    @GetMapping("/api/v1/party/congresses/{id}/report.pdf")
    @Operation(summary = "The report of the congress's result to the superior committee, as a PDF")
    ResponseEntity<byte[]> reportPdf(@PathVariable("id") long id) {
        return pdf(pdf.render(id, true), "bao-cao-dai-hoi-" + id + ".pdf");
    }

    @GetMapping("/api/v1/party/unified-post")
    @Operation(summary = "Whether each village's cell secretary is its recognised head, rolled up, with every shortfall")
    UnifiedPost.Report unifiedPost(@RequestParam("scope") String scope, @RequestParam("asOf") LocalDate asOf) {
        return unifiedPost.report(scope, asOf);
    }

    @GetMapping("/api/v1/party/unified-post.xlsx")
    @Operation(summary = "The same report as an Excel workbook (units, shortfalls)")
    ResponseEntity<byte[]> unifiedPostXlsx(@RequestParam("scope") String scope, @RequestParam("asOf") LocalDate asOf,
                                           java.util.Locale locale) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"nhat-the-hoa-" + scope + "-" + asOf + ".xlsx\"")
                .body(workbook.write(unifiedPost.report(scope, asOf), locale));
    }

    private static ResponseEntity<byte[]> pdf(byte[] body, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + "\"").body(body);
    }

    private static ResponseEntity<Congresses.CongressView> withVersion(HttpStatus status, Congresses.CongressView c) {
        return ResponseEntity.status(status).eTag(Versions.etag(c.version())).body(c);
    }
}
