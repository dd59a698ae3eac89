package vn.baucu.voters.internal;

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
import vn.baucu.platform.DomainException;
import vn.baucu.platform.Versions;
import vn.baucu.voters.VoterListChanges;
import vn.baucu.voters.internal.VoterChangeStore.Change;
import vn.baucu.voters.internal.VoterChangeStore.Complaint;

@RestController
@Tag(name = "Voter list changes and complaints")
class VoterChangeApi {

    private final VoterListChanges changes;

    VoterChangeApi(VoterListChanges changes) {
        this.changes = changes;
    }

    record AddRequest(String fullName, LocalDate birthDate, String sex, String personalId, String residence, String household,
                      String reason) {
    }

    record Added(long id) {
    }

    @PostMapping("/api/v1/voter-lists/{id}/entries")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a voter after posting (until 24 hours before polls open)")
    Added add(@PathVariable("id") long id, @RequestBody AddRequest r) {
        if (r.sex() == null || r.sex().length() != 1) {
            throw DomainException.badRequest("problem.malformed-body");
        }
        return new Added(changes.add(id, r.fullName(), r.birthDate(), r.sex().charAt(0), r.personalId(), r.residence(), r.household(),
                r.reason()));
    }

    record ChangeRequest(String reason, String reasonText, Long toListId, LocalDate issuedOn) {
    }

    @PostMapping("/api/v1/voter-entries/{id}/removal")
    @Operation(summary = "Remove a voter, with the legal reason (COURT_DEPRIVED, DEATH_SENTENCE, PRISON, INCAPACITATED, DIED, MOVED, LISTED_ELSEWHERE)")
    void remove(@PathVariable("id") long id, @RequestBody ChangeRequest r, @org.springframework.web.bind.annotation.RequestHeader(value = "If-Match", required = false) String ifMatch) {
        changes.remove(id, r.reason(), r.reasonText(), Versions.ifMatch(ifMatch));
    }

    @PostMapping("/api/v1/voter-entries/{id}/transfer")
    @Operation(summary = "Move a voter to another list of the same election")
    Added transfer(@PathVariable("id") long id, @RequestBody ChangeRequest r, @org.springframework.web.bind.annotation.RequestHeader(value = "If-Match", required = false) String ifMatch) {
        if (r.toListId() == null) {
            throw DomainException.badRequest("problem.malformed-body");
        }
        return new Added(changes.transfer(id, r.toListId(), r.reasonText(), Versions.ifMatch(ifMatch)));
    }

    @PostMapping("/api/v1/voter-entries/{id}/restriction")
    @Operation(summary = "Votes only for the NA and the provincial HĐND (TEMPORARY_RESIDENT, SOLDIER, DETAINED)")
    void restrict(@PathVariable("id") long id, @RequestBody ChangeRequest r, @org.springframework.web.bind.annotation.RequestHeader(value = "If-Match", required = false) String ifMatch) {
        changes.restrict(id, r.reason(), r.reasonText(), Versions.ifMatch(ifMatch));
    }

    @PostMapping("/api/v1/voter-entries/{id}/certificate")
    @Operation(summary = "A certificate to vote elsewhere was issued")
    void certificate(@PathVariable("id") long id, @RequestBody ChangeRequest r, @org.springframework.web.bind.annotation.RequestHeader(value = "If-Match", required = false) String ifMatch) {
        if (r.issuedOn() == null) {
            throw DomainException.badRequest("problem.malformed-body");
        }
        changes.certificate(id, r.issuedOn(), Versions.ifMatch(ifMatch));
    }

    @GetMapping("/api/v1/voter-lists/{id}/changes")
    List<Change> changeList(@PathVariable("id") long id) {
        return changes.changes(id);
    }

    record ComplaintRequest(Long entryId, String complainant, String content, LocalDate receivedOn) {
    }

    @PostMapping("/api/v1/voter-lists/{id}/complaints")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Receive a complaint about the list (within 30 days of posting; answer due in 5 days)")
    Complaint complain(@PathVariable("id") long id, @RequestBody ComplaintRequest r) {
        return changes.complain(id, r.entryId(), r.complainant(), r.content(), r.receivedOn());
    }

    record AnswerRequest(String outcome, String answer, LocalDate answeredOn) {
    }

    @PostMapping("/api/v1/voter-complaints/{id}/answer")
    @Operation(summary = "Answer a complaint (once; If-Match with the complaint's ETag refuses a stale answer with 412)")
    org.springframework.http.ResponseEntity<Complaint> answer(@PathVariable("id") long id, @RequestBody AnswerRequest r, @org.springframework.web.bind.annotation.RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Complaint c = changes.answer(id, r.outcome(), r.answer(), r.answeredOn(), Versions.ifMatch(ifMatch));
        return org.springframework.http.ResponseEntity.ok().eTag(Versions.etag(c.version())).body(c);
    }

    @GetMapping("/api/v1/voter-complaints/{id}")
    @Operation(summary = "A complaint, with its version as ETag")
    org.springframework.http.ResponseEntity<Complaint> complaint(@PathVariable("id") long id) {
        Complaint c = changes.complaint(id);
        return org.springframework.http.ResponseEntity.ok().eTag(Versions.etag(c.version())).body(c);
    }

    /** An entry as its administrators see it before changing it: status, restriction and version (no personal id). */
    record EntryState(long id, long listId, String fullName, String status, int version) {
    }

    @GetMapping("/api/v1/voter-entries/{id}")
    @Operation(summary = "A voter-list entry's state, with its version as ETag (send it back as If-Match on a change)")
    org.springframework.http.ResponseEntity<EntryState> entry(@PathVariable("id") long id) {
        var e = changes.entry(id);
        return org.springframework.http.ResponseEntity.ok().eTag(Versions.etag(e.version()))
                .body(new EntryState(e.id(), e.listId(), e.fullName(), e.status(), e.version()));
    }

    @GetMapping("/api/v1/voter-lists/{id}/complaints")
    List<Complaint> complaints(@PathVariable("id") long id) {
        return changes.complaints(id);
    }
}
