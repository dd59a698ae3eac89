package vn.baucu.counting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables of polling day: each place's day, its turnout reports and its events. */
@Repository
public class PollingDayStore {

    private final JdbcClient jdbc;

    PollingDayStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record DayRow(long id, long electionId, Long pollingAreaId, String villageCode, String communeCode,
                         Long electorate, Instant openedAt, String openedBy, Boolean boxShownEmpty, Instant closedAt,
                         Integer householdsPresent, Integer householdsUnrepresented, String votingMethod,
                         String scheduleDecision, int version) {
    }

    public record Report(LocalTime slot, long voted, Instant reportedAt, String reportedBy) {
    }

    public record Event(long id, String kind, Instant occurredAt, Instant endedAt, String description, String actionTaken,
                        Integer voters, String recordedBy) {
    }

    private static final String DAY = """
            select id, election_id, polling_area_id, village_code, commune_code, electorate, opened_at, opened_by,
                   box_shown_empty, closed_at, households_present, households_unrepresented, voting_method,
                   schedule_decision, version
            from polling_place_day""";

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static DayRow day(ResultSet rs, int i) throws SQLException {
        return new DayRow(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getString(4), rs.getString(5),
                rs.getObject(6, Long.class), instant(rs.getTimestamp(7)), rs.getString(8), rs.getObject(9, Boolean.class),
                instant(rs.getTimestamp(10)), rs.getObject(11, Integer.class), rs.getObject(12, Integer.class),
                rs.getString(13), rs.getString(14), rs.getInt(15));
    }

    /** The day of a place, created when first needed, locked until commit. */
    public DayRow lockOrCreate(long electionId, Long pollingAreaId, String villageCode, String communeCode, Long electorate) {
        jdbc.sql("""
                        insert into polling_place_day (election_id, polling_area_id, village_code, commune_code, electorate)
                        values (:e, :p, :v, :c, :n) on conflict do nothing""")
                .param("e", electionId).param("p", pollingAreaId).param("v", villageCode).param("c", communeCode)
                .param("n", electorate).update();
        return find(electionId, pollingAreaId, villageCode, true).orElseThrow();
    }

    public Optional<DayRow> find(long electionId, Long pollingAreaId, String villageCode, boolean lock) {
        return jdbc.sql(DAY + " where election_id = :e and (polling_area_id = :p or village_code = :v)"
                        + (lock ? " for update" : ""))
                .param("e", electionId).param("p", pollingAreaId).param("v", villageCode).query(PollingDayStore::day)
                .optional();
    }

    public List<DayRow> ofElection(long electionId) {
        return jdbc.sql(DAY + " where election_id = :e").param("e", electionId).query(PollingDayStore::day).list();
    }

    public boolean open(long id, int version, Instant at, String by, boolean boxShownEmpty, String decision) {
        return jdbc.sql("""
                        update polling_place_day set opened_at = :t, opened_by = :by, box_shown_empty = :box,
                               schedule_decision = coalesce(:d, schedule_decision), version = version + 1
                        where id = :id and version = :v and opened_at is null""")
                .param("t", Timestamp.from(at)).param("by", by).param("box", boxShownEmpty).param("d", decision)
                .param("id", id).param("v", version).update() == 1;
    }

    public boolean close(long id, int version, Instant at, String decision) {
        return jdbc.sql("""
                        update polling_place_day set closed_at = :t, schedule_decision = coalesce(:d, schedule_decision),
                               version = version + 1
                        where id = :id and version = :v and opened_at is not null and closed_at is null""")
                .param("t", Timestamp.from(at)).param("d", decision).param("id", id).param("v", version).update() == 1;
    }

    public void meeting(long id, int present, Integer unrepresented, String method) {
        jdbc.sql("""
                        update polling_place_day set households_present = :p, households_unrepresented = :u,
                               voting_method = :m, version = version + 1 where id = :id""")
                .param("p", present).param("u", unrepresented).param("m", method).param("id", id).update();
    }

    /** A report for a time slot; false when that slot was already reported (a report is never overwritten). */
    public boolean report(long dayId, LocalTime slot, long voted, Instant at, String by) {
        return jdbc.sql("""
                        insert into turnout_report (place_day_id, slot, voted, reported_at, reported_by)
                        values (:d, :s, :n, :t, :by) on conflict do nothing""")
                .param("d", dayId).param("s", Time.valueOf(slot)).param("n", voted).param("t", Timestamp.from(at))
                .param("by", by).update() == 1;
    }

    public List<Report> reports(long dayId) {
        return jdbc.sql("select slot, voted, reported_at, reported_by from turnout_report where place_day_id = :d order by slot")
                .param("d", dayId)
                .query((rs, i) -> new Report(rs.getTime(1).toLocalTime(), rs.getLong(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4)))
                .list();
    }

