package vn.baucu.voters;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.baucu.audit.AuditLog;
import vn.baucu.election.Elections;
import vn.baucu.geography.AdminUnits;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.DomainException;
import vn.baucu.platform.Violation;
import vn.baucu.rules.Eligibility;
import vn.baucu.rules.PersonalIds;
import vn.baucu.rules.VoterListWindows;
import vn.baucu.voters.internal.VoterChangeStore;
import vn.baucu.voters.internal.VoterChangeStore.Change;
import vn.baucu.voters.internal.VoterChangeStore.Complaint;
import vn.baucu.voters.internal.VoterChangeStore.EntryRow;
import vn.baucu.voters.internal.VoterListStore;

/**
 * Changes to a posted voter list and the complaints about it. Every change has a reason and who made it
 * and is shown as a change list; entries are never deleted.
 *
 * <ul>
 *   <li>Additions and removals until 24 hours before polls open at 07:00 (Luật 85/2015/QH13, Điều 30, 71).</li>
 *   <li>Removal reasons with their legal basis: deprived of the right to vote by a court, sentenced to
 *       death or in prison, lost civil capacity (Điều 30 khoản 1), died, moved away (Điều 29).</li>
 *   <li>Temporary residents of less than 12 months and soldiers vote only for the NA and the provincial
 *       HĐND (Điều 29 khoản 3, 5); so does a voter with a certificate to vote elsewhere (Điều 34).</li>
 *   <li>Complaints within 30 days of posting; the answer is due within 5 days (Điều 33).</li>
 * </ul>
 */
@Service
public class VoterListChanges {

    /** Legal reasons to strike someone off (Điều 29 khoản 4, Điều 30), in the order a form offers them. */
    static final List<String> REMOVAL_REASONS = List.of("COURT_DEPRIVED", "DEATH_SENTENCE", "PRISON", "INCAPACITATED", "DIED",
            "MOVED", "LISTED_ELSEWHERE");
    /** Who votes only for the NA and the provincial HĐND (Điều 29 khoản 3, 5). */
    static final List<String> RESTRICTION_REASONS = List.of("TEMPORARY_RESIDENT", "SOLDIER", "DETAINED");

    public static List<String> removalReasons() {
        return REMOVAL_REASONS;
    }

    public static List<String> restrictionReasons() {
        return RESTRICTION_REASONS;
    }

    private final VoterChangeStore changes;
    private final VoterListStore lists;
    private final Elections elections;
    private final AdminUnits units;
    private final Authorization authorization;
    private final AuditLog audit;
    private final Clock clock;

