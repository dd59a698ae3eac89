package vn.baucu.counting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.baucu.counting.MinutesStatus;

/** The tables of the counting minutes. Every change of status is a conditional update from the status it leaves. */
@Repository
public class MinutesStore {

    private final JdbcClient jdbc;

    MinutesStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(long id, long electionId, long contestId, Long pollingAreaId, String communeCode, String unitCode,
                      int version, MinutesStatus status, int attempt) {
    }

    public record EntryRow(long id, int attempt, int seq, String enteredBy, Instant enteredAt, String source,
                           boolean discarded, String figures) {
    }

    public record VersionRow(int version, Instant openedAt, String openedBy, String reason, String decision, String figures,
                             String resolution, String resolvedBy, Instant certifiedAt, String certifiedBy,
                             String signedBy, String sha256, String canonical, String scanSha256) {
    }

    private static final String ROW = """
            select id, election_id, contest_id, polling_area_id, commune_code, unit_code, version, status, attempt
            from minutes""";

    private static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getObject(4, Long.class), rs.getString(5),
                rs.getString(6), rs.getInt(7), MinutesStatus.valueOf(rs.getString(8)), rs.getInt(9));
    }

    /** The minutes of a place, created (with its version 1) when it is first entered; locked until commit. */
    public Row lockOrCreate(long electionId, long contestId, Long pollingAreaId, String communeCode, String unitCode,
                            Instant now, String by) {
        Long created = jdbc.sql("""
                        insert into minutes (election_id, contest_id, polling_area_id, commune_code, unit_code, created_at)
                        values (:e, :c, :p, :commune, :unit, :t)
                        on conflict (contest_id, coalesce(polling_area_id, 0)) do nothing returning id""")
                .param("e", electionId).param("c", contestId).param("p", pollingAreaId).param("commune", communeCode)
                .param("unit", unitCode).param("t", Timestamp.from(now)).query(Long.class).optional().orElse(null);
        if (created != null) {
            insertVersion(created, 1, now, by, null, null);
        }
        return jdbc.sql(ROW + " where contest_id = :c and coalesce(polling_area_id, 0) = :p for update")
                .param("c", contestId).param("p", pollingAreaId == null ? 0L : pollingAreaId).query(MinutesStore::row).single();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql(ROW + " where id = :id").param("id", id).query(MinutesStore::row).optional();
    }

    public Optional<Row> lock(long id) {
        return jdbc.sql(ROW + " where id = :id for update").param("id", id).query(MinutesStore::row).optional();
    }

    public List<Row> ofContest(long contestId) {
        return jdbc.sql(ROW + " where contest_id = :c order by polling_area_id nulls first, id").param("c", contestId)
                .query(MinutesStore::row).list();
    }

    public List<EntryRow> entries(long minutesId, int version) {
        return jdbc.sql("""
                        select id, attempt, seq, entered_by, entered_at, source, discarded, figures::text
                        from minutes_entry where minutes_id = :m and version = :v order by attempt, seq""")
                .param("m", minutesId).param("v", version)
                .query((rs, i) -> new EntryRow(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getBoolean(7), rs.getString(8)))
                .list();
    }

    public int countEntries(long minutesId, int version, int attempt) {
        return jdbc.sql("select count(*) from minutes_entry where minutes_id = :m and version = :v and attempt = :a")
                .param("m", minutesId).param("v", version).param("a", attempt).query(Integer.class).single();
    }

    public void insertEntry(Row m, int seq, String by, Instant at, String source, String figures) {
        jdbc.sql("""
                        insert into minutes_entry (minutes_id, version, attempt, seq, entered_by, entered_at, source, figures)
                        values (:m, :v, :a, :s, :by, :at, :src, cast(:f as jsonb))""")
                .param("m", m.id()).param("v", m.version()).param("a", m.attempt()).param("s", seq).param("by", by)
                .param("at", Timestamp.from(at)).param("src", source).param("f", figures).update();
    }

    /** Moves the minutes from {@code from} (and only from it) to {@code to}; false when someone else moved it first. */
    public boolean move(long id, int version, MinutesStatus from, MinutesStatus to) {
        if (!from.canMoveTo(to)) {
            return false;
        }
        return jdbc.sql("update minutes set status = :to where id = :id and version = :v and status = :from")
                .param("to", to.name()).param("id", id).param("v", version).param("from", from.name()).update() == 1;
    }

    public void agree(long id, int version, String figures, String resolution, String resolvedBy) {
        jdbc.sql("""
                        update minutes_version set figures = cast(:f as jsonb), resolution = :r, resolved_by = :by
                        where minutes_id = :m and version = :v""")
                .param("f", figures).param("r", resolution).param("by", resolvedBy).param("m", id).param("v", version)
                .update();
    }

    /** Sends a differing minutes back for two new entries; false when it is no longer DIFFERENT. */
    public boolean reenter(long id, int version) {
        boolean moved = jdbc.sql("""
                        update minutes set status = 'OPEN', attempt = attempt + 1
                        where id = :id and version = :v and status = 'DIFFERENT'""")
                .param("id", id).param("v", version).update() == 1;
        if (moved) {
            jdbc.sql("update minutes_entry set discarded = true where minutes_id = :m and version = :v")
                    .param("m", id).param("v", version).update();
        }
        return moved;
    }

    public boolean certify(long id, int version, Instant at, String by, String signedBy, String sha256, String canonical) {
        if (!move(id, version, MinutesStatus.VERIFIED, MinutesStatus.CERTIFIED)) {
            return false;
        }
        jdbc.sql("""
                        update minutes_version set certified_at = :t, certified_by = :by, signed_by = :s, sha256 = :sha,
                               canonical = :c
                        where minutes_id = :m and version = :v""")
                .param("t", Timestamp.from(at)).param("by", by).param("s", signedBy).param("sha", sha256)
                .param("c", canonical).param("m", id).param("v", version).update();
        return true;
    }

    public void insertVotes(long id, int version, List<long[]> candidateVotesCounted) {
        if (candidateVotesCounted.isEmpty()) {
            return;
        }
        // one statement for the whole ballot: the candidates, their votes and whether they count, as three arrays
        StringBuilder ids = new StringBuilder("{");
        StringBuilder votes = new StringBuilder("{");
        StringBuilder counted = new StringBuilder("{");
        for (long[] v : candidateVotesCounted) {
            String sep = ids.length() > 1 ? "," : "";
            ids.append(sep).append(v[0]);
            votes.append(sep).append(v[1]);
            counted.append(sep).append(v[2] == 1 ? 't' : 'f');
        }
        jdbc.sql("""
                        insert into minutes_votes (minutes_id, version, candidate_id, votes, counted)
                        select :m, :v, c, n, k
                        from unnest(cast(:c as bigint[]), cast(:n as bigint[]), cast(:k as boolean[])) as t (c, n, k)""")
                .param("m", id).param("v", version).param("c", ids.append('}').toString())
                .param("n", votes.append('}').toString()).param("k", counted.append('}').toString())
                .update();
    }

    /** Opens version {@code version + 1} of a certified minutes; false when it is not (or no longer) that version, certified. */
    public boolean openCorrection(long id, int version, Instant at, String by, String reason, String decision) {
        boolean moved = jdbc.sql("""
                        update minutes set status = 'OPEN', version = version + 1, attempt = 1
                        where id = :id and version = :v and status = 'CERTIFIED'""")
                .param("id", id).param("v", version).update() == 1;
        if (moved) {
            insertVersion(id, version + 1, at, by, reason, decision);
        }
        return moved;
    }

    private void insertVersion(long id, int version, Instant at, String by, String reason, String decision) {
        jdbc.sql("""
                        insert into minutes_version (minutes_id, version, opened_at, opened_by, correction_reason,
                                                     correction_decision)
                        values (:m, :v, :t, :by, :r, :d)""")
                .param("m", id).param("v", version).param("t", Timestamp.from(at)).param("by", by).param("r", reason)
                .param("d", decision).update();
    }

    public List<VersionRow> versions(long id) {
        return jdbc.sql("""
                        select version, opened_at, opened_by, correction_reason, correction_decision, figures::text,
                               resolution, resolved_by, certified_at, certified_by, signed_by, sha256, canonical, scan_sha256
                        from minutes_version where minutes_id = :m order by version""")
                .param("m", id).query(MinutesStore::version).list();
    }

    private static VersionRow version(ResultSet rs, int i) throws SQLException {
        Timestamp certified = rs.getTimestamp(9);
        return new VersionRow(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                certified == null ? null : certified.toInstant(), rs.getString(10), rs.getString(11), rs.getString(12),
                rs.getString(13), rs.getString(14));
    }

    /** A certified version by the SHA-256 of its canonical data: [minutes id, version], outside rehearsals. */
    public Optional<long[]> bySha(String sha256) {
        return jdbc.sql("""
                        select v.minutes_id, v.version from minutes_version v
                        join minutes m on m.id = v.minutes_id join election e on e.id = m.election_id
                        where v.sha256 = :s and e.rehearsal_of is null""")
                .param("s", sha256).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional();
    }

    public void attachScan(long id, int version, byte[] content, String type, String sha256) {
        jdbc.sql("update minutes_version set scan = :b, scan_type = :t, scan_sha256 = :s where minutes_id = :m and version = :v")
                .param("b", content).param("t", type).param("s", sha256).param("m", id).param("v", version).update();
    }

    public Optional<Object[]> scan(long id, int version) {
        return jdbc.sql("select scan, scan_type from minutes_version where minutes_id = :m and version = :v and scan is not null")
                .param("m", id).param("v", version)
                .query((rs, i) -> new Object[] {rs.getBytes(1), rs.getString(2)}).optional();
    }

    public Optional<Instant> certifiedAt(long id, int version) {
        return jdbc.sql("select certified_at from minutes_version where minutes_id = :m and version = :v and certified_at is not null")
                .param("m", id).param("v", version).query((rs, i) -> rs.getTimestamp(1).toInstant()).optional();
    }

    public String placeCode(long contestId) {
        return jdbc.sql("select place_code from contest where id = :c").param("c", contestId).query(String.class).single();
    }

    /** Each minutes' latest certified version, as {@code v} beside its minutes {@code m}. */
    private static final String LATEST_CERTIFIED = """
            join lateral (select * from minutes_version v where v.minutes_id = m.id and v.certified_at is not null
                          order by v.version desc limit 1) v on true
            """;

    /** The latest certified version of each minutes of a contest: [minutes id, area, commune, version, sha, figures]. */
    public List<Object[]> certified(long contestId) {
        return jdbc.sql("""
                        select m.id, m.polling_area_id, m.commune_code, v.version, v.sha256, v.figures::text
                        from minutes m
                        """ + LATEST_CERTIFIED + """
                        where m.contest_id = :c order by m.polling_area_id nulls first, m.id""")
                .param("c", contestId)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6)})
                .list();
    }

    /**
     * The latest certified version of every minutes of a contest summed in the database, in one pass: [voting method of
     * the first, electorate, participants, ballots issued, returned, valid, invalid (each null when no minutes has it),
     * the candidates' votes as a JSON object of id to votes, and the minutes as a JSON array of [minutes id, area,
     * version, sha] in place order], or nothing when none is certified.
     */
    public Optional<Object[]> certifiedTotals(long contestId) {
        return jdbc.sql("""
                        with latest as (
                            select m.id, m.polling_area_id, v.version, v.sha256, v.figures from minutes m
                            """ + LATEST_CERTIFIED + """
                            where m.contest_id = :c)
                        select (array_agg(figures ->> 'votingMethod' order by polling_area_id nulls first, id))[1],
                               sum((figures ->> 'electorate')::bigint)::bigint, sum((figures ->> 'participants')::bigint)::bigint,
                               sum((figures ->> 'ballotsIssued')::bigint)::bigint, sum((figures ->> 'ballotsReturned')::bigint)::bigint,
                               sum((figures ->> 'validBallots')::bigint)::bigint, sum((figures ->> 'invalidBallots')::bigint)::bigint,
                               (select coalesce(jsonb_object_agg(id, votes), '{}'::jsonb)::text from (
                                    select k ->> 'id' as id, sum((k ->> 'votes')::bigint) as votes
                                    from latest, jsonb_array_elements(latest.figures -> 'candidates') k group by 1) t),
                               json_agg(json_build_array(id, polling_area_id, version, sha256)
                                        order by polling_area_id nulls first, id)::text
                        from latest having count(*) > 0""")
                .param("c", contestId)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getObject(2, Long.class), rs.getObject(3, Long.class),
                        rs.getObject(4, Long.class), rs.getObject(5, Long.class), rs.getObject(6, Long.class),
                        rs.getObject(7, Long.class), rs.getString(8), rs.getString(9)})
                .optional();
    }

    /**
     * Per contest and commune: the figures of the latest certified version of every minutes of the given contests of an
     * election, summed, a missing figure counting 0 ([contest, commune, electorate, participants, ballots issued,
     * returned, valid, invalid, complaints received, settled, forwarded]).
     */
    public List<Object[]> certifiedSums(long electionId, java.util.Collection<Long> contestIds) {
        if (contestIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select m.contest_id, m.commune_code,
                               coalesce(sum((v.figures ->> 'electorate')::bigint), 0),
                               coalesce(sum((v.figures ->> 'participants')::bigint), 0),
                               coalesce(sum((v.figures ->> 'ballotsIssued')::bigint), 0),
                               coalesce(sum((v.figures ->> 'ballotsReturned')::bigint), 0),
                               coalesce(sum((v.figures ->> 'validBallots')::bigint), 0),
                               coalesce(sum((v.figures ->> 'invalidBallots')::bigint), 0),
                               coalesce(sum((v.figures -> 'complaints' ->> 'received')::bigint), 0),
                               coalesce(sum((v.figures -> 'complaints' ->> 'settled')::bigint), 0),
                               coalesce(sum((v.figures -> 'complaints' ->> 'forwarded')::bigint), 0)
                        from minutes m
                        """ + LATEST_CERTIFIED + """
                        where m.election_id = :e and m.contest_id in (:c)
                        group by 1, 2""")
                .param("e", electionId).param("c", contestIds)
                .query((rs, i) -> {
                    Object[] row = new Object[11];
                    row[0] = rs.getLong(1);
                    row[1] = rs.getString(2);
                    for (int k = 2; k < 11; k++) {
                        row[k] = rs.getLong(k + 1);
                    }
                    return row;
                })
                .list();
    }

    /** How many minutes of a contest have at least one entry or a certified version. */
    public int entered(long contestId) {
        return jdbc.sql("""
                        select count(*) from minutes m where m.contest_id = :c
                          and (m.status <> 'OPEN' or m.version > 1
                               or exists (select 1 from minutes_entry e where e.minutes_id = m.id))""")
                .param("c", contestId).query(Integer.class).single();
    }

    /** Per contest of an election: how many of its minutes have an entry or a certified version. */
    /** Per commune and status: how many minutes of an election stand there. */
    public List<Object[]> tallyByCommune(long electionId) {
        return jdbc.sql("select commune_code, status, count(*) from minutes where election_id = :e group by 1, 2")
                .param("e", electionId)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3)}).list();
    }

    /** Per contest and status: how many minutes of an election stand there. */
    public List<Object[]> tallyByContest(long electionId) {
        return jdbc.sql("select contest_id, status, count(*) from minutes where election_id = :e group by 1, 2")
                .param("e", electionId)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getInt(3)}).list();
    }

    /** The minutes of an election in one commune, or those in one status (at most {@code limit}). */
    public List<Row> ofElection(long electionId, String communeCode, MinutesStatus status, int limit) {
        return jdbc.sql(ROW + """
                         where election_id = :e and (cast(:c as varchar) is null or commune_code = :c)
                           and (cast(:s as varchar) is null or status = :s)
                        order by commune_code, unit_code, polling_area_id, contest_id limit :l""")
                .param("e", electionId).param("c", communeCode).param("s", status == null ? null : status.name())
                .param("l", limit).query(MinutesStore::row).list();
    }

    public java.util.Map<Long, Integer> enteredByContest(long electionId) {
        java.util.Map<Long, Integer> out = new java.util.HashMap<>();
        jdbc.sql("""
                        select m.contest_id, count(*) from minutes m where m.election_id = :e
                          and (m.status <> 'OPEN' or m.version > 1
                               or exists (select 1 from minutes_entry e where e.minutes_id = m.id))
                        group by m.contest_id""")
                .param("e", electionId).query((rs, i) -> out.put(rs.getLong(1), rs.getInt(2))).list();
        return out;
    }
}