    public long insertEvent(long dayId, String kind, Instant occurredAt, Instant endedAt, String description,
                            String actionTaken, Integer voters, String by, Instant at) {
        return jdbc.sql("""
                        insert into polling_event (place_day_id, kind, occurred_at, ended_at, description, action_taken,
                                                   voters, recorded_by, recorded_at)
                        values (:d, :k, :o, :e, :desc, :a, :v, :by, :t) returning id""")
                .param("d", dayId).param("k", kind).param("o", Timestamp.from(occurredAt))
                .param("e", endedAt == null ? null : Timestamp.from(endedAt)).param("desc", description)
                .param("a", actionTaken).param("v", voters).param("by", by).param("t", Timestamp.from(at))
                .query(Long.class).single();
    }

    public List<Event> events(long dayId) {
        return jdbc.sql("""
                        select id, kind, occurred_at, ended_at, description, action_taken, voters, recorded_by
                        from polling_event where place_day_id = :d order by occurred_at, id""")
                .param("d", dayId)
                .query((rs, i) -> new Event(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        instant(rs.getTimestamp(4)), rs.getString(5), rs.getString(6), rs.getObject(7, Integer.class),
                        rs.getString(8)))
                .list();
    }

    public List<LocalTime> reportingTimes(long electionId) {
        return jdbc.sql("select at from reporting_time where election_id = :e order by at").param("e", electionId)
                .query((rs, i) -> rs.getTime(1).toLocalTime()).list();
    }

    public void replaceReportingTimes(long electionId, List<LocalTime> times) {
        jdbc.sql("delete from reporting_time where election_id = :e").param("e", electionId).update();
        for (LocalTime t : times) {
            jdbc.sql("insert into reporting_time (election_id, at) values (:e, :t)").param("e", electionId)
                    .param("t", Time.valueOf(t)).update();
        }
    }

    /** A commune's code, or each place's own key (a village's code, or pa-id) when rolling up by place. */
    private static String key(boolean byPlace) {
        return byPlace ? "coalesce('pa-' || d.polling_area_id, d.village_code)" : "d.commune_code";
    }

    private static String only(List<String> communes) {
        return communes == null ? "" : " and d.commune_code in (:c)";
    }

    /** Per key: how many places have a day, and their electorate. */
    public record Places(String key, long places, long electorate) {
    }

    /**
     * Per key and reported slot: how much each place's figure rose since its previous report (its first report counts
     * whole), summed, and how many places reported for the first time then. The sum of the rises at or before a time is
     * the sum of each place's latest figure at or before it, whatever slots a place skipped.
     */
    public record Rise(String key, LocalTime slot, long rise, long first) {
    }

    /** The places of the election by key, of {@code communes} only (null: all). */
    public List<Places> placesBy(long electionId, boolean byPlace, List<String> communes) {
        var q = jdbc.sql("select " + key(byPlace) + ", count(*), coalesce(sum(d.electorate), 0) from polling_place_day d"
                        + " where d.election_id = :e" + only(communes) + " group by 1")
                .param("e", electionId);
        if (communes != null) {
            q = q.param("c", communes.isEmpty() ? List.of("") : communes);
        }
        return q.query((rs, i) -> new Places(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }

    /** The rises of the election's turnout reports by key and slot, of {@code communes} only (null: all). */
    public List<Rise> risesBy(long electionId, boolean byPlace, List<String> communes) {
        var q = jdbc.sql("""
                        select k, slot, sum(voted - coalesce(prev, 0)), count(*) filter (where prev is null)
                        from (select %s as k, r.slot, r.voted,
                                     lag(r.voted) over (partition by r.place_day_id order by r.slot) as prev
                              from polling_place_day d join turnout_report r on r.place_day_id = d.id
                              where d.election_id = :e%s) x
                        group by k, slot""".formatted(key(byPlace), only(communes)))
                .param("e", electionId);
        if (communes != null) {
            q = q.param("c", communes.isEmpty() ? List.of("") : communes);
        }
        return q.query((rs, i) -> new Rise(rs.getString(1), rs.getTime(2).toLocalTime(), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /**
     * The same by commune, from {@code turnout_rollup}, which the database keeps as reports are stored and removed (V34):
     * a few rows per commune however many reports, for the roll-ups above a commune.
     */
    public List<Rise> risesByCommune(long electionId, List<String> communes) {
        var q = jdbc.sql("select commune_code, slot, rise, first_reports from turnout_rollup d where d.election_id = :e"
                        + only(communes))
                .param("e", electionId);
        if (communes != null) {
            q = q.param("c", communes.isEmpty() ? List.of("") : communes);
        }
        return q.query((rs, i) -> new Rise(rs.getString(1), rs.getTime(2).toLocalTime(), rs.getLong(3), rs.getLong(4)))
                .list();
    }
}
