package vn.baucu.voters.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.baucu.platform.rules.VietnameseNames;

/** SQL of changes to posted lists and of complaints. */
@Repository
public class VoterChangeStore {

    private final JdbcClient jdbc;

    public VoterChangeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record EntryRow(long id, long listId, long electionId, String fullName, LocalDate birthDate, char sex,
                           String personalId, String status, String household, boolean representative, int version) {
    }

    public Optional<EntryRow> entry(long id) {
        return jdbc.sql("""
                        select id, voter_list_id, election_id, full_name, birth_date, sex, personal_id, status, household_id,
                               representative, version
                        from voter_entry where id = :id""").param("id", id)
                .query((rs, i) -> new EntryRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getDate(5).toLocalDate(), rs.getString(6).charAt(0), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getBoolean(10), rs.getInt(11)))
                .optional();
    }

    public long addEntry(long listId, long electionId, String fullName, LocalDate birth, char sex, String personalId,
                         String residence, String household, boolean representative) {
        String name = VietnameseNames.clean(fullName);
        return jdbc.sql("""
                        insert into voter_entry (voter_list_id, election_id, row_no, full_name, search_key, birth_date, sex,
                                                 personal_id, residence, household_id, representative)
                        values (:l, :e, 0, :n, :k, :b, :s, :p, :r, :h, :rep) returning id""")
                .param("l", listId).param("e", electionId).param("n", name).param("k", VietnameseNames.searchKey(name))
                .param("b", Date.valueOf(birth)).param("s", String.valueOf(sex)).param("p", personalId).param("r", residence)
                .param("h", household).param("rep", representative)
                .query(Long.class).single();
    }

    /** Whether a household already has an active representative on the list. */
    public boolean hasRepresentative(long listId, String household) {
        return jdbc.sql("""
                        select exists (select 1 from voter_entry where voter_list_id = :l and household_id = :h
                                       and representative and status = 'ACTIVE')""")
                .param("l", listId).param("h", household).query(Boolean.class).single();
    }

    /** Keeps a list's counts of voters and of households (represented ones) in step with its changes. */
    public void adjustCounts(long listId, int entries, int households) {
        jdbc.sql("update voter_list set entries = entries + :n, households = households + :h where id = :l")
                .param("n", entries).param("h", households).param("l", listId).update();
    }

    /**
     * Moves an entry from one status to another, and only from it (and only from {@code version} when given): 1 when
     * it moved, 0 when someone else moved it first or changed it meanwhile.
     */
    public int move(long entryId, String from, String to, Integer version) {
        return jdbc.sql("""
                        update voter_entry set status = :to, version = version + 1
                        where id = :id and status = :from and (cast(:v as integer) is null or version = :v)""")
                .param("to", to).param("from", from).param("id", entryId).param("v", version).update();
    }

    /** The NA/provincial-only restriction on an active entry (conditional as {@link #move}). */
    public int restrict(long entryId, Integer version) {
        return jdbc.sql("""
                        update voter_entry set restriction = 'NA_AND_PROVINCE_ONLY', version = version + 1
                        where id = :id and status = 'ACTIVE' and (cast(:v as integer) is null or version = :v)""")
                .param("id", entryId).param("v", version).update();
    }

    /** A certificate to vote elsewhere on an active entry (conditional as {@link #move}). */
    public int certificate(long entryId, LocalDate on, Integer version) {
        return jdbc.sql("""
                        update voter_entry set certificate_on = :d, restriction = 'NA_AND_PROVINCE_ONLY', version = version + 1
                        where id = :id and status = 'ACTIVE' and (cast(:v as integer) is null or version = :v)""")
                .param("d", Date.valueOf(on)).param("id", entryId).param("v", version).update();
    }

    public void change(long listId, long entryId, String kind, String reason, String text, LocalDate on, String by) {
        jdbc.sql("""
                        insert into voter_change (voter_list_id, entry_id, kind, reason, reason_text, changed_on, changed_by)
                        values (:l, :e, :k, :r, :t, :on, :by)""")
                .param("l", listId).param("e", entryId).param("k", kind).param("r", reason).param("t", text)
                .param("on", Date.valueOf(on)).param("by", by).update();
    }

    public record Change(long entryId, String fullName, String kind, String reason, String reasonText, LocalDate changedOn,
                         String changedBy) {
    }

    public List<Change> changes(long listId) {
        return jdbc.sql("""
                        select c.entry_id, e.full_name, c.kind, c.reason, c.reason_text, c.changed_on, c.changed_by
                        from voter_change c join voter_entry e on e.id = c.entry_id
                        where c.voter_list_id = :l order by c.id""")
                .param("l", listId)
                .query((rs, i) -> new Change(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getDate(6).toLocalDate(), rs.getString(7))).list();
    }

    public long complaint(long listId, Long entryId, String complainant, String content, LocalDate received, LocalDate due) {
        return jdbc.sql("""
                        insert into voter_complaint (voter_list_id, entry_id, complainant, content, received_on, answer_due)
                        values (:l, :e, :who, :what, :r, :d) returning id""")
                .param("l", listId).param("e", entryId).param("who", complainant).param("what", content)
                .param("r", Date.valueOf(received)).param("d", Date.valueOf(due)).query(Long.class).single();
    }

    public record Complaint(long id, long listId, Long entryId, String complainant, String content, LocalDate receivedOn,
                            LocalDate answerDue, LocalDate answeredOn, String outcome, String answer, String entryName,
                            int version) {
    }

    public Optional<Complaint> findComplaint(long id) {
        return jdbc.sql(COMPLAINT + " where q.id = :id").param("id", id).query(VoterChangeStore::complaintRow).optional();
    }

    public List<Complaint> complaints(long listId) {
        return jdbc.sql(COMPLAINT + " where q.voter_list_id = :l order by q.id").param("l", listId)
                .query(VoterChangeStore::complaintRow).list();
    }

    /** Answers an open complaint (only an open one, and only at {@code version} when given): 1 when answered, else 0. */
    public int answer(long id, String outcome, String answer, LocalDate on, Integer version) {
        return jdbc.sql("""
                        update voter_complaint set outcome = :o, answer = :a, answered_on = :d, version = version + 1
                        where id = :id and outcome is null and (cast(:v as integer) is null or version = :v)""")
                .param("o", outcome).param("a", answer).param("d", Date.valueOf(on)).param("id", id).param("v", version)
                .update();
    }

    static final String COMPLAINT = """
            select q.id, q.voter_list_id, q.entry_id, q.complainant, q.content, q.received_on, q.answer_due, q.answered_on,
                   q.outcome, q.answer, e.full_name, q.version
            from voter_complaint q left join voter_entry e on e.id = q.entry_id""";

    static Complaint complaintRow(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        long e = rs.getLong(3);
        Long entry = rs.wasNull() ? null : e;
        Date answered = rs.getDate(8);
        return new Complaint(rs.getLong(1), rs.getLong(2), entry, rs.getString(4), rs.getString(5),
                rs.getDate(6).toLocalDate(), rs.getDate(7).toLocalDate(), answered == null ? null : answered.toLocalDate(),
                rs.getString(9), rs.getString(10), rs.getString(11), rs.getInt(12));
    }

    /** One list of an election as the clerk's overview shows it, with its changes and complaints counted. */
    public record ListSummary(long id, Long pollingAreaId, String areaName, String villageCode, String communeCode,
                              int entries, int households, LocalDate postedOn, String fileName, java.time.Instant importedAt,
                              String importedBy, int changes, int openComplaints, int overdueComplaints) {
    }

    private static final String SUMMARY = """
            select l.id, l.polling_area_id, pa.name, l.village_code, l.commune_code, l.entries, l.households, l.posted_on,
                   l.file_name, l.imported_at, l.imported_by,
                   (select count(*) from voter_change c where c.voter_list_id = l.id),
                   (select count(*) from voter_complaint q where q.voter_list_id = l.id and q.outcome is null),
                   (select count(*) from voter_complaint q where q.voter_list_id = l.id and q.outcome is null
                       and q.answer_due < :today)
            from voter_list l left join polling_area pa on pa.id = l.polling_area_id
            """;

    /** The lists of an election (optionally of one commune), by commune then area number or village. */
    public List<ListSummary> summaries(long electionId, String communeCode, LocalDate today, int limit) {
        return jdbc.sql(SUMMARY + """
                         where l.election_id = :e and (cast(:c as varchar) is null or l.commune_code = :c)
                         order by l.commune_code, pa.number nulls last, l.village_code limit :lim""")
                .param("e", electionId).param("c", communeCode).param("today", java.sql.Date.valueOf(today)).param("lim", limit)
                .query(VoterChangeStore::summary).list();
    }

    public Optional<ListSummary> summary(long listId, LocalDate today) {
        return jdbc.sql(SUMMARY + " where l.id = :l").param("l", listId).param("today", java.sql.Date.valueOf(today))
                .query(VoterChangeStore::summary).optional();
    }

    private static ListSummary summary(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        long pa = rs.getLong(2);
        Long area = rs.wasNull() ? null : pa;
        java.sql.Date posted = rs.getDate(8);
        return new ListSummary(rs.getLong(1), area, rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                rs.getInt(7), posted == null ? null : posted.toLocalDate(), rs.getString(9), rs.getTimestamp(10).toInstant(),
                rs.getString(11), rs.getInt(12), rs.getInt(13), rs.getInt(14));
    }

    /** An entry as the clerk sees it: the personal id shortened to its last 4 digits, with its status and notes. */
    public record EntryLine(long id, int rowNo, String fullName, LocalDate birthDate, char sex, String idEnding,
                            String household, boolean representative, String residence, String status, String restriction,
                            LocalDate certificateOn) {
    }

    /** Entries of a list matching a name without diacritics, an id or a household (all when the query is empty). */
    public List<EntryLine> entries(long listId, String query, int limit) {
        String q = query == null ? "" : query.strip();
        return jdbc.sql("""
                        select id, row_no, full_name, birth_date, sex, right(personal_id, 4), household_id, representative,
                               residence, status, restriction, certificate_on
                        from voter_entry where voter_list_id = :l
                          and (:q = '' or search_key like :k or personal_id = :q or household_id = :q)
                        order by row_no, id limit :lim""")
                .param("l", listId).param("q", q).param("k", VoterListStore.nameLike(q)).param("lim", limit)
                .query((rs, i) -> {
                    java.sql.Date cert = rs.getDate(12);
                    return new EntryLine(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                            rs.getString(5).charAt(0), rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getString(9),
                            rs.getString(10), rs.getString(11), cert == null ? null : cert.toLocalDate());
                }).list();
    }
}
