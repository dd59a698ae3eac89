package vn.baucu.election.internal;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.baucu.election.ElectionKind;
import vn.baucu.election.ElectionView;
import vn.baucu.election.MilestoneProgress;
import vn.baucu.rules.Milestone;

/** SQL of the election module. Callers hold the transaction, the authorisation and the audit. */
@Repository
public class ElectionStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public ElectionStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public long insertElection(ElectionKind kind, String councilLevel, String ruleSet, String name, String term,
                               LocalDate day, Long scopeUnitId, String scopeCode, String createdBy, Instant at) {
        return jdbc.sql("""
                        insert into election (kind, council_level, rule_set, name, term, election_day, scope_unit_id,
                                              scope_code, created_by, created_at)
                        values (:kind, :level, :rs, :name, :term, :day, :scope, :scopeCode, :by, :at) returning id""")
                .param("kind", kind.name()).param("level", councilLevel).param("rs", ruleSet).param("name", name)
                .param("term", term).param("day", Date.valueOf(day)).param("scope", scopeUnitId)
                .param("scopeCode", scopeCode).param("by", createdBy).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    /** One contest per village (ids of village versions in force on the election day). */
    public int insertVillageContests(long electionId, List<Long> villageIds) {
        return jdbc.sql("""
                        insert into contest (election_id, village_id, place_code, place_name, commune_code, province_code, seats)
                        select :e, v.id, v.code, v.name, c.code, v.province_code, 1
                        from admin_unit v join admin_unit c on c.id = v.parent_id
                        where v.id = any(:ids)""")
                .param("e", electionId).param("ids", villageIds.toArray(new Long[0])).update();
    }

    /** The same milestone for every contest of the election (they share the election day). */
    public void insertContestMilestones(long electionId, List<Milestone> milestones) {
        for (Milestone m : milestones) {
            jdbc.sql("""
                            insert into milestone (election_id, contest_id, code, due_date, relation, day_offset, legal_basis, source)
                            select :e, id, :code, :due, :rel, :off, :basis, 'LAW' from contest where election_id = :e""")
                    .param("e", electionId).param("code", m.code()).param("due", Date.valueOf(m.until() != null ? m.until() : m.date()))
                    .param("rel", m.relation().name()).param("off", m.offset()).param("basis", m.legalBasis()).update();
        }
    }

    public void insertElectionMilestones(long electionId, List<Milestone> milestones, String source) {
        template.batchUpdate("""
                insert into milestone (election_id, code, due_date, relation, day_offset, legal_basis, source)
                values (?, ?, ?, ?, ?, ?, ?)""", milestones, 100, (PreparedStatement ps, Milestone m) -> {
                    ps.setLong(1, electionId);
                    ps.setString(2, m.code());
                    ps.setDate(3, Date.valueOf(m.until() != null ? m.until() : m.date()));
                    ps.setString(4, m.relation().name());
                    ps.setString(5, m.offset());
                    ps.setString(6, m.legalBasis());
                    ps.setString(7, source);
                });
    }

    public void insertInternalDeadline(long electionId, String code, String title, LocalDate due, boolean perContest) {
        if (perContest) {
            jdbc.sql("""
                            insert into milestone (election_id, contest_id, code, title, due_date, relation, source)
                            select :e, id, :code, :title, :due, 'NO_LATER_THAN', 'PROVINCE' from contest where election_id = :e""")
                    .param("e", electionId).param("code", code).param("title", title).param("due", Date.valueOf(due)).update();
        } else {
            jdbc.sql("""
                            insert into milestone (election_id, code, title, due_date, relation, source)
                            values (:e, :code, :title, :due, 'NO_LATER_THAN', 'PROVINCE')""")
                    .param("e", electionId).param("code", code).param("title", title).param("due", Date.valueOf(due)).update();
        }
    }

    public Optional<ElectionView> find(long id) {
        return jdbc.sql(VIEW + " where e.id = :id").param("id", id).query(ElectionStore::view).optional();
    }

    public List<ElectionView> list() {
        return jdbc.sql(VIEW + " order by e.election_day desc, e.id desc").query(ElectionStore::view).list();
    }

    public boolean milestoneCodeExists(long electionId, String code) {
        return jdbc.sql("select exists (select 1 from milestone where election_id = :e and code = :c)")
                .param("e", electionId).param("c", code).query(Boolean.class).single();
    }

    /**
     * Progress of every milestone of an election, over the contests of one commune (communeCode), or of
     * the whole election; election-level milestones count once.
     */
    public List<MilestoneProgress> progress(long electionId, String communeCode, LocalDate today) {
        return jdbc.sql("""
                        select m.code, max(m.title) as title, max(m.source) as source,
                               coalesce(min(m.due_date) filter (where m.done_on is null), max(m.due_date)) as due,
                               count(*) as total,
                               count(*) filter (where m.done_on is not null) as done,
                               count(*) filter (where m.done_on > m.due_date) as done_late,
                               count(*) filter (where m.done_on is null and m.due_date < :today) as overdue,
                               count(*) filter (where m.done_on is null and m.due_date >= :today) as pending
                        from milestone m left join contest c on c.id = m.contest_id
                        where m.election_id = :e and (cast(:commune as varchar) is null or c.commune_code = :commune
                                                      or m.contest_id is null)
                        group by m.code
                        order by min(m.due_date), m.code""")
                .param("e", electionId).param("commune", communeCode).param("today", Date.valueOf(today))
                .query((rs, i) -> {
                    LocalDate due = rs.getDate("due").toLocalDate();
                    return new MilestoneProgress(rs.getString("code"), rs.getString("title"), rs.getString("source"),
                            due, due.toEpochDay() - today.toEpochDay(), rs.getInt("total"), rs.getInt("done"),
                            rs.getInt("done_late"), rs.getInt("overdue"), rs.getInt("pending"));
                }).list();
    }

    /** Per commune: how many contests have (not) got a milestone done — the province's roll-up. */
    public List<CommuneProgress> progressByCommune(long electionId, String code, LocalDate today) {
        return jdbc.sql("""
                        select c.commune_code, max(cu.name) as commune_name, count(*) as total,
                               count(*) filter (where m.done_on is not null) as done,
                               count(*) filter (where m.done_on > m.due_date) as done_late,
                               count(*) filter (where m.done_on is null and m.due_date < :today) as overdue
                        from milestone m join contest c on c.id = m.contest_id join election e on e.id = m.election_id
                        left join admin_unit cu on cu.code = c.commune_code and cu.level = 'COMMUNE'
                             and (cu.valid_from is null or cu.valid_from <= e.election_day)
                             and (cu.valid_to is null or cu.valid_to > e.election_day)
                        where m.election_id = :e and m.code = :code
                        group by c.commune_code order by overdue desc, c.commune_code""")
                .param("e", electionId).param("code", code).param("today", Date.valueOf(today))
                .query((rs, i) -> new CommuneProgress(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6)))
                .list();
    }

    /**
     * Per commune: how many minutes the election expects there, one per village contest and one per polling area and
     * contest it votes in (the same polling areas as {@link #pollingAreasOf}).
     */
    public java.util.Map<String, Integer> expectedMinutesByCommune(long electionId) {
        java.util.Map<String, Integer> out = new java.util.TreeMap<>();
        jdbc.sql("""
                        select c.commune_code, count(*) from contest c
                        where c.election_id = :e and c.village_id is not null group by c.commune_code
                        union all
                        select a.code, count(*) from contest c join election e on e.id = c.election_id
                        join electoral_unit_commune uc on uc.electoral_unit_id = c.electoral_unit_id
                        join polling_area p on p.commune_id = uc.commune_id and p.polling_day = e.election_day
                        join admin_unit a on a.id = p.commune_id
                        where c.election_id = :e and c.village_id is null group by a.code""")
                .param("e", electionId)
                .query((rs, i) -> out.merge(rs.getString(1), rs.getInt(2), Integer::sum)).list();
        return out;
    }

    /** Per commune: every milestone of its contests, how many are done and how many are overdue. */
    public List<vn.baucu.election.MilestoneTally> milestonesByCommune(long electionId, LocalDate today) {
        return jdbc.sql("""
                        select c.commune_code, count(*),
                               count(*) filter (where m.done_on is not null),
                               count(*) filter (where m.done_on is null and m.due_date < :today)
                        from milestone m join contest c on c.id = m.contest_id
                        where m.election_id = :e and c.commune_code is not null group by c.commune_code""")
                .param("e", electionId).param("today", Date.valueOf(today))
                .query((rs, i) -> new vn.baucu.election.MilestoneTally(rs.getString(1), rs.getInt(2), rs.getInt(3),
                        rs.getInt(4)))
                .list();
    }

    public record CommuneProgress(String communeCode, String communeName, int total, int done, int doneLate, int overdue) {
    }

    /** Marks done the not-yet-done milestone {@code code} of every contest of a commune (or of the election). */
    public int markDone(long electionId, String code, String communeCode, LocalDate doneOn, String by, String decisionRef) {
        return jdbc.sql("""
                        update milestone m set done_on = :on, done_by = :by, decision_ref = :ref
                        where m.election_id = :e and m.code = :code and m.done_on is null
                          and (cast(:commune as varchar) is null
                               or m.contest_id in (select id from contest where election_id = :e and commune_code = :commune))""")
                .param("on", Date.valueOf(doneOn)).param("by", by).param("ref", decisionRef).param("e", electionId)
                .param("code", code).param("commune", communeCode).update();
    }

    public long insertUnit(long electionId, String provinceCode, int number, String name, int seats) {
        return jdbc.sql("""
                        insert into electoral_unit (election_id, province_code, number, name, seats)
                        values (:e, :p, :n, :name, :s) returning id""")
                .param("e", electionId).param("p", provinceCode).param("n", number).param("name", name).param("s", seats)
                .query(Long.class).single();
    }

    public void insertUnitCommunes(long electionId, long unitId, List<Long> communeIds) {
        template.batchUpdate("insert into electoral_unit_commune (election_id, electoral_unit_id, commune_id) values (?, ?, ?)",
                communeIds, 500, (PreparedStatement ps, Long c) -> {
                    ps.setLong(1, electionId);
                    ps.setLong(2, unitId);
                    ps.setLong(3, c);
                });
    }

    public void insertUnitContest(long electionId, long unitId, String placeCode, String placeName, String provinceCode,
                                  int seats) {
        jdbc.sql("""
                        insert into contest (election_id, electoral_unit_id, place_code, place_name, province_code, seats)
                        values (:e, :u, :code, :name, :p, :s)""")
                .param("e", electionId).param("u", unitId).param("code", placeCode).param("name", placeName)
                .param("p", provinceCode).param("s", seats).update();
    }

    /** Removes the electoral units (and their contests) of some provinces, before they are imported again. */
    /** What hangs on a province's electoral units of an election: candidates of their contests, and bodies formed for them. */
    public record UnitsInUse(int candidates, int bodies) {
        public boolean any() {
            return candidates > 0 || bodies > 0;
        }
    }

    public UnitsInUse unitsInUse(long electionId, String provinceCode) {
        return jdbc.sql("""
                        with u as (select id from electoral_unit where election_id = :e and province_code = :p),
                             k as (select id from contest where election_id = :e and electoral_unit_id in (select id from u))
                        select (select count(*) from candidate where contest_id in (select id from k)),
                               (select count(*) from organisation where election_id = :e
                                   and (contest_id in (select id from k) or electoral_unit_id in (select id from u)))""")
                .param("e", electionId).param("p", provinceCode)
                .query((rs, i) -> new UnitsInUse(rs.getInt(1), rs.getInt(2))).single();
    }

    public void deleteUnits(long electionId, List<String> provinceCodes) {
        String[] codes = provinceCodes.toArray(new String[0]);
        String units = "(select id from electoral_unit where election_id = :e and province_code = any(:p))";
        jdbc.sql("delete from contest where election_id = :e and electoral_unit_id in " + units)
                .param("e", electionId).param("p", codes).update();
        jdbc.sql("delete from electoral_unit_commune where election_id = :e and electoral_unit_id in " + units)
                .param("e", electionId).param("p", codes).update();
        jdbc.sql("delete from electoral_unit where election_id = :e and province_code = any(:p)")
                .param("e", electionId).param("p", codes).update();
    }

    public record UnitRow(String provinceCode, int number, String name, int seats, int communes) {
    }

    public List<UnitRow> units(long electionId) {
        return jdbc.sql("""
                        select u.province_code, u.number, u.name, u.seats, count(uc.commune_id)
                        from electoral_unit u left join electoral_unit_commune uc on uc.electoral_unit_id = u.id
                        where u.election_id = :e group by u.id order by u.province_code, u.number""")
                .param("e", electionId)
                .query((rs, i) -> new UnitRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getInt(4), rs.getInt(5)))
                .list();
    }

    public record ContestPlace(long electionId, String placeCode, String communeCode, String provinceCode) {
    }

    public java.util.Optional<ContestPlace> contestPlace(long contestId) {
        return jdbc.sql("select election_id, place_code, commune_code, province_code from contest where id = :c")
                .param("c", contestId)
                .query((rs, i) -> new ContestPlace(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** Marks one contest's milestone done, unless it already is. */
    public int markContestDone(long contestId, String code, LocalDate doneOn, String by, String decisionRef) {
        return jdbc.sql("""
                        update milestone set done_on = :on, done_by = :by, decision_ref = :ref
                        where contest_id = :c and code = :code and done_on is null""")
                .param("on", Date.valueOf(doneOn)).param("by", by).param("ref", decisionRef).param("c", contestId)
                .param("code", code).update();
    }

    /** The legal basis of each milestone code of an election. */
    public java.util.Map<String, String> legalBases(long electionId) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        jdbc.sql("select distinct code, legal_basis from milestone where election_id = :e and legal_basis is not null")
                .param("e", electionId).query(rs -> {
                    out.put(rs.getString(1), rs.getString(2));
                });
        return out;
    }

    /** CONFIGURING → FROZEN, only from CONFIGURING; false when another request froze it first. */
    public boolean freeze(long electionId, String fingerprint, Instant at) {
        return jdbc.sql("""
                        update election set status = 'FROZEN', fingerprint = :f, frozen_at = :at
                        where id = :id and status = 'CONFIGURING'""")
                .param("f", fingerprint).param("at", Timestamp.from(at)).param("id", electionId).update() == 1;
    }

    /** The configuration of an election as sorted lines, the input of its fingerprint. */
    public List<String> canonicalConfiguration(long electionId) {
        List<String> lines = new java.util.ArrayList<>(jdbc.sql("""
                        select concat_ws('|', 'election', kind, coalesce(council_level, ''), rule_set, term, election_day,
                                         coalesce(scope_code, 'VN')) from election where id = :e""")
                .param("e", electionId).query(String.class).list());
        lines.addAll(jdbc.sql("""
                        select concat_ws('|', 'unit', u.province_code, u.number, u.seats,
                                         string_agg(a.code, ',' order by a.code))
                        from electoral_unit u left join electoral_unit_commune uc on uc.electoral_unit_id = u.id
                        left join admin_unit a on a.id = uc.commune_id
                        where u.election_id = :e group by u.id, u.province_code, u.number, u.seats""")
                .param("e", electionId).query(String.class).list());
        lines.addAll(jdbc.sql("select concat_ws('|', 'contest', place_code, seats) from contest where election_id = :e")
                .param("e", electionId).query(String.class).list());
        java.util.Collections.sort(lines);
        return lines;
    }

    static final String CONTEST_REF = """
            select c.id, c.election_id, e.name, e.kind, e.rule_set, e.council_level, e.election_day, e.scope_code,
                   c.place_code, c.place_name, c.commune_code, c.province_code, c.village_id is not null, c.seats,
                   e.status = 'FROZEN', e.fingerprint, e.rehearsal_of, e.round
            from contest c join election e on e.id = c.election_id""";

    static vn.baucu.election.ContestRef contestRef(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new vn.baucu.election.ContestRef(rs.getLong(1), rs.getLong(2), rs.getString(3),
                ElectionKind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getDate(7).toLocalDate(),
                rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getBoolean(13),
                rs.getInt(14), rs.getBoolean(15), rs.getString(16), rs.getObject(17, Long.class), rs.getString(18));
    }

    public Optional<vn.baucu.election.ContestRef> contestRef(long electionId, String placeCode) {
        return jdbc.sql(CONTEST_REF + " where c.election_id = :e and c.place_code = :p")
                .param("e", electionId).param("p", placeCode).query(ElectionStore::contestRef).optional();
    }

    public List<vn.baucu.election.ContestRef> contestRefsOfCommune(long electionId, String communeCode) {
        return jdbc.sql(CONTEST_REF + """
                         where c.election_id = :e and (c.commune_code = :c or c.electoral_unit_id in (
                             select uc.electoral_unit_id from electoral_unit_commune uc join admin_unit a on a.id = uc.commune_id
                             where uc.election_id = :e and a.code = :c))
                        order by c.village_id is null, c.place_name, c.place_code""")
                .param("e", electionId).param("c", communeCode).query(ElectionStore::contestRef).list();
    }

    /** The polling areas that vote in contest {@code :c} on day {@code :d}: those of its electoral unit's communes. */
    private static final String CONTEST_AREAS = """
            contest c join electoral_unit_commune uc on uc.electoral_unit_id = c.electoral_unit_id
            join polling_area p on p.commune_id = uc.commune_id and p.polling_day = :d
            """;

    public List<vn.baucu.election.PollingArea> pollingAreasOf(long contestId, LocalDate day) {
        return jdbc.sql("select p.id, a.code, p.polling_day, p.number, p.name, p.address, p.voters from " + CONTEST_AREAS
                        + "join admin_unit a on a.id = p.commune_id where c.id = :c order by a.code, p.number")
                .param("c", contestId).param("d", Date.valueOf(day))
                .query((rs, i) -> new vn.baucu.election.PollingArea(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getInt(4), rs.getString(5), rs.getString(6), rs.getInt(7)))
                .list();
    }

    public int pollingAreaCount(long contestId, LocalDate day) {
        return jdbc.sql("select count(*) from " + CONTEST_AREAS + "where c.id = :c")
                .param("c", contestId).param("d", Date.valueOf(day)).query(Integer.class).single();
    }

    public Optional<vn.baucu.election.ContestRef> contestRefById(long contestId) {
        return jdbc.sql(CONTEST_REF + " where c.id = :c").param("c", contestId).query(ElectionStore::contestRef).optional();
    }

    public List<vn.baucu.election.ContestRef> contestRefs(long electionId) {
        return jdbc.sql(CONTEST_REF + " where c.election_id = :e order by c.province_code, c.commune_code, c.place_code")
                .param("e", electionId).query(ElectionStore::contestRef).list();
    }

    public boolean pollingAreaServes(long pollingAreaId, long electionId) {
        return jdbc.sql("""
                        select count(*) from polling_area p
                        join electoral_unit_commune uc on uc.commune_id = p.commune_id and uc.election_id = :e
                        join election e on e.id = :e
                        where p.id = :p and p.polling_day = e.election_day""")
                .param("p", pollingAreaId).param("e", electionId).query(Long.class).single() > 0;
    }

    public boolean pollingAreaVotesIn(long pollingAreaId, long contestId, LocalDate day) {
        return jdbc.sql("""
                        select count(*) from polling_area p
                        join electoral_unit_commune uc on uc.commune_id = p.commune_id
                        join contest c on c.electoral_unit_id = uc.electoral_unit_id
                        where p.id = :p and c.id = :c and p.polling_day = :d""")
                .param("p", pollingAreaId).param("c", contestId).param("d", java.sql.Date.valueOf(day))
                .query(Long.class).single() > 0;
    }

    static final String VIEW = """
            select e.*, s.name as scope_name,
                   (select count(*) from contest c where c.election_id = e.id) as contests,
                   (select count(*) from electoral_unit u where u.election_id = e.id) as units,
                   (select coalesce(sum(seats), 0) from contest c where c.election_id = e.id) as seats
            from election e left join admin_unit s on s.id = e.scope_unit_id
            """;

    static ElectionView view(ResultSet rs, int i) throws SQLException {
        Timestamp frozen = rs.getTimestamp("frozen_at");
        return new ElectionView(rs.getLong("id"), ElectionKind.valueOf(rs.getString("kind")), rs.getString("council_level"),
                rs.getString("rule_set"), rs.getString("name"), rs.getString("term"),
                rs.getDate("election_day").toLocalDate(), rs.getString("scope_code"), rs.getString("scope_name"),
                rs.getString("status"), rs.getString("fingerprint"), frozen == null ? null : frozen.toInstant(),
                rs.getInt("contests"), rs.getInt("units"), rs.getInt("seats"), rs.getObject("rehearsal_of", Long.class));
    }

    /** Copies an election (its units, contests, milestones and bodies) as a rehearsal of it; the rehearsal's id. */
    public long copyAsRehearsal(long sourceId, String name, String by, Instant at) {
        long id = jdbc.sql("""
                        insert into election (kind, council_level, rule_set, name, term, election_day, scope_unit_id,
                                              scope_code, status, fingerprint, frozen_at, created_by, created_at, rehearsal_of)
                        select kind, council_level, rule_set, :name, term, election_day, scope_unit_id, scope_code, status,
                               fingerprint, frozen_at, :by, :at, id
                        from election where id = :src returning id""")
                .param("name", name).param("by", by).param("at", Timestamp.from(at)).param("src", sourceId)
                .query(Long.class).single();
        jdbc.sql("""
                        insert into electoral_unit (election_id, province_code, number, name, seats)
                        select :id, province_code, number, name, seats from electoral_unit where election_id = :src""")
                .param("id", id).param("src", sourceId).update();
        jdbc.sql("""
                        insert into electoral_unit_commune (election_id, electoral_unit_id, commune_id)
                        select :id, nu.id, uc.commune_id from electoral_unit_commune uc
                        join electoral_unit ou on ou.id = uc.electoral_unit_id
                        join electoral_unit nu on nu.election_id = :id and nu.province_code = ou.province_code
                                               and nu.number = ou.number
                        where uc.election_id = :src""")
                .param("id", id).param("src", sourceId).update();
        jdbc.sql("""
                        insert into contest (election_id, village_id, electoral_unit_id, place_code, place_name, commune_code,
                                             province_code, seats)
                        select :id, c.village_id, nu.id, c.place_code, c.place_name, c.commune_code, c.province_code, c.seats
                        from contest c
                        left join electoral_unit ou on ou.id = c.electoral_unit_id
                        left join electoral_unit nu on nu.election_id = :id and nu.province_code = ou.province_code
                                                    and nu.number = ou.number
                        where c.election_id = :src""")
                .param("id", id).param("src", sourceId).update();
        jdbc.sql("""
                        insert into milestone (election_id, contest_id, code, title, due_date, relation, day_offset,
                                               legal_basis, source, done_on, done_by, decision_ref)
                        select :id, nc.id, m.code, m.title, m.due_date, m.relation, m.day_offset, m.legal_basis, m.source,
                               m.done_on, m.done_by, m.decision_ref
                        from milestone m left join contest oc on oc.id = m.contest_id
                        left join contest nc on nc.election_id = :id and nc.place_code = oc.place_code
                        where m.election_id = :src""")
                .param("id", id).param("src", sourceId).update();
        List<Long> bodies = jdbc.sql("select id from organisation where election_id = :src order by id")
                .param("src", sourceId).query(Long.class).list();
        for (long body : bodies) {
            long copy = jdbc.sql("""
                            insert into organisation (election_id, kind, level, unit_code, contest_id, electoral_unit_id,
                                                      polling_area_id, armed_forces, name, decision_no, decision_date,
                                                      issuing_body, created_by)
                            select :id, o.kind, o.level, o.unit_code, nc.id, nu.id, o.polling_area_id, o.armed_forces, o.name,
                                   o.decision_no, o.decision_date, o.issuing_body, o.created_by
                            from organisation o
                            left join contest oc on oc.id = o.contest_id
                            left join contest nc on nc.election_id = :id and nc.place_code = oc.place_code
                            left join electoral_unit ou on ou.id = o.electoral_unit_id
                            left join electoral_unit nu on nu.election_id = :id and nu.province_code = ou.province_code
                                                        and nu.number = ou.number
                            where o.id = :o returning id""")
                    .param("id", id).param("o", body).query(Long.class).single();
            jdbc.sql("""
                            insert into organisation_member (organisation_id, position, full_name, role, represents)
                            select :copy, position, full_name, role, represents from organisation_member
                            where organisation_id = :o""")
                    .param("copy", copy).param("o", body).update();
        }
        return id;
    }

    /** Removes a rehearsal's own rows of this module (the other modules have removed theirs). */
    public void deleteRehearsal(long id) {
        for (String sql : List.of(
                "delete from organisation_member where organisation_id in (select id from organisation where election_id = :id)",
                "delete from organisation where election_id = :id",
                "delete from milestone where election_id = :id",
                "delete from contest where election_id = :id",
                "delete from electoral_unit_commune where election_id = :id",
                "delete from electoral_unit where election_id = :id",
                "delete from election where id = :id and rehearsal_of is not null")) {
            jdbc.sql(sql).param("id", id).update();
        }
    }

    /** The follow-up elections of an election's contests (a rehearsal has none). */
    public List<vn.baucu.election.FollowUpElection> followUps(long sourceId) {
        return jdbc.sql("""
                        select id, follows_place_code, round, election_day from election
                        where follows_election_id = :e and rehearsal_of is null order by id""")
                .param("e", sourceId)
                .query((rs, i) -> new vn.baucu.election.FollowUpElection(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4).toLocalDate()))
                .list();
    }

    /**
     * A follow-up election of one village's contest: a new election of that village on {@code day}, in round
     * {@code round}, with the contest; its calendar is added by the caller. The new election's id.
     */
    public long insertFollowUp(long sourceId, String placeCode, String round, LocalDate day, String name, String by,
                               Instant at) {
        long id = jdbc.sql("""
                        insert into election (kind, council_level, rule_set, name, term, election_day, scope_unit_id,
                                              scope_code, created_by, created_at, round, follows_election_id,
                                              follows_place_code)
                        select e.kind, e.council_level, e.rule_set, :name, e.term, :day, c.village_id, c.place_code, :by,
                               :at, :round, e.id, c.place_code
                        from election e join contest c on c.election_id = e.id and c.place_code = :place
                        where e.id = :src returning id""")
                .param("name", name).param("day", Date.valueOf(day)).param("by", by).param("at", Timestamp.from(at))
                .param("round", round).param("src", sourceId).param("place", placeCode).query(Long.class).single();
        jdbc.sql("""
                        insert into contest (election_id, village_id, place_code, place_name, commune_code, province_code, seats)
                        select :id, village_id, place_code, place_name, commune_code, province_code, seats
                        from contest where election_id = :src and place_code = :place""")
                .param("id", id).param("src", sourceId).param("place", placeCode).update();
        return id;
    }

    /**
     * A follow-up election of one electoral unit (an additional election or a re-election, Điều 79–80): a new election
     * with a copy of the unit for {@code seats} seats, its contest, and its polling areas again for the new day (the
     * first round's list is used, Điều 82). The new election's id.
     */
    public long insertUnitFollowUp(long sourceId, String placeCode, String round, LocalDate day, int seats, String name,
                                   String by, Instant at) {
        long id = jdbc.sql("""
                        insert into election (kind, council_level, rule_set, name, term, election_day, scope_unit_id,
                                              scope_code, created_by, created_at, round, follows_election_id,
                                              follows_place_code)
                        select kind, council_level, rule_set, :name, term, :day, scope_unit_id, scope_code, :by, :at, :round,
                               id, :place
                        from election where id = :src returning id""")
                .param("name", name).param("day", Date.valueOf(day)).param("by", by).param("at", Timestamp.from(at))
                .param("round", round).param("src", sourceId).param("place", placeCode).query(Long.class).single();
        long[] old = jdbc.sql("select c.electoral_unit_id from contest c where c.election_id = :src and c.place_code = :place")
                .param("src", sourceId).param("place", placeCode).query((rs, i) -> new long[] {rs.getLong(1)}).single();
        Date first = jdbc.sql("select election_day from election where id = :src").param("src", sourceId)
                .query(Date.class).single();
        long unit = jdbc.sql("""
                        insert into electoral_unit (election_id, province_code, number, name, seats)
                        select :id, province_code, number, name, :seats from electoral_unit where id = :u returning id""")
                .param("id", id).param("seats", seats).param("u", old[0]).query(Long.class).single();
        jdbc.sql("""
                        insert into electoral_unit_commune (election_id, electoral_unit_id, commune_id)
                        select :id, :unit, commune_id from electoral_unit_commune where electoral_unit_id = :u""")
                .param("id", id).param("unit", unit).param("u", old[0]).update();
        jdbc.sql("""
                        insert into contest (election_id, electoral_unit_id, place_code, place_name, province_code, seats)
                        select :id, :unit, place_code, place_name, province_code, :seats from contest
                        where election_id = :src and place_code = :place""")
                .param("id", id).param("unit", unit).param("seats", seats).param("src", sourceId).param("place", placeCode)
                .update();
        jdbc.sql("""
                        insert into polling_area (commune_id, polling_day, number, name, address, voters, exception_reason)
                        select p.commune_id, :day, p.number, p.name, p.address, p.voters, p.exception_reason
                        from polling_area p join electoral_unit_commune uc on uc.commune_id = p.commune_id
                        where uc.electoral_unit_id = :u and p.polling_day = :first
                        on conflict (commune_id, polling_day, number) do nothing""")
                .param("day", Date.valueOf(day)).param("u", old[0]).param("first", first).update();
        return id;
    }
}
