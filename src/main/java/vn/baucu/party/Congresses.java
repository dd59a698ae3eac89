package vn.baucu.party;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import vn.baucu.audit.AuditLog;
import vn.baucu.candidates.Candidates;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.CurrentUser;
import vn.baucu.platform.DomainException;
import vn.baucu.platform.FindingProblems;
import vn.baucu.platform.Idempotency;
import vn.baucu.platform.Inputs;
import vn.baucu.platform.Violation;
import vn.baucu.results.ContestResults;
import vn.baucu.rules.ContestEvaluator;
import vn.baucu.rules.ContestFigures;
import vn.baucu.rules.EnteredMinutes;
import vn.baucu.rules.Evaluation;
import vn.baucu.rules.Finding;
import vn.baucu.rules.MinutesChecks;
import vn.baucu.rules.PartyBallotCount;
import vn.baucu.rules.PartyCongresses;
import vn.baucu.rules.Round;
import vn.baucu.rules.RuleSet;
import vn.baucu.rules.VillageHeads;
import vn.baucu.rules.VotingMethod;
import vn.baucu.rules.WorkingDays;

/**
 * A congress from convening to ratification: a cell's members' congress, or a delegates' congress of a Party
 * organisation (the roll is then the delegates convened, {@link PartyCongresses#delegatesRoll}). Every step is a
 * guarded transition on the congress's or the ballot's status (409 when it does not hold, 412 on a stale version),
 * audited in its transaction, for Party committee users of the cell's superior unit only. A ballot's count is
 * entered twice by two people, compared field by field, resolved by a third where they differ, certified, and decided
 * by {@link ContestEvaluator} with {@link RuleSet#PARTY_CELL_2024} over the adjusted roll; seats left empty go to a further round in the same sitting. Only counts are stored, never
 * who voted how (QĐ 190-QĐ/TW, Điều 35: the ballots themselves stay sealed on paper).
 */
@Service
public class Congresses {

    /** The roll as the attendance left it. */
    public record Roll(int convened, int excluded, int adjusted, int present, boolean quorum) {
    }

    /** One name of a ballot's list, with the count once certified. */
    public record Nominee(long memberId, String fullName, boolean fromFloor, Integer floorSupport, Long votes,
                          String percent, Boolean elected) {
    }

    /** One secret ballot (the committee's or the secretary's), round by round. */
    public record Vote(long id, String body, int round, int seats, String status, int version, int entries,
                       List<Nominee> nominees, String outcome, String followUp, String insteadOfHead) {
    }

    /** A congress as its Party committee sees it. */
    public record CongressView(long id, long cellId, String cellName, String villageCode, String superiorCode,
                               String term, LocalDate heldOn, String mode, Integer committeeSeats, String status,
                               int version, Roll roll, Long proposedSecretary, String proposedSecretaryName,
                               Long secretaryId, String secretaryName, LocalDate ratificationDue, String ratificationNo,
                               LocalDate ratifiedOn, List<Vote> votes, LocalDate termEnds, List<Step> calendar,
                               String kind, List<DelegateView> delegates) {
    }

    /** A delegate convened to a delegates' congress: FULL or ALTERNATE, and whether a member of the convening committee. */
    public record Delegate(Long member, String standing, Boolean conveningCommittee) {
    }

    /** A delegate as the congress shows them (empty for a members' congress). */
    public record DelegateView(long member, String fullName, String standing, boolean conveningCommittee) {
    }

    /** One step of the congress's legal calendar ({@code rules.LegalCalendar}, PARTY_CELL_2024), and whether it is done. */
    public record Step(String code, LocalDate date, String relation, String legalBasis, boolean done) {
    }

    /**
     * An absence for the whole congress, with the reason and whether the convening committee accepted it; at a
     * delegates' congress, the alternate delegate who took the seat, if any.
     */
    public record Absence(Long member, String reason, Boolean approved, Long alternate) {
        public Absence(Long member, String reason, Boolean approved) {
            this(member, reason, approved, null);
        }
    }

    /** A name nominated from the floor, with the members present who supported adding it. */
    public record FloorNomination(Long member, Integer support) {
    }

    /** The list of a ballot: the committee's names, those from the floor, and the show of hands approving it. */
    public record NewList(String body, List<Long> nominees, List<FloorNomination> floor, Integer listFor,
                          Integer listAgainst, String insteadOfHead) {
    }

    /** One entry of a ballot's count from the counting committee's minutes (counts only). */
    public record CountEntry(Long electorate, Long participants, Long ballotsIssued, Long ballotsReturned,
                             Long validBallots, Long invalidBallots, List<MemberVotes> candidates) {
        public record MemberVotes(Long member, Long votes) {
        }
    }

    /**
     * The ballot papers of one count as the counting committee sorts them (each paper's marks in the list's order), with
     * how many members voted and how many papers were issued: baucu counts them, and only the counts are stored.
     */
    public record BallotPapers(Long participants, Long ballotsIssued, List<PartyBallotCount.Paper> ballots) {
    }

    /** What a count from papers did: the entry (as any other), the count it made, and the invalid papers per reason. */
    public record BallotsReceipt(EntryReceipt entry, CountEntry counted, Map<String, Integer> invalidBy) {
    }

    /** What an entry did: the ballot as it stands, and the fields where the second entry differs from the first. */
    public record EntryReceipt(Vote vote, List<MinutesChecks.Difference> differences) {
    }

    private final JdbcClient jdbc;
    private final PartyCells cells;
    private final ContestResults results;
    private final Candidates candidates;
    private final Authorization authorization;
    private final AuditLog audit;
    private final Idempotency idempotency;
    private final JsonMapper json;
    private final Clock clock;
    private final PartyCongresses.Quorum quorum;
    private final int ratificationDays;

