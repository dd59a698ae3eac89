package vn.baucu.audit;

import java.util.Arrays;

/**
 * The one catalogue of audit actions: everything the audit log records is one of these, with what it means and
 * whether it is a change, a read of personal data, or an event of the accounts. {@code docs/audit-events.md} is
 * generated from this list ({@code AuditCatalogueTest} keeps it in step); {@link AuditLog} refuses any other action.
 */
public enum AuditAction {
    // accounts and sign-in
    USER_CREATED(Kind.ACCOUNT, "A user account was created (role and unit)."),
    LOGIN_SUCCEEDED(Kind.ACCOUNT, "Someone signed in on the login page."),
    LOGIN_FAILED(Kind.ACCOUNT, "A sign-in (page or API) with a wrong password or an unknown or locked account."),
    ACCOUNT_LOCKED(Kind.ACCOUNT, "An account was locked after too many wrong passwords from one client."),
    LOGIN_THROTTLED(Kind.ACCOUNT, "A client was refused sign-in for a while after too many failures."),
    API_TOKEN_ISSUED(Kind.ACCOUNT, "A program signed in with its password and received a short-lived API token."),
    API_TOKEN_REVOKED(Kind.ACCOUNT, "An API token was revoked by the program holding it."),
    // units and villages
    GSO_DATASET_IMPORTED(Kind.CHANGE, "A bundled GSO dataset of administrative units was loaded."),
    VILLAGE_CREATED(Kind.CHANGE, "A commune created a village or residential group."),
    VILLAGE_AMENDED(Kind.CHANGE, "A village was renamed or its households changed (a new dated version)."),
    VILLAGES_IMPORTED(Kind.CHANGE, "A commune's villages were imported from a file (with its SHA-256)."),
    VILLAGES_MERGED(Kind.CHANGE, "Villages were merged into one."),
    VILLAGE_SPLIT(Kind.CHANGE, "A village was split into several."),
    VILLAGES_FOLLOWED_REFORM(Kind.CHANGE, "Villages followed their commune into the commune formed on 1/7/2025."),
    RESIDENTS_LOADED(Kind.CHANGE, "Household representatives were loaded into the register."),
    // elections
    ELECTION_CREATED(Kind.CHANGE, "An election was created with its rule set, day and scope."),
    ELECTORAL_UNITS_DEFINED(Kind.CHANGE, "A province's electoral units were defined by hand."),
    ELECTORAL_UNITS_IMPORTED(Kind.CHANGE, "Electoral units were imported from a resolution text (with its SHA-256)."),
    ELECTION_FROZEN(Kind.CHANGE, "An election's configuration was frozen with its fingerprint."),
    INTERNAL_DEADLINE_ADDED(Kind.CHANGE, "An internal deadline was added to the legal calendar."),
    MILESTONE_DONE(Kind.CHANGE, "A milestone of the calendar was marked done (by hand, or by the decision that did it)."),
    POLLING_AREA_CREATED(Kind.CHANGE, "A polling area was created."),
    BODY_FORMED(Kind.CHANGE, "An election body was formed by decision, with its members."),
    BODY_MEMBERS_IMPORTED(Kind.CHANGE, "A body's members were replaced from a file."),
    // candidates
    CANDIDATE_NOMINATED(Kind.CHANGE, "A candidate was nominated (or nominated from the floor of the meeting)."),
    CANDIDATE_STATUS(Kind.CHANGE, "A candidate's status moved (withdrawn, struck off, result…)."),
    CANDIDATE_DOCUMENT(Kind.CHANGE, "A document was attached to a candidate's dossier (with its SHA-256)."),
    VOTER_CONFERENCE(Kind.CHANGE, "A voter conference's trust vote was recorded."),
    CONSULTATION(Kind.CHANGE, "A consultation round was recorded with its list (and the statuses it moved)."),
    FRONT_MEETING(Kind.CHANGE, "A village Front working committee meeting (Mẫu 05) was recorded."),
    CANDIDATE_LIST_FINAL(Kind.CHANGE, "A contest's official list was settled (and the statuses it moved)."),
    CANDIDATE_LIST_POSTED(Kind.CHANGE, "A contest's official list was posted."),
    COMPOSITION_PLAN(Kind.CHANGE, "The planned composition of the elected was set."),
    // voter lists
    VOTER_LIST_IMPORTED(Kind.CHANGE, "A voter list was imported (file, SHA-256, entries)."),
    VOTER_LIST_REPLACED(Kind.CHANGE, "An unposted, unchanged voter list was replaced by a new file (old and new SHA-256)."),
    VOTER_LIST_IMPORT_REFUSED(Kind.CHANGE, "A confirmed import was refused and nothing was stored (why, and the file's SHA-256)."),
    VOTER_LIST_POSTED(Kind.CHANGE, "The posting date of a voter list was recorded."),
    VOTER_LIST_ADD(Kind.CHANGE, "A voter was added to a posted list, with the reason."),
    VOTER_LIST_REMOVE(Kind.CHANGE, "A voter was removed from a list, with the legal reason."),
    VOTER_LIST_TRANSFER(Kind.CHANGE, "A voter was moved to another list of the election."),
    VOTER_LIST_RESTRICT(Kind.CHANGE, "A voter was restricted to the NA and provincial ballots, with the reason."),
    VOTER_LIST_CERTIFICATE(Kind.CHANGE, "A certificate to vote elsewhere was issued."),
    VOTER_LIST_COMPLAINT(Kind.CHANGE, "A complaint about a list was received."),
    VOTER_LIST_COMPLAINT_ANSWERED(Kind.CHANGE, "A complaint was answered (and whether late)."),
    VOTER_LIST_EXPORTED(Kind.READ, "A voter list was exported for posting (PDF, with its SHA-256)."),
    VOTER_LIST_ENTRIES_READ(Kind.READ, "A list's entries were read (page or API), with the search."),
    VOTER_SEARCHED(Kind.READ, "An official searched the voters of an election, with how many full ids were shown."),
    // polling day
    REPORTING_TIMES_SET(Kind.CHANGE, "The times at which every team reports turnout were set for an election."),
    POLLING_OPENED(Kind.CHANGE, "A polling place opened (time, who, the empty ballot box shown)."),
    POLLING_CLOSED(Kind.CHANGE, "A polling place closed its vote."),
    TURNOUT_REPORTED(Kind.CHANGE, "A team reported how many had voted at a reporting time."),
    POLLING_EVENT_RECORDED(Kind.CHANGE, "An incident, an interruption (Điều 71) or a mobile ballot box (Điều 69) was recorded."),
    VILLAGE_MEETING_RECORDED(Kind.CHANGE, "A village meeting recorded the households present and the voting method it chose."),
    // counting minutes
    MINUTES_ENTERED(Kind.CHANGE, "One of the two independent entries of a counting minutes was made (and the outcome of comparing them)."),
    MINUTES_RESOLVED(Kind.CHANGE, "A coordinator resolved differing entries: kept one, or sent the minutes back for two new entries."),
    MINUTES_CERTIFIED(Kind.CHANGE, "A counting minutes was certified and frozen, with the SHA-256 of its canonical data."),
    MINUTES_CORRECTION_OPENED(Kind.CHANGE, "A correction of a certified minutes was opened as a new version, with its reason and decision."),
    MINUTES_SCAN_ATTACHED(Kind.CHANGE, "A photo or scan of the signed paper minutes was attached, with its SHA-256."),
    // results
    RESULT_COMPUTED(Kind.CHANGE, "A contest's legal outcome was computed from its certified minutes (who is elected, what follows)."),
    FOLLOW_UP_CREATED(Kind.CHANGE, "A follow-up election (a re-election or an additional election) of a contest was created with its own calendar, list and candidates."),
    FOLLOW_UP_LEFT_UNHELD(Kind.CHANGE, "The decision to hold no additional election for a National Assembly unit left short of deputies was recorded; the seats stay vacant."),
    RESULTS_PUBLISHED(Kind.CHANGE, "An election's results were published as a new immutable snapshot, with its SHA-256."),
    HEAD_RECOGNISED(Kind.CHANGE, "The commune chair's decision recognising an elected village head was recorded."),
    INTERIM_HEAD_APPOINTED(Kind.CHANGE, "The commune appointed an interim village head while nobody is elected."),
    // Party cell congresses
    PARTY_CELL_CREATED(Kind.CHANGE, "A Party cell was recorded with its village and superior committee."),
    PARTY_MEMBERS_ADDED(Kind.CHANGE, "Members were added to a Party cell (all or nothing)."),
    PARTY_DATA_READ(Kind.READ, "A Party committee user read a cell's members or a congress."),
    CONGRESS_CONVENED(Kind.CHANGE, "A cell congress was convened for a term, with who elects what and the proposed secretary."),
    CONGRESS_ATTENDANCE_RECORDED(Kind.CHANGE, "A congress's attendance: absences, the roll and whether it has a quorum."),
    CONGRESS_LIST_SET(Kind.CHANGE, "The list of a congress ballot was approved (names, from the floor, the show of hands)."),
    CONGRESS_COUNT_ENTERED(Kind.CHANGE, "One of the two independent entries of a congress ballot's count."),
    CONGRESS_COUNT_RESOLVED(Kind.CHANGE, "Two differing entries of a congress count were resolved by someone who made neither."),
    CONGRESS_COUNT_CERTIFIED(Kind.CHANGE, "A congress ballot's count was certified and its outcome decided by the rules."),
    CONGRESS_CLOSED(Kind.CHANGE, "A congress closed, with the secretary it elected."),
    CONGRESS_RATIFIED(Kind.CHANGE, "The superior Party committee's ratification (chuẩn y) of a congress's result."),
    // rehearsals
    REHEARSAL_CREATED(Kind.CHANGE, "An election was copied as a rehearsal."),
    REHEARSAL_RESET(Kind.CHANGE, "A rehearsal's polling day and minutes were cleared."),
    REHEARSAL_DELETED(Kind.CHANGE, "A rehearsal was deleted with everything in it.");

    /** A change to election data, a read of personal data, or an event of the accounts. */
    public enum Kind { CHANGE, READ, ACCOUNT }

    private final Kind kind;
    private final String meaning;

    AuditAction(Kind kind, String meaning) {
        this.kind = kind;
        this.meaning = meaning;
    }

    public Kind kind() {
        return kind;
    }

    public String meaning() {
        return meaning;
    }

    /** The action named {@code name}; an unlisted one is a programming error, refused before anything is written. */
    public static AuditAction require(String name) {
        return Arrays.stream(values()).filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("audit action " + name + " is not in AuditAction"));
    }
}
