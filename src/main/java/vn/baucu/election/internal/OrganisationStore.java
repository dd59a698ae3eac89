package vn.baucu.election.internal;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.baucu.election.Member;
import vn.baucu.rules.Bodies;

/** SQL of bodies, members and polling areas. */
@Repository
public class OrganisationStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public OrganisationStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public record Row(long id, long electionId, String kind, String level, String unitCode, Long contestId,
                      Long electoralUnitId, Long pollingAreaId, boolean armedForces, String name, String decisionNo,
                      LocalDate decisionDate, String issuingBody, String place, int version) {
    }

    public long insert(long electionId, String kind, String level, String unitCode, Long contestId, Long electoralUnitId,
                       Long pollingAreaId, boolean armedForces, String name, String decisionNo, LocalDate decisionDate,
                       String issuingBody, String by) {
        return jdbc.sql("""
                        insert into organisation (election_id, kind, level, unit_code, contest_id, electoral_unit_id,
                            polling_area_id, armed_forces, name, decision_no, decision_date, issuing_body, created_by)
                        values (:e, :kind, :level, :unit, :contest, :eu, :pa, :af, :name, :no, :date, :body, :by)
                        returning id""")
                .param("e", electionId).param("kind", kind).param("level", level).param("unit", unitCode)
                .param("contest", contestId).param("eu", electoralUnitId).param("pa", pollingAreaId).param("af", armedForces)
                .param("name", name).param("no", decisionNo).param("date", decisionDate == null ? null : Date.valueOf(decisionDate))
                .param("body", issuingBody).param("by", by).query(Long.class).single();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql(ROW + " where o.id = :id").param("id", id).query(OrganisationStore::row).optional();
    }

    public List<Row> list(long electionId) {
        return jdbc.sql(ROW + " where o.election_id = :e order by o.kind, o.unit_code, o.id").param("e", electionId)
                .query(OrganisationStore::row).list();
    }

    /** Moves the body to its next version, only from {@code version} when given: false when someone changed it first. */
    public boolean bump(long organisationId, Integer version) {
        return jdbc.sql("""
                        update organisation set version = version + 1
                        where id = :o and (cast(:v as integer) is null or version = :v)""")
                .param("o", organisationId).param("v", version).update() == 1;
    }

    public void replaceMembers(long organisationId, List<Member> members) {
        jdbc.sql("delete from organisation_member where organisation_id = :o").param("o", organisationId).update();
        template.batchUpdate("""
                insert into organisation_member (organisation_id, position, full_name, role, represents)
                values (?, ?, ?, ?, ?)""", members, 200, (PreparedStatement ps, Member m) -> {
                    ps.setLong(1, organisationId);
                    ps.setInt(2, members.indexOf(m) + 1);
                    ps.setString(3, m.fullName());
                    ps.setString(4, m.role().name());
                    ps.setString(5, m.represents());
                });
    }

    public List<Member> members(long organisationId) {
        return jdbc.sql("select full_name, role, represents from organisation_member where organisation_id = :o order by position")
                .param("o", organisationId)
                .query((rs, i) -> new Member(rs.getString(1), Bodies.Role.valueOf(rs.getString(2)), rs.getString(3))).list();
    }

    /** The due date of a milestone for the body's contest, or of the election. */
    public Optional<LocalDate> deadline(long electionId, Long contestId, String code) {
        return jdbc.sql("""
                        select due_date from milestone where election_id = :e and code = :c
                          and (contest_id = :contest or contest_id is null) order by contest_id nulls last limit 1""")
                .param("e", electionId).param("c", code).param("contest", contestId)
                .query((rs, i) -> rs.getDate(1).toLocalDate()).optional();
    }

    public Optional<long[]> contestByPlace(long electionId, String placeCode) {
        return jdbc.sql("""
                        select c.id, coalesce(c.village_id, 0) from contest c
                        where c.election_id = :e and c.place_code = :p""")
                .param("e", electionId).param("p", placeCode)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional();
    }

    public Optional<long[]> electoralUnit(long electionId, String provinceCode, int number) {
        return jdbc.sql("select id from electoral_unit where election_id = :e and province_code = :p and number = :n")
                .param("e", electionId).param("p", provinceCode).param("n", number)
                .query((rs, i) -> new long[] {rs.getLong(1)}).optional();
    }

    public long insertPollingArea(long communeId, LocalDate day, int number, String name, String address, int voters,
                                  String exception) {
        return jdbc.sql("""
                        insert into polling_area (commune_id, polling_day, number, name, address, voters, exception_reason)
                        values (:c, :d, :n, :name, :addr, :v, :x)
                        on conflict (commune_id, polling_day, number) do nothing returning id""")
                .param("c", communeId).param("d", Date.valueOf(day)).param("n", number).param("name", name)
                .param("addr", address).param("v", voters).param("x", exception)
                .query(Long.class).optional().orElse(-1L);
    }

    public record PollingAreaRow(long id, long communeId, String communeCode, LocalDate day, int number, String name,
                                 String address, int voters, String exception) {
    }

    public Optional<PollingAreaRow> pollingArea(long id) {
        return jdbc.sql(PA + " where p.id = :id").param("id", id).query(OrganisationStore::pa).optional();
    }

    public List<PollingAreaRow> pollingAreas(long communeId, LocalDate day) {
        return jdbc.sql(PA + " where p.commune_id = :c and p.polling_day = :d order by p.number")
                .param("c", communeId).param("d", Date.valueOf(day)).query(OrganisationStore::pa).list();
    }

    /** The contests a body serves: its village's contest, its electoral unit's, or those of its polling area's commune. */
    public List<Long> contestsServed(Row row) {
        if (row.contestId() != null) {
            return List.of(row.contestId());
        }
        if (row.electoralUnitId() != null) {
            return jdbc.sql("select id from contest where electoral_unit_id = :u").param("u", row.electoralUnitId())
                    .query(Long.class).list();
        }
        if (row.pollingAreaId() != null) {
            return jdbc.sql("""
                            select c.id from contest c
                            join electoral_unit_commune uc on uc.electoral_unit_id = c.electoral_unit_id
                            join polling_area p on p.commune_id = uc.commune_id
                            where p.id = :p and c.election_id = :e""")
                    .param("p", row.pollingAreaId()).param("e", row.electionId()).query(Long.class).list();
        }
        return List.of();
    }

    static final String PA = """
            select p.id, p.commune_id, a.code, p.polling_day, p.number, p.name, p.address, p.voters, p.exception_reason
            from polling_area p join admin_unit a on a.id = p.commune_id""";

    static PollingAreaRow pa(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new PollingAreaRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate(), rs.getInt(5),
                rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9));
    }

    static final String ROW = """
            select o.*, coalesce(c.place_name, u.name, pa.name, au.name, o.unit_code) as place
            from organisation o
            left join contest c on c.id = o.contest_id
            left join electoral_unit u on u.id = o.electoral_unit_id
            left join polling_area pa on pa.id = o.polling_area_id
            left join election e on e.id = o.election_id
            left join admin_unit au on au.code = o.unit_code and au.level <> 'VILLAGE'
                 and (au.valid_from is null or au.valid_from <= e.election_day)
                 and (au.valid_to is null or au.valid_to > e.election_day)""";

    static Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Date d = rs.getDate("decision_date");
        long contest = rs.getLong("contest_id");
        Long contestId = rs.wasNull() ? null : contest;
        long eu = rs.getLong("electoral_unit_id");
        Long euId = rs.wasNull() ? null : eu;
        long pa = rs.getLong("polling_area_id");
        Long paId = rs.wasNull() ? null : pa;
        return new Row(rs.getLong("id"), rs.getLong("election_id"), rs.getString("kind"), rs.getString("level"),
                rs.getString("unit_code"), contestId, euId, paId, rs.getBoolean("armed_forces"), rs.getString("name"),
                rs.getString("decision_no"), d == null ? null : d.toLocalDate(), rs.getString("issuing_body"),
                rs.getString("place"), rs.getInt("version"));
    }
}