    Congresses(JdbcClient jdbc, PartyCells cells, ContestResults results, Candidates candidates,
               Authorization authorization, AuditLog audit, Idempotency idempotency, JsonMapper json, Clock clock,
               @Value("${baucu.party.quorum:2/3}") String quorum,
               @Value("${baucu.party.ratification-working-days:15}") int ratificationDays) {
        this.jdbc = jdbc;
        this.cells = cells;
        this.results = results;
        this.candidates = candidates;
        this.authorization = authorization;
        this.audit = audit;
        this.idempotency = idempotency;
        this.json = json;
        this.clock = clock;
        this.quorum = PartyCongresses.Quorum.parse(quorum);
        this.ratificationDays = ratificationDays;
    }

    // ---------------------------------------------------------------- convening

    /**
     * Convenes the congress of a cell for a term on {@code heldOn}. Who elects what follows from the full members
     * (fewer than 9: the secretary directly; else a committee of {@code committeeSeats}, then the secretary from it).
     * "Dân tin – Đảng cử": the village's head recognised by then, when a full member of the cell, is the proposed
     * secretary. 409 when the cell has a congress for the term already.
     */
    @Transactional
    public CongressView convene(long cellId, String term, LocalDate heldOn, Integer committeeSeats) {
        return convene(cellId, term, heldOn, committeeSeats, PartyCongresses.Kind.MEMBERS, List.of());
    }

    /**
     * Convenes a delegates' congress of the organisation {@code cellId} (its roster holds the delegates): the full
     * delegates, the convening committee's members among them, and the alternates, each a full member of the roster
     * and listed once (B-121 to B-123, every problem at once). It elects a committee of {@code committeeSeats}, then
     * the secretary from it. 409 when the organisation has a congress for the term already.
     */
    @Transactional
    public CongressView conveneDelegates(long cellId, String term, LocalDate heldOn, Integer committeeSeats,
                                         List<Delegate> delegates) {
        return convene(cellId, term, heldOn, committeeSeats, PartyCongresses.Kind.DELEGATES,
                delegates == null ? List.of() : delegates);
    }

    private CongressView convene(long cellId, String term, LocalDate heldOn, Integer committeeSeats,
                                 PartyCongresses.Kind kind, List<Delegate> delegates) {
        PartyCells.CellView cell = cells.get(cellId);
        CurrentUser user = authorization.currentUser();
        List<Violation> problems = new ArrayList<>();
        if (Inputs.text(term) == null) {
            problems.add(Violation.of("P-401", "term", "problem.missing-parameter", "term"));
        }
        if (heldOn == null) {
            problems.add(Violation.of("P-401", "heldOn", "problem.missing-parameter", "heldOn"));
        }
        boolean delegatesCongress = kind == PartyCongresses.Kind.DELEGATES;
        PartyCongresses.Mode mode = delegatesCongress ? PartyCongresses.Mode.COMMITTEE_THEN_SECRETARY
                : PartyCongresses.mode(cell.fullMembers());
        if (mode == PartyCongresses.Mode.COMMITTEE_THEN_SECRETARY && (committeeSeats == null || committeeSeats < 1)) {
            problems.add(delegatesCongress
                    ? Violation.of("B-124", "committeeSeats", "party.delegates-committee-seats-required")
                    : Violation.of("B-117", "committeeSeats", "party.committee-seats-required", cell.fullMembers()));
        }
        if (delegatesCongress) {
            problems.addAll(delegateProblems(cellId, delegates));
        }
        if (!problems.isEmpty()) {
            throw DomainException.violations(problems);
        }
        Long headMember = null;
        Long followsElection = null;
        if (cell.villageCode() != null && !delegatesCongress) {
            ContestResults.VillageHead head = results.villageHeads(List.of(cell.villageCode()), heldOn).get(cell.villageCode());
            if (head != null) {
                followsElection = head.electionId();
                if (head.status() == VillageHeads.Status.IN_OFFICE) {
                    headMember = memberOfPerson(cellId, head.candidateId());
                }
            }
        }
        LocalDate due = PartyCongresses.ratificationDue(heldOn, ratificationDays, WorkingDays.bundled());
        Long id = jdbc.sql("""
                        insert into party_congress (cell_id, term, held_on, mode, committee_seats, follows_election,
                                                    head_member_id, status, ratification_due, created_by, created_at,
                                                    kind)
                        values (:c, :term, :on, :mode, :seats, :e, :head, 'CONVENED', :due, :by, :t, :kind)
                        on conflict (cell_id, term) do nothing returning id""")
                .param("c", cellId).param("term", term.strip()).param("on", java.sql.Date.valueOf(heldOn))
                .param("mode", mode.name()).param("kind", kind.name())
                .param("seats", mode == PartyCongresses.Mode.COMMITTEE_THEN_SECRETARY ? committeeSeats : null)
                .param("e", followsElection).param("head", headMember).param("due", java.sql.Date.valueOf(due))
                .param("by", user.username()).param("t", Timestamp.from(clock.instant()))
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            throw DomainException.conflict("party.congress-exists", cell.name(), term.strip());
        }
        for (Delegate d : delegates) {
            jdbc.sql("""
                            insert into congress_delegate (congress_id, member_id, standing, convening_committee)
                            values (:c, :m, :s, :cc)""")
                    .param("c", id).param("m", d.member()).param("s", d.standing())
                    .param("cc", Boolean.TRUE.equals(d.conveningCommittee())).update();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("term", term.strip());
        details.put("heldOn", heldOn.toString());
        details.put("kind", kind.name());
        details.put("mode", mode.name());
        details.put("proposedSecretary", headMember);
        if (delegatesCongress) {
            details.put("fullDelegates", delegates.stream().filter(d -> "FULL".equals(d.standing())).count());
            details.put("alternates", delegates.stream().filter(d -> "ALTERNATE".equals(d.standing())).count());
        }
        audit.record("CONGRESS_CONVENED", "party_congress", String.valueOf(id), cell.superiorCode(), details);
        return view(id);
    }

