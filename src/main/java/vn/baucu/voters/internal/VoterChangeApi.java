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
    Added add(@PathVariable long id, @RequestBody AddRequest r) {
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
    void remove(@PathVariable long id, @RequestBody ChangeRequest r) {
        changes.remove(id, r.reason(), r.reasonText());
    }

    @PostMapping("/api/v1/voter-entries/{id}/transfer")
    @Operation(summary = "Move a voter to another list of the same election")
    Added transfer(@PathVariable long id, @RequestBody ChangeRequest r) {
        if (r.toListId() == null) {
            throw DomainException.badRequest("problem.malformed-body");
        }
        return new Added(changes.transfer(id, r.toListId(), r.reasonText()));
    }

    @PostMapping("/api/v1/voter-entries/{id}/restriction")
    @Operation(summary = "Votes only for the NA and the provincial HĐND (TEMPORARY_RESIDENT, SOLDIER, DETAINED)")
    void restrict(@PathVariable long id, @RequestBody ChangeRequest r) {
        changes.restrict(id, r.reason(), r.reasonText());
    }

    @PostMapping("/api/v1/voter-entries/{id}/certificate")
    @Operation(summary = "A certificate to vote elsewhere was issued")
    void certificate(@PathVariable long id, @RequestBody ChangeRequest r) {
        if (r.issuedOn() == null) {
            throw DomainException.badRequest("problem.malformed-body");
        }
        changes.certificate(id, r.issuedOn());
    }

    @GetMapping("/api/v1/voter-lists/{id}/changes")
    List<Change> changeList(@PathVariable long id) {
        return changes.changes(id);
    }

    record ComplaintRequest(Long entryId, String complainant, String content, LocalDate receivedOn) {
    }

    @PostMapping("/api/v1/voter-lists/{id}/complaints")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Receive a complaint about the list (within 30 days of posting; answer due in 5 days)")
    Complaint complain(@PathVariable long id, @RequestBody ComplaintRequest r) {
        return changes.complain(id, r.entryId(), r.complainant(), r.content(), r.receivedOn());
    }

    record AnswerRequest(String outcome, String answer, LocalDate answeredOn) {
    }

    @PostMapping("/api/v1/voter-complaints/{id}/answer")
    Complaint answer(@PathVariable long id, @RequestBody AnswerRequest r) {
        return changes.answer(id, r.outcome(), r.answer(), r.answeredOn());
    }

    @GetMapping("/api/v1/voter-lists/{id}/complaints")
    List<Complaint> complaints(@PathVariable long id) {
        return changes.complaints(id);
    }
}