    VoterListChanges(VoterChangeStore changes, VoterListStore lists, Elections elections, AdminUnits units,
                     Authorization authorization, AuditLog audit, Clock clock) {
        this.changes = changes;
        this.lists = lists;
        this.elections = elections;
        this.units = units;
        this.authorization = authorization;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Adds a voter after posting. On a village's list (household representatives) {@code household} is
     * required and the household must not have an active representative already: one per household.
     */
    @Transactional
    public long add(long listId, String fullName, LocalDate birthDate, char sex, String personalId, String residence,
                    String household, String reasonText) {
        var list = listForChange(listId);
        var election = elections.get(list.electionId());
        List<Violation> problems = new ArrayList<>();
        String hh = household == null || household.isBlank() ? null : household.strip();
        if (list.villageCode() != null && hh == null) {
            problems.add(Violation.of("HOUSEHOLD_REQUIRED", "household", "voter.household-required"));
        } else if (list.villageCode() != null && changes.hasRepresentative(listId, hh)) {
            problems.add(Violation.of("HOUSEHOLD_TWO_REPRESENTATIVES", "household", "voter.household-two", hh));
        }
        if (fullName == null || fullName.isBlank()) {
            problems.add(Violation.of("NAME_REQUIRED", "fullName", "voter.name-required"));
        }
        if (birthDate == null || !Eligibility.isVoterAge(birthDate, election.electionDay())) {
            problems.add(Violation.of("VOTER_TOO_YOUNG", "birthDate", "voter.too-young", String.valueOf(birthDate),
                    election.electionDay().toString()));
        }
        if (personalId != null && (!PersonalIds.wellFormed(personalId) || PersonalIds.mismatch(personalId, birthDate, sex).isPresent())) {
            problems.add(Violation.of("PERSONAL_ID_INVALID", "personalId", "voter.id-invalid", personalId));
        }
        if (!problems.isEmpty()) {
            throw DomainException.violations(problems);
        }
        long id;
        try {
            id = changes.addEntry(listId, list.electionId(), fullName, birthDate, sex, personalId, residence, hh,
                    list.villageCode() != null);
        } catch (DuplicateKeyException e) {
            throw DomainException.violations(List.of(Violation.of("PERSONAL_ID_IN_OTHER_LIST", "personalId",
                    "voter.id-other-list", personalId)));
        }
        changes.adjustCounts(listId, 1, list.villageCode() != null ? 1 : 0);
        record(list, id, "ADD", "ADDED", reasonText);
        return id;
    }

    @Transactional
    public void remove(long entryId, String reason, String reasonText) {
        remove(entryId, reason, reasonText, null);
    }

    /** Removes a voter, with the legal reason; {@code version} (If-Match) when the client read one. */
    @Transactional
    public void remove(long entryId, String reason, String reasonText, Integer version) {
        EntryRow entry = activeEntry(entryId, version);
        var list = listForChange(entry.listId());
        requireReason(REMOVAL_REASONS, reason);
        leave(entry, version);
        record(list, entryId, "REMOVE", reason, reasonText);
    }

    /** An entry with its version, for {@code GET /api/v1/voter-entries/{id}} (ETag) before a change. */
    @Transactional(readOnly = true)
    public EntryRow entry(long entryId) {
        EntryRow entry = changes.entry(entryId).orElseThrow(() -> DomainException.notFound("voter.entry-not-found", entryId));
        listForRead(entry.listId());
        return entry;
    }

    /** A complaint with its version (ETag). */
    @Transactional(readOnly = true)
    public Complaint complaint(long complaintId) {
        Complaint c = changes.findComplaint(complaintId)
                .orElseThrow(() -> DomainException.notFound("voter.complaint-not-found", complaintId));
        listForRead(c.listId());
        return c;
    }

    /** Moves a voter to another list of the same election (moved between communes, Điều 29 khoản 4). */
    @Transactional
    public long transfer(long entryId, long toListId, String reasonText) {
        return transfer(entryId, toListId, reasonText, null);
    }

    @Transactional
    public long transfer(long entryId, long toListId, String reasonText, Integer version) {
        EntryRow entry = activeEntry(entryId, version);
        var from = listForChange(entry.listId());
        var to = listForChange(toListId);
        if (from.electionId() != to.electionId()) {
            throw DomainException.violations(List.of(Violation.of("TRANSFER_OTHER_ELECTION", "toListId", "voter.transfer-election")));
        }
        if (to.villageCode() != null) {
            // a household list takes a representative of a household of its village: add them there with the household
            throw DomainException.violations(List.of(Violation.of("TRANSFER_TO_HOUSEHOLDS", "toListId", "voter.transfer-households")));
        }
        leave(entry, version);
        record(from, entryId, "TRANSFER", "MOVED", reasonText);
        long added = changes.addEntry(toListId, to.electionId(), entry.fullName(), entry.birthDate(), entry.sex(),
                entry.personalId(), null, null, false);
        changes.adjustCounts(to.id(), 1, 0);
        record(to, added, "ADD", "MOVED_IN", reasonText);
        return added;
    }

    /** Marks a voter who votes only for the NA and the provincial HĐND (temporary resident, soldier, detainee). */
    @Transactional
    public void restrict(long entryId, String reason, String reasonText) {
        restrict(entryId, reason, reasonText, null);
    }

    @Transactional
    public void restrict(long entryId, String reason, String reasonText, Integer version) {
        EntryRow entry = activeEntry(entryId, version);
        var list = listForChange(entry.listId());
        requireReason(RESTRICTION_REASONS, reason);
        if (changes.restrict(entryId, version) == 0) {
            throw lostRace(entryId, version);
        }
        record(list, entryId, "RESTRICT", reason, reasonText);
    }

    /** A certificate to vote elsewhere: the home list is annotated (Điều 34). */
    @Transactional
    public void certificate(long entryId, LocalDate issuedOn) {
        certificate(entryId, issuedOn, null);
    }

    @Transactional
    public void certificate(long entryId, LocalDate issuedOn, Integer version) {
        EntryRow entry = activeEntry(entryId, version);
        var list = listForChange(entry.listId());
        if (changes.certificate(entryId, issuedOn, version) == 0) {
            throw lostRace(entryId, version);
        }
        record(list, entryId, "CERTIFICATE", "VOTE_ELSEWHERE", null);
    }

    @Transactional(readOnly = true)
    public List<Change> changes(long listId) {
        listForRead(listId);
        return changes.changes(listId);
    }

    @Transactional
    public Complaint complain(long listId, Long entryId, String complainant, String content, LocalDate receivedOn) {
        var list = listForChange(listId);
        List<Violation> problems = new ArrayList<>();
        if (complainant == null || complainant.isBlank() || content == null || content.isBlank() || receivedOn == null) {
            problems.add(Violation.of("COMPLAINT_INCOMPLETE", "content", "voter.complaint-incomplete"));
        } else if (list.postedOn() != null && receivedOn.isAfter(VoterListWindows.complaintsUntil(list.postedOn()))) {
            problems.add(Violation.of("COMPLAINT_LATE", "receivedOn", "voter.complaint-late", receivedOn.toString(),
                    VoterListWindows.complaintsUntil(list.postedOn()).toString()));
        }
        if (entryId != null && changes.entry(entryId).filter(e -> e.listId() == listId).isEmpty()) {
            // a complaint is about an entry of this very list; another list's voter is neither named nor shown
            problems.add(Violation.of("COMPLAINT_ENTRY_OTHER_LIST", "entryId", "voter.complaint-entry-other-list"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.violations(problems);
        }
        long id = changes.complaint(listId, entryId, complainant.strip(), content.strip(), receivedOn,
                VoterListWindows.answerDue(receivedOn));
        audit.record("VOTER_LIST_COMPLAINT", "voter_list", String.valueOf(listId), list.communeCode(),
                Map.of("complaint", id, "receivedOn", receivedOn.toString()));
        return changes.findComplaint(id).orElseThrow();
    }

    @Transactional
    public Complaint answer(long complaintId, String outcome, String answer, LocalDate answeredOn) {
        return answer(complaintId, outcome, answer, answeredOn, null);
    }

    /**
     * Answers an open complaint: OPEN → ACCEPTED | REJECTED, once. A conditional update, so of two answers sent at
     * the same moment one wins and the other gets 409; an answer against an older version ({@code If-Match}) 412.
     */
    @Transactional
    public Complaint answer(long complaintId, String outcome, String answer, LocalDate answeredOn, Integer version) {
        Complaint c = changes.findComplaint(complaintId)
                .orElseThrow(() -> DomainException.notFound("voter.complaint-not-found", complaintId));
        var list = listForChange(c.listId());
        if (!Set.of("ACCEPTED", "REJECTED").contains(String.valueOf(outcome)) || answeredOn == null) {
            throw DomainException.violations(List.of(Violation.of("COMPLAINT_ANSWER_INVALID", "outcome", "voter.complaint-answer")));
        }
        if (version != null && version != c.version()) {
            throw DomainException.stale("voter.complaint-stale", complaintId, c.version(), version);
        }
        if (!ComplaintStatus.of(c.outcome()).canMoveTo(ComplaintStatus.valueOf(outcome))) {
            throw DomainException.conflict("voter.complaint-answered", complaintId);
        }
        if (changes.answer(complaintId, outcome, answer, answeredOn, version) == 0) {
            Complaint now = changes.findComplaint(complaintId).orElseThrow();
            throw version != null && now.version() != version
                    ? DomainException.stale("voter.complaint-stale", complaintId, now.version(), version)
                    : DomainException.conflict("voter.complaint-answered", complaintId);
        }
        audit.record("VOTER_LIST_COMPLAINT_ANSWERED", "voter_list", String.valueOf(c.listId()), list.communeCode(),
                Map.of("complaint", complaintId, "outcome", outcome, "late", answeredOn.isAfter(c.answerDue())));
        return changes.findComplaint(complaintId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Complaint> complaints(long listId) {
        listForRead(listId);
        return changes.complaints(listId);
    }

    /** A list as its page shows it: the summary, the village's recorded households, and when changes close. */
    public record ListPage(VoterChangeStore.ListSummary list, long electionId, Integer recordedHouseholds,
                           LocalDateTime changesCloseAt, boolean open) {

        /** Whether the households on the list differ from the number the commune recorded for the village. */
        public boolean householdsDiffer() {
            return recordedHouseholds != null && recordedHouseholds != list.households();
        }
    }

    /**
     * The voter lists of an election the current user may administer (optionally one commune's), with
     * their changes and open or overdue complaints counted; at most {@code limit}.
     */
    @Transactional(readOnly = true)
    public List<ListPage> overview(long electionId, String communeCode, int limit) {
        var election = elections.get(electionId);
        String commune = communeCode == null || communeCode.isBlank() ? null : communeCode.strip();
        Map<String, Boolean> allowed = new java.util.HashMap<>();
        return changes.summaries(electionId, commune, LocalDate.now(clock), limit).stream()
                .filter(l -> allowed.computeIfAbsent(l.communeCode(), c -> units.find(c, election.electionDay())
                        .map(u -> authorization.allows(u.id(), Authorization.Access.ADMINISTER)).orElse(false)))
                .map(l -> page(l, election))
                .toList();
    }

    /** One list with its counts, for its page (the commune's officials and those above). */
    @Transactional(readOnly = true)
    public ListPage list(long listId) {
        listForRead(listId);
        var summary = changes.summary(listId, LocalDate.now(clock)).orElseThrow();
        return page(summary, elections.get(lists.find(listId).orElseThrow().electionId()));
    }

    /**
     * Entries of a list matching a name (diacritics optional), a personal id or a household; at most 200. Personal
     * ids show only their last 4 digits. Every read is audited (personal data).
     */
    @Transactional
    public List<VoterChangeStore.EntryLine> entries(long listId, String query) {
        var list = listForRead(listId);
        var entries = changes.entries(listId, query, 200);
        String q = query == null ? "" : query.strip();
        audit.record("VOTER_LIST_ENTRIES_READ", "voter_list", String.valueOf(listId), list.communeCode(),
                Map.of("query", q.matches("\\d{9,12}") ? "…" + q.substring(q.length() - 4) : q, "entries", entries.size()));
        return entries;
    }

    private ListPage page(VoterChangeStore.ListSummary l, vn.baucu.election.ElectionView election) {
        Integer recorded = l.villageCode() == null ? null
                : units.find(l.villageCode(), election.electionDay()).map(u -> u.households()).orElse(null);
        LocalDateTime cutoff = cutoff(election);
        return new ListPage(l, election.id(), recorded, cutoff, !LocalDateTime.now(clock).isAfter(cutoff));
    }

    /** Changes are allowed until 24 hours before polls open on election day ({@link VoterListWindows}). */
    private static LocalDateTime cutoff(vn.baucu.election.ElectionView election) {
        return VoterListWindows.changesCloseAt(election.electionDay());
    }

    private static void requireReason(List<String> allowed, String reason) {
        if (!allowed.contains(String.valueOf(reason))) {
            throw DomainException.violations(List.of(Violation.of("REASON_UNKNOWN", "reason", "voter.reason-unknown",
                    String.valueOf(reason), allowed.toString())));
        }
    }

    /**
     * The entry leaves its list (kept, marked removed): ACTIVE → REMOVED as one conditional update, so of two removals
     * at the same moment only one counts; the list's counts follow that one.
     */
    private void leave(EntryRow entry, Integer version) {
        if (changes.move(entry.id(), EntryStatus.ACTIVE.name(), EntryStatus.REMOVED.name(), version) == 0) {
            throw lostRace(entry.id(), version);
        }
        changes.adjustCounts(entry.listId(), -1, entry.representative() ? -1 : 0);
    }

    /** Why a conditional update changed nothing: the version the client sent is stale (412), or another change won (409). */
    private DomainException lostRace(long entryId, Integer version) {
        EntryRow now = changes.entry(entryId).orElseThrow();
        return version != null && now.version() != version
                ? DomainException.stale("voter.entry-stale", entryId, now.version(), version)
                : DomainException.conflict("voter.entry-removed", entryId);
    }

    private EntryRow activeEntry(long entryId, Integer version) {
        EntryRow entry = changes.entry(entryId).orElseThrow(() -> DomainException.notFound("voter.entry-not-found", entryId));
        if (version != null && version != entry.version()) {
            throw DomainException.stale("voter.entry-stale", entryId, entry.version(), version);
        }
        if (EntryStatus.valueOf(entry.status()) != EntryStatus.ACTIVE) {
            throw DomainException.conflict("voter.entry-removed", entryId);
        }
        return entry;
    }

    private VoterListStore.ListRow listForChange(long listId) {
        var list = listForRead(listId);
        var election = elections.get(list.electionId());
        LocalDateTime cutoff = cutoff(election);
        if (LocalDateTime.now(clock).isAfter(cutoff)) {
            throw DomainException.conflict("voter.list-closed", cutoff.toString());
        }
        return list;
    }

    private VoterListStore.ListRow listForRead(long listId) {
        var list = lists.find(listId).orElseThrow(() -> DomainException.notFound("voter.list-not-found", listId));
        var election = elections.get(list.electionId());
        var commune = units.find(list.communeCode(), election.electionDay()).orElseThrow();
        authorization.require(Authorization.Access.ADMINISTER, commune.id(), list.communeCode(), election.scopeCode());
        return list;
    }

    private void record(VoterListStore.ListRow list, long entryId, String kind, String reason, String text) {
        String by = authorization.currentUser().username();
        changes.change(list.id(), entryId, kind, reason, text, LocalDate.now(clock), by);
        audit.record("VOTER_LIST_" + kind, "voter_entry", String.valueOf(entryId), list.communeCode(),
                Map.of("reason", reason, "list", list.id()));
    }
}