    /** Every problem of a delegates' list at once: none at all, a delegate off the roster or twice, a wrong standing. */
    private List<Violation> delegateProblems(long cellId, List<Delegate> delegates) {
        List<Violation> problems = new ArrayList<>();
        Set<Long> full = cells.memberRows(cellId).stream().filter(m -> "FULL".equals(m.membership()))
                .map(PartyCells.Member::id).collect(Collectors.toSet());
        Set<Long> seen = new java.util.HashSet<>();
        boolean anyFull = false;
        for (int i = 0; i < delegates.size(); i++) {
            Delegate d = delegates.get(i);
            String field = "delegates[" + i + "]";
            if (d == null || d.member() == null || !full.contains(d.member()) || !seen.add(d.member())) {
                problems.add(Violation.of("B-122", field + ".member", "party.delegate-not-eligible", i + 1));
                continue;
            }
            if (!Set.of("FULL", "ALTERNATE").contains(String.valueOf(d.standing()))
                    || "ALTERNATE".equals(d.standing()) && Boolean.TRUE.equals(d.conveningCommittee())) {
                problems.add(Violation.of("B-123", field + ".standing", "party.delegate-standing", i + 1));
            } else if ("FULL".equals(d.standing())) {
                anyFull = true;
            }
        }
        if (!anyFull && problems.isEmpty()) {
            problems.add(Violation.of("B-121", "delegates", "party.delegates-required"));
        }
        return problems;
    }

    /** The full member of the cell who is the same person as this candidate (by personal id), if any. */
    private Long memberOfPerson(long cellId, Long candidateId) {
        if (candidateId == null) {
            return null;
        }
        Candidates.Person person = candidates.persons(List.of(candidateId)).get(candidateId);
        if (person == null || person.personalId() == null) {
            return null;
        }
        return jdbc.sql("select id from party_member where cell_id = :c and personal_id = :p and membership = 'FULL'")
                .param("c", cellId).param("p", person.personalId()).query(Long.class).optional().orElse(null);
    }

    /**
     * The attendance: who was absent for the whole congress and whether the reason was accepted; everyone else was
     * present. Gives the roll (QĐ 190-QĐ/TW, Điều 30) and opens the congress when the quorum is met. May be recorded
     * again until the first ballot's list is set (409 after); 412 on a stale version.
     */
    @Transactional
    public CongressView recordAttendance(long congressId, List<Absence> absences, Integer ifMatch) {
        Row c = row(congressId);
        guard(c);
        requireVersion(c, ifMatch);
        if (!Set.of("CONVENED", "OPENED").contains(c.status()) || votes(congressId).size() > 0) {
            throw DomainException.conflict("party.congress-state", c.id(), c.status());
        }
        boolean delegatesCongress = PartyCongresses.Kind.DELEGATES.name().equals(c.kind());
        List<DelegateView> delegates = delegates(congressId);
        List<PartyCells.Member> members = cells.memberRows(c.cellId());
        Set<Long> onRoll = delegatesCongress
                ? delegates.stream().filter(d -> "FULL".equals(d.standing())).map(DelegateView::member).collect(Collectors.toSet())
                : members.stream().map(PartyCells.Member::id).collect(Collectors.toSet());
        Map<Long, DelegateView> alternates = delegates.stream().filter(d -> "ALTERNATE".equals(d.standing()))
                .collect(Collectors.toMap(DelegateView::member, d -> d));
        Set<Long> conveningCommittee = delegates.stream().filter(DelegateView::conveningCommittee)
                .map(DelegateView::member).collect(Collectors.toSet());
        List<Violation> problems = new ArrayList<>();
        Map<Long, Absence> absent = new LinkedHashMap<>();
        Set<Long> seated = new java.util.HashSet<>();
        List<Absence> given = absences == null ? List.of() : absences;
        for (int i = 0; i < given.size(); i++) {
            Absence a = given.get(i);
            if (a == null || a.member() == null || !onRoll.contains(a.member()) || absent.containsKey(a.member())) {
                problems.add(Violation.of("B-115", "absences[" + i + "].member", "party.absence-unknown-member", i + 1));
                continue;
            }
            absent.put(a.member(), a);
            if (a.alternate() == null) {
                continue;
            }
            if (!alternates.containsKey(a.alternate()) || !seated.add(a.alternate())) {
                problems.add(Violation.of("B-125", "absences[" + i + "].alternate", "party.alternate-invalid", i + 1));
            } else if (conveningCommittee.contains(a.member())) {
                problems.add(Violation.of("B-126", "absences[" + i + "].alternate",
                        "party.alternate-for-convening-committee", i + 1));
            }
        }
        if (!problems.isEmpty()) {
            throw DomainException.violations(problems);
        }
        PartyCongresses.Roll roll = delegatesCongress
                ? PartyCongresses.delegatesRoll(delegates.stream().filter(d -> "FULL".equals(d.standing()))
                        .map(d -> new PartyCongresses.Seat(d.member(), d.conveningCommittee(), !absent.containsKey(d.member()),
                                absent.containsKey(d.member()) && absent.get(d.member()).alternate() != null)).toList())
                : PartyCongresses.roll(members.stream().map(m -> new PartyCongresses.Attendee(m.id(),
                        "FULL".equals(m.membership()), m.exempted(), !absent.containsKey(m.id()),
                        absent.containsKey(m.id()) && Boolean.TRUE.equals(absent.get(m.id()).approved()))).toList());
        boolean met = quorum.met(roll);
        jdbc.sql("delete from congress_absence where congress_id = :c").param("c", congressId).update();
        for (Absence a : absent.values()) {
            jdbc.sql("""
                            insert into congress_absence (congress_id, member_id, reason, approved, alternate_id)
                            values (:c, :m, :r, :a, :alt)""")
                    .param("c", congressId).param("m", a.member()).param("r", Inputs.text(a.reason()))
                    .param("a", Boolean.TRUE.equals(a.approved())).param("alt", a.alternate()).update();
        }
        int updated = jdbc.sql("""
                        update party_congress set convened = :n, excluded = :x, present = :p, status = :s,
                               version = version + 1
                        where id = :id and version = :v""")
                .param("n", roll.convened()).param("x", roll.excluded()).param("p", roll.present())
                .param("s", met ? "OPENED" : "CONVENED").param("id", congressId).param("v", c.version()).update();
        if (updated == 0) {
            throw DomainException.conflict("party.congress-moved", congressId);
        }
        audit.record("CONGRESS_ATTENDANCE_RECORDED", "party_congress", String.valueOf(congressId), c.superiorCode(),
                Map.of("convened", roll.convened(), "excluded", roll.excluded(), "present", roll.present(), "quorum", met,
                        "alternatesSeated", absent.values().stream().filter(a -> a.alternate() != null).count()));
        return view(congressId);
    }

    // ---------------------------------------------------------------- ballots

    /**
     * Sets the list of the next ballot — the cell committee's (committee mode, until its seats are filled) or the
     * secretary's — with every problem at once: quorum (B-104), names that are not full members (B-110), a secretary not
     * on the committee just elected (B-111), the recognised head left out without the committee's reason (B-112), the
     * surplus (B-105, B-106), floor nominations (B-107), the show of hands (B-108, B-109), nothing left to elect (B-116).
     * A further round needs the previous one certified (409).
     */
    @Transactional
    public Vote setList(long congressId, NewList list) {
        Row c = row(congressId);
        guard(c);
        if (list == null) {
            throw DomainException.badRequest("problem.malformed-body");
        }
        if (!"OPENED".equals(c.status())) {
            if ("CONVENED".equals(c.status()) && c.present() != null) {
                throw DomainException.violations(List.of(Violation.of("B-104", "attendance", "party.no-quorum",
                        c.present(), c.convened() - c.excluded(), quorumCount(c))));
            }
            throw DomainException.conflict("party.congress-state", c.id(), c.status());
        }
        List<Vote> previous = votes(congressId);
        if (previous.stream().anyMatch(v -> !"CERTIFIED".equals(v.status()))) {
            throw DomainException.conflict("party.vote-open", c.id());
        }
        boolean committeeMode = "COMMITTEE_THEN_SECRETARY".equals(c.mode());
        Set<Long> committee = elected(previous, "COMMITTEE");
        String body = list.body() == null ? (committeeMode && committee.size() < c.committeeSeats() ? "COMMITTEE" : "SECRETARY")
                : list.body();
        if (!Set.of("COMMITTEE", "SECRETARY").contains(body) || "COMMITTEE".equals(body) && !committeeMode) {
            throw DomainException.violations(List.of(Violation.of("E-008", "body", "evaluation.unknown-value", "body", body,
                    committeeMode ? "[COMMITTEE, SECRETARY]" : "[SECRETARY]")));
        }
        int total = "COMMITTEE".equals(body) ? c.committeeSeats() : 1;
        int seats = total - elected(previous, body).size();
        List<Violation> problems = new ArrayList<>();
        if (seats <= 0) {
            throw DomainException.violations(List.of(Violation.of("B-116", "body", "party.no-seats-left", body)));
        }
        if ("SECRETARY".equals(body) && committeeMode && committee.size() < c.committeeSeats()) {
            throw DomainException.conflict("party.committee-first", c.id());
        }
        List<Long> names = new ArrayList<>(list.nominees() == null ? List.of() : list.nominees());
        List<FloorNomination> floor = list.floor() == null ? List.of() : list.floor();
        floor.forEach(f -> names.add(f == null ? null : f.member()));
        Map<Long, PartyCells.Member> full = cells.memberRows(c.cellId()).stream()
                .filter(m -> "FULL".equals(m.membership())).collect(Collectors.toMap(PartyCells.Member::id, m -> m));
        Set<Long> already = elected(previous, body);
        Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            Long id = names.get(i);
            if (id == null || !full.containsKey(id) || already.contains(id) || !seen.add(id)) {
                problems.add(Violation.of("B-110", "nominees[" + i + "]", "party.nominee-not-eligible", i + 1));
            } else if ("SECRETARY".equals(body) && committeeMode && !committee.contains(id)) {
                problems.add(Violation.of("B-111", "nominees[" + i + "]", "party.secretary-not-on-committee", i + 1));
            }
        }
        if ("SECRETARY".equals(body) && c.headMemberId() != null && !names.contains(c.headMemberId())
                && Inputs.text(list.insteadOfHead()) == null) {
            problems.add(Violation.of("B-112", "insteadOfHead", "party.instead-of-head-reason-required"));
        }
        List<int[]> support = new ArrayList<>();
        for (int i = 0; i < floor.size(); i++) {
            support.add(new int[] {i, floor.get(i) == null || floor.get(i).support() == null ? 0 : floor.get(i).support()});
        }
        int listFor = list.listFor() == null ? -1 : list.listFor();
        int listAgainst = list.listAgainst() == null ? 0 : list.listAgainst();
        PartyCongresses.listProblems(seats, names.size(), support, c.present(), listFor, listAgainst).stream()
                .map(FindingProblems::violation).forEach(problems::add);
        if (!problems.isEmpty()) {
            throw DomainException.violations(problems);
        }
        int round = (int) previous.stream().filter(v -> v.body().equals(body)).count() + 1;
        long voteId = jdbc.sql("""
                        insert into congress_vote (congress_id, body, round, seats, list_for, list_against,
                                                   instead_of_head, status)
                        values (:c, :b, :r, :s, :f, :a, :why, 'LISTED') returning id""")
                .param("c", congressId).param("b", body).param("r", round).param("s", seats).param("f", listFor)
                .param("a", listAgainst).param("why", Inputs.text(list.insteadOfHead())).query(Long.class).single();
        int position = 1;
        for (Long id : list.nominees() == null ? List.<Long>of() : list.nominees()) {
            jdbc.sql("insert into congress_nominee (vote_id, member_id, position, from_floor) values (:v, :m, :p, false)")
                    .param("v", voteId).param("m", id).param("p", position++).update();
        }
        for (FloorNomination f : floor) {
            jdbc.sql("""
                            insert into congress_nominee (vote_id, member_id, position, from_floor, floor_support)
                            values (:v, :m, :p, true, :s)""")
                    .param("v", voteId).param("m", f.member()).param("p", position++).param("s", f.support()).update();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("body", body);
        details.put("round", round);
        details.put("seats", seats);
        details.put("names", names);
        details.put("listFor", listFor);
        details.put("insteadOfHead", Inputs.text(list.insteadOfHead()));
        audit.record("CONGRESS_LIST_SET", "party_congress", String.valueOf(congressId), c.superiorCode(), details);
        return vote(voteId);
    }

    /**
     * One of the two independent entries of a ballot's count (Idempotency-Key: a resend replays the first answer). The
     * second, from someone else (409 for the same user), is compared with the first: VERIFIED when they agree, DIFFERENT
     * (with each field) when not. 422 with every problem: the arithmetic of the minutes, a name not on the list, the
     * roll not the congress's.
     */
    @Transactional
    public Idempotency.Outcome<EntryReceipt> enter(long voteId, CountEntry entry, UUID key) {
        VoteRow v = voteRow(voteId);
        Row c = row(v.congressId());
        CurrentUser user = guard(c);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("vote", voteId);
        request.put("entry", entry);
        return idempotency.once(key, user.username(), "congress count", request, EntryReceipt.class,
                () -> record(c, v, entry, user));
    }

    /**
     * One of the two entries of a ballot's count made from its papers: each paper judged by the Party's ballot rules
     * (QĐ 244-QĐ/TW, Điều 32 khoản 1; {@link PartyBallotCount}) — on a list without surplus a name ticked both ways or
     * not at all leaves the paper valid without a vote for that name — and the count entered as {@link #enter} enters
     * it (the same idempotency, the same checks, the same comparison with the other entry). 422 naming each paper
     * whose marks do not fit the list.
     */
    @Transactional
    public Idempotency.Outcome<BallotsReceipt> enterBallots(long voteId, BallotPapers papers, UUID key) {
        VoteRow v = voteRow(voteId);
        guard(row(v.congressId()));
        if (papers == null || papers.ballots() == null) {
            throw DomainException.violations(List.of(Violation.of("P-401", "ballots", "problem.missing-parameter", "ballots")));
        }
        List<Nominee> names = nominees(voteId);
        PartyBallotCount.Count count = PartyBallotCount.count(names.size(), v.seats(), papers.ballots());
        if (!count.problems().isEmpty()) {
            throw DomainException.violations(count.problems().stream()
                    .map(p -> Violation.of(p.code(), p.field(), p.messageKey(), p.paper() + 1, names.size())).toList());
        }
        List<CountEntry.MemberVotes> votes = new ArrayList<>();
        for (int n = 0; n < names.size(); n++) {
            votes.add(new CountEntry.MemberVotes(names.get(n).memberId(), count.votes().get(n)));
        }
        CountEntry entry = new CountEntry(null, papers.participants(), papers.ballotsIssued(), (long) count.returned(),
                (long) count.valid(), (long) count.invalid(), votes);
        Idempotency.Outcome<EntryReceipt> o = enter(voteId, entry, key);
        return new Idempotency.Outcome<>(new BallotsReceipt(o.body(), entry, count.invalidBy()), o.replayed());
    }

    private EntryReceipt record(Row c, VoteRow v, CountEntry entry, CurrentUser user) {
        if (!Set.of("LISTED", "ENTERED").contains(v.status())) {
            throw DomainException.conflict("party.vote-state", v.id(), v.status());
        }
        if (entry == null) {
            throw DomainException.badRequest("problem.malformed-body");
        }
        EnteredMinutes figures = check(c, v, entry);
        List<Object[]> current = jdbc.sql("""
                        select seq, entered_by, figures::text from congress_count_entry where vote_id = :v and attempt = :a
                        order by seq""")
                .param("v", v.id()).param("a", v.attempt())
                .query((rs, i) -> new Object[] {rs.getInt(1), rs.getString(2), rs.getString(3)}).list();
        if (current.stream().anyMatch(r -> r[1].equals(user.username()))) {
            throw DomainException.conflict("party.same-user", user.username());
        }
        int seq = current.size() + 1;
        String text = json.writeValueAsString(normalised(c, entry));
        jdbc.sql("""
                        insert into congress_count_entry (vote_id, attempt, seq, entered_by, entered_at, figures)
                        values (:v, :a, :s, :by, :t, cast(:f as jsonb))""")
                .param("v", v.id()).param("a", v.attempt()).param("s", seq).param("by", user.username())
                .param("t", Timestamp.from(clock.instant())).param("f", text).update();
        List<MinutesChecks.Difference> differences = List.of();
        String to = "ENTERED";
        String agreed = null;
        if (seq == 2) {
            CountEntry first = json.readValue((String) current.get(0)[2], CountEntry.class);
            differences = MinutesChecks.compare(entered(first), figures);
            to = differences.isEmpty() ? "VERIFIED" : "DIFFERENT";
            agreed = differences.isEmpty() ? text : null;
        }
        move(v, to, agreed);
        audit.record("CONGRESS_COUNT_ENTERED", "congress_vote", String.valueOf(v.id()), c.superiorCode(),
                Map.of("entry", seq, "status", to, "differences",
                        differences.stream().map(MinutesChecks.Difference::field).toList()));
        return new EntryReceipt(vote(v.id()), differences);
    }

    /** Someone who made neither entry keeps the FIRST or SECOND of two differing entries, or sends the count back. */
    @Transactional
    public Vote resolve(long voteId, String keep, boolean reenter) {
        VoteRow v = voteRow(voteId);
        Row c = row(v.congressId());
        CurrentUser user = guard(c);
        if (!"DIFFERENT".equals(v.status())) {
            throw DomainException.conflict("party.vote-state", v.id(), v.status());
        }
        List<String[]> entries = jdbc.sql("""
                        select entered_by, figures::text from congress_count_entry where vote_id = :v and attempt = :a
                        order by seq""")
                .param("v", voteId).param("a", v.attempt())
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        if (entries.stream().anyMatch(e -> e[0].equals(user.username()))) {
            throw DomainException.conflict("party.resolver-entered", user.username());
        }
        String outcome;
        if (reenter) {
            int updated = jdbc.sql("""
                            update congress_vote set status = 'LISTED', attempt = attempt + 1, version = version + 1
                            where id = :id and version = :ver and status = 'DIFFERENT'""")
                    .param("id", voteId).param("ver", v.version()).update();
            if (updated == 0) {
                throw DomainException.conflict("party.vote-moved", voteId);
            }
            outcome = "REENTER";
        } else {
            int index = "FIRST".equals(keep) ? 0 : "SECOND".equals(keep) ? 1 : -1;
            if (index < 0) {
                throw DomainException.violations(List.of(Violation.of("E-008", "keep", "evaluation.unknown-value", "keep",
                        String.valueOf(keep), "[FIRST, SECOND]")));
            }
            move(v, "VERIFIED", entries.get(index)[1]);
            outcome = keep;
        }
        audit.record("CONGRESS_COUNT_RESOLVED", "congress_vote", String.valueOf(voteId), c.superiorCode(),
                Map.of("outcome", outcome));
        return vote(voteId);
    }

    /**
     * Certifies a verified count ({@code ifMatch}: the ballot's current version, 412 otherwise) and decides it with the
     * rules over the adjusted roll: who is elected (more than half of the roll, QĐ 190-QĐ/TW, Điều 30), and whether a
     * further round is needed. A secretary elected becomes the congress's secretary.
     */
    @Transactional
    public Vote certify(long voteId, Integer ifMatch) {
        VoteRow v = voteRow(voteId);
        Row c = row(v.congressId());
        CurrentUser user = guard(c);
        if (ifMatch == null) {
            throw DomainException.violations(List.of(Violation.of("P-401", "If-Match", "problem.missing-parameter", "If-Match")));
        }
        if (ifMatch != v.version()) {
            throw DomainException.stale("party.stale-version", voteId, ifMatch, v.version());
        }
        if (!"VERIFIED".equals(v.status())) {
            throw DomainException.conflict("party.vote-state", v.id(), v.status());
        }
        CountEntry agreed = json.readValue(v.figures(), CountEntry.class);
        Map<Long, String> names = nominees(voteId).stream()
                .collect(Collectors.toMap(Nominee::memberId, Nominee::fullName, (a, b) -> a, LinkedHashMap::new));
        ContestFigures figures = new ContestFigures(RuleSet.PARTY_CELL_2024, Round.FIRST, v.seats(), c.heldOn(),
                VotingMethod.SECRET_BALLOT, c.convened(), c.excluded(), agreed.participants(), agreed.ballotsIssued(),
                agreed.ballotsReturned(), agreed.validBallots(), agreed.invalidBallots(),
                agreed.candidates().stream().map(x -> new ContestFigures.CandidateFigures(String.valueOf(x.member()),
                        names.get(x.member()), null, x.votes())).toList());
        Evaluation evaluation = ContestEvaluator.evaluate(figures);
        int updated = jdbc.sql("""
                        update congress_vote set status = 'CERTIFIED', evaluation = cast(:e as jsonb), certified_by = :by,
                               certified_at = :t, version = version + 1
                        where id = :id and version = :ver and status = 'VERIFIED'""")
                .param("e", json.writeValueAsString(evaluation)).param("by", user.username())
                .param("t", Timestamp.from(clock.instant())).param("id", voteId).param("ver", v.version()).update();
        if (updated == 0) {
            throw DomainException.conflict("party.vote-moved", voteId);
        }
        for (Long member : names.keySet()) {
            jdbc.sql("update congress_nominee set elected = :e where vote_id = :v and member_id = :m")
                    .param("e", evaluation.elected().contains(String.valueOf(member))).param("v", voteId)
                    .param("m", member).update();
        }
        if ("SECRETARY".equals(v.body()) && evaluation.elected().size() == 1) {
            jdbc.sql("update party_congress set secretary_id = :s, version = version + 1 where id = :id")
                    .param("s", Long.parseLong(evaluation.elected().get(0))).param("id", c.id()).update();
        }
        audit.record("CONGRESS_COUNT_CERTIFIED", "congress_vote", String.valueOf(voteId), c.superiorCode(),
                Map.of("body", v.body(), "round", v.round(), "outcome", evaluation.outcome().name(),
                        "elected", evaluation.elected()));
        return vote(voteId);
    }

    /** Closes the congress once no ballot is open (409 otherwise); the secretary it elected, if any, is on record. */
    @Transactional
    public CongressView close(long congressId, Integer ifMatch) {
        Row c = row(congressId);
        guard(c);
        requireVersion(c, ifMatch);
        if (!"OPENED".equals(c.status()) || votes(congressId).stream().anyMatch(v -> !"CERTIFIED".equals(v.status()))) {
            throw DomainException.conflict("party.congress-state", c.id(), c.status());
        }
        transition(c, "OPENED", "CLOSED");
        audit.record("CONGRESS_CLOSED", "party_congress", String.valueOf(congressId), c.superiorCode(),
                Map.of("secretary", String.valueOf(row(congressId).secretaryId())));
        return view(congressId);
    }

    /**
     * The superior committee's ratification (chuẩn y) of a closed congress: decision number and date, on or after the
     * congress and not in the future (422 B-113, B-114); once (409 after).
     */
    @Transactional
    public CongressView ratify(long congressId, String decisionNo, LocalDate decidedOn) {
        Row c = row(congressId);
        CurrentUser user = guard(c);
        List<Violation> problems = new ArrayList<>();
        if (Inputs.text(decisionNo) == null || decidedOn == null) {
            problems.add(Violation.of("B-113", "decisionNo", "party.ratification-decision-required"));
        } else if (decidedOn.isBefore(c.heldOn()) || decidedOn.isAfter(LocalDate.now(clock))) {
            problems.add(Violation.of("B-114", "decidedOn", "party.ratification-date-invalid", decidedOn, c.heldOn()));
        }
        if (!problems.isEmpty()) {
            throw DomainException.violations(problems);
        }
        if (!"CLOSED".equals(c.status())) {
            throw DomainException.conflict("party.congress-state", c.id(), c.status());
        }
        int updated = jdbc.sql("""
                        update party_congress set status = 'RATIFIED', ratification_no = :no, ratified_on = :on,
                               ratified_by = :by, version = version + 1
                        where id = :id and status = 'CLOSED'""")
                .param("no", decisionNo.strip()).param("on", java.sql.Date.valueOf(decidedOn))
                .param("by", user.username()).param("id", congressId).update();
        if (updated == 0) {
            throw DomainException.conflict("party.congress-moved", congressId);
        }
        audit.record("CONGRESS_RATIFIED", "party_congress", String.valueOf(congressId), c.superiorCode(),
                Map.of("decisionNo", decisionNo.strip(), "decidedOn", decidedOn.toString(),
                        "onTime", !decidedOn.isAfter(c.ratificationDue())));
        return view(congressId);
    }

    /** The congress, with its roll and every ballot; the read is audited. */
    @Transactional
    public CongressView get(long congressId) {
        Row c = row(congressId);
        guard(c);
        audit.record("PARTY_DATA_READ", "party_congress", String.valueOf(congressId), c.superiorCode(), Map.of());
        return view(congressId);
    }

    /** The congresses of a cell, newest first. */
    @Transactional(readOnly = true)
    public List<CongressView> ofCell(long cellId) {
        cells.get(cellId);
        return jdbc.sql("select id from party_congress where cell_id = :c order by held_on desc, id desc")
                .param("c", cellId).query(Long.class).list().stream().map(this::view).toList();
    }

    // ---------------------------------------------------------------- internals

    record Row(long id, long cellId, String superiorCode, LocalDate since, String term, LocalDate heldOn, String mode,
               Integer committeeSeats, Long headMemberId, String status, Integer convened, Integer excluded,
               Integer present, Long secretaryId, LocalDate ratificationDue, String ratificationNo, LocalDate ratifiedOn,
               int version, String kind) {
    }

    record VoteRow(long id, long congressId, String body, int round, int seats, String status, int attempt, int version,
                   String figures) {
    }

    Row row(long congressId) {
        return jdbc.sql("""
                        select g.id, g.cell_id, c.superior_code, c.since, g.term, g.held_on, g.mode, g.committee_seats,
                               g.head_member_id, g.status, g.convened, g.excluded, g.present, g.secretary_id,
                               g.ratification_due, g.ratification_no, g.ratified_on, g.version, g.kind
                        from party_congress g join party_cell c on c.id = g.cell_id where g.id = :id""")
                .param("id", congressId)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                        rs.getString(5), rs.getDate(6).toLocalDate(), rs.getString(7), (Integer) rs.getObject(8),
                        (Long) rs.getObject(9), rs.getString(10), (Integer) rs.getObject(11), (Integer) rs.getObject(12),
                        (Integer) rs.getObject(13), (Long) rs.getObject(14), date(rs.getDate(15)), rs.getString(16),
                        date(rs.getDate(17)), rs.getInt(18), rs.getString(19)))
                .optional().orElseThrow(() -> DomainException.notFound("party.congress-not-found", congressId));
    }

    List<DelegateView> delegates(long congressId) {
        return jdbc.sql("""
                        select d.member_id, m.full_name, d.standing, d.convening_committee
                        from congress_delegate d join party_member m on m.id = d.member_id
                        where d.congress_id = :c order by d.standing desc, d.member_id""")
                .param("c", congressId)
                .query((rs, i) -> new DelegateView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .list();
    }

    private static LocalDate date(java.sql.Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private CurrentUser guard(Row c) {
        return authorization.requireParty(c.superiorCode(), c.since());
    }

    private static void requireVersion(Row c, Integer ifMatch) {
        if (ifMatch != null && ifMatch != c.version()) {
            throw DomainException.stale("party.stale-version", c.id(), ifMatch, c.version());
        }
    }

    private void transition(Row c, String from, String to) {
        int updated = jdbc.sql("update party_congress set status = :to, version = version + 1 where id = :id and status = :from")
                .param("to", to).param("id", c.id()).param("from", from).update();
        if (updated == 0) {
            throw DomainException.conflict("party.congress-moved", c.id());
        }
    }

    private int quorumCount(Row c) {
        int adjusted = c.convened() - c.excluded();
        return (adjusted * quorum.numerator() + quorum.denominator() - 1) / quorum.denominator();
    }

    private VoteRow voteRow(long voteId) {
        return jdbc.sql("""
                        select id, congress_id, body, round, seats, status, attempt, version, figures::text
                        from congress_vote where id = :id""")
                .param("id", voteId)
                .query((rs, i) -> new VoteRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                        rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getString(9)))
                .optional().orElseThrow(() -> DomainException.notFound("party.vote-not-found", voteId));
    }

    private void move(VoteRow v, String to, String agreedFigures) {
        int updated = jdbc.sql("""
                        update congress_vote set status = :to, figures = coalesce(cast(:f as jsonb), figures),
                               version = version + 1
                        where id = :id and version = :ver""")
                .param("to", to).param("f", agreedFigures).param("id", v.id()).param("ver", v.version()).update();
        if (updated == 0) {
            throw DomainException.conflict("party.vote-moved", v.id());
        }
    }

    /** The paper's figures with the roll the congress recorded where the paper leaves it out. */
    private static CountEntry normalised(Row c, CountEntry e) {
        return new CountEntry(e.electorate() == null ? Long.valueOf(c.convened()) : e.electorate(), e.participants(),
                e.ballotsIssued(), e.ballotsReturned(), e.validBallots(), e.invalidBallots(), e.candidates());
    }

    private static EnteredMinutes entered(CountEntry e) {
        return new EnteredMinutes(VotingMethod.SECRET_BALLOT, e.electorate() == null ? 0 : e.electorate(),
                e.participants() == null ? 0 : e.participants(), e.ballotsIssued(), e.ballotsReturned(), e.validBallots(),
                e.invalidBallots(), e.candidates() == null ? List.of() : e.candidates().stream()
                .map(x -> new EnteredMinutes.Votes(String.valueOf(x.member()), x.votes() == null ? 0 : x.votes())).toList(),
                0, 0, 0, null);
    }

    /** Every problem of an entry at once (the minutes' own checks, with the roll as the list). */
    private EnteredMinutes check(Row c, VoteRow v, CountEntry e) {
        List<Violation> problems = new ArrayList<>();
        if (e.participants() == null) {
            problems.add(Violation.of("E-001", "participants", "evaluation.required", "participants"));
        }
        List<CountEntry.MemberVotes> given = e.candidates() == null ? List.of() : e.candidates();
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i) == null || given.get(i).votes() == null) {
                problems.add(Violation.of("E-001", "candidates[" + i + "].votes", "evaluation.required",
                        "candidates[" + i + "].votes"));
            }
        }
        if (!problems.isEmpty()) {
            throw DomainException.violations(problems);
        }
        CountEntry full = normalised(c, e);
        EnteredMinutes figures = entered(full);
        List<MinutesChecks.BallotName> ballot = nominees(v.id()).stream()
                .map(n -> new MinutesChecks.BallotName(String.valueOf(n.memberId()), n.fullName(), true)).toList();
        List<Finding> errors = MinutesChecks.errors(figures,
                new MinutesChecks.Expected(RuleSet.PARTY_CELL_2024, v.seats(), c.heldOn(), ballot, (long) c.convened()));
        List<Violation> all = new ArrayList<>(errors.stream().map(FindingProblems::violation).toList());
        if (e.participants() > c.present()) {
            all.add(Violation.of("B-118", "participants", "party.participants-above-present", e.participants(), c.present()));
        }
        if (!all.isEmpty()) {
            throw DomainException.violations(all);
        }
        return figures;
    }

    private List<Nominee> nominees(long voteId) {
        return jdbc.sql("""
                        select n.member_id, m.full_name, n.from_floor, n.floor_support, n.elected
                        from congress_nominee n join party_member m on m.id = n.member_id
                        where n.vote_id = :v order by n.position""")
                .param("v", voteId)
                .query((rs, i) -> new Nominee(rs.getLong(1), rs.getString(2), rs.getBoolean(3), (Integer) rs.getObject(4),
                        null, null, (Boolean) rs.getObject(5)))
                .list();
    }

    private static Set<Long> elected(List<Vote> votes, String body) {
        return votes.stream().filter(v -> v.body().equals(body)).flatMap(v -> v.nominees().stream())
                .filter(n -> Boolean.TRUE.equals(n.elected())).map(Nominee::memberId).collect(Collectors.toSet());
    }

    List<Vote> votes(long congressId) {
        return jdbc.sql("select id from congress_vote where congress_id = :c order by id").param("c", congressId)
                .query(Long.class).list().stream().map(this::vote).toList();
    }

    Vote vote(long voteId) {
        VoteRow v = voteRow(voteId);
        // what the row does not carry, in one read: the rules' answer, the reason given, the entries of this attempt
        Object[] more = jdbc.sql("""
                        select evaluation::text, instead_of_head,
                               (select count(*) from congress_count_entry x where x.vote_id = v.id and x.attempt = v.attempt)
                        from congress_vote v where v.id = :id""")
                .param("id", voteId)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3)}).single();
        Evaluation evaluation = more[0] == null ? null : json.readValue((String) more[0], Evaluation.class);
        Map<String, Evaluation.CandidateResult> byId = new HashMap<>();
        if (evaluation != null) {
            evaluation.candidates().forEach(r -> byId.put(r.id(), r));
        }
        int entries = (Integer) more[2];
        String why = (String) more[1];
        List<Nominee> names = nominees(voteId).stream().map(n -> {
            Evaluation.CandidateResult r = byId.get(String.valueOf(n.memberId()));
            return new Nominee(n.memberId(), n.fullName(), n.fromFloor(), n.floorSupport(), r == null ? null : r.votes(),
                    r == null ? null : r.percent(), n.elected());
        }).toList();
        return new Vote(v.id(), v.body(), v.round(), v.seats(), v.status(), v.version(), entries, names,
                evaluation == null ? null : evaluation.outcome().name(),
                evaluation == null ? null : evaluation.followUp().kind().name(), why);
    }

    CongressView view(long congressId) {
        Row c = row(congressId);
        PartyCells.CellView cell = cells.find(c.cellId());
        Map<Long, String> names = cells.memberRows(c.cellId()).stream()
                .collect(Collectors.toMap(PartyCells.Member::id, PartyCells.Member::fullName));
        Roll roll = c.convened() == null ? null : new Roll(c.convened(), c.excluded(), c.convened() - c.excluded(),
                c.present(), quorum.met(new PartyCongresses.Roll(c.convened(), c.excluded(), c.convened() - c.excluded(),
                c.present())));
        // the calendar: after a village head election the head must be recognised first ("Dân tin – Đảng cử"), then
        // the congress, then the superior committee's ratification by its (configurable) deadline
        boolean held = Set.of("CLOSED", "RATIFIED").contains(c.status());
        List<Step> calendar = new ArrayList<>();
        for (vn.baucu.rules.Milestone m : vn.baucu.rules.LegalCalendar.of(RuleSet.PARTY_CELL_2024, c.heldOn(),
                WorkingDays.bundled(), cell.villageCode() != null)) {
            boolean done = switch (m.code()) {
                case "VILLAGE_HEAD_RECOGNISED" -> c.headMemberId() != null;
                case "CONGRESS" -> held;
                default -> false;
            };
            calendar.add(new Step(m.code(), m.date(), m.relation().name(), m.legalBasis(), done));
        }
        calendar.add(new Step("RATIFIED", c.ratificationDue(), "NO_LATER_THAN",
                "Quyết định 190-QĐ/TW, Điều 2 (hạn: mặc định có thể cấu hình)", c.ratifiedOn() != null));
        // a cell congress is held twice every five years (Điều lệ Đảng, Điều 24 khoản 3)
        return new CongressView(c.id(), c.cellId(), cell.name(), cell.villageCode(), cell.superiorCode(), c.term(),
                c.heldOn(), c.mode(), c.committeeSeats(), c.status(), c.version(), roll, c.headMemberId(),
                c.headMemberId() == null ? null : names.get(c.headMemberId()), c.secretaryId(),
                c.secretaryId() == null ? null : names.get(c.secretaryId()), c.ratificationDue(), c.ratificationNo(),
                c.ratifiedOn(), votes(congressId), c.heldOn().plusMonths(30), calendar, c.kind(), delegates(congressId));
    }
}
