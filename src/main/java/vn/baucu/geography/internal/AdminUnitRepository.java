package vn.baucu.geography.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.baucu.geography.AdminUnit;
import vn.baucu.geography.UnitLevel;
import vn.baucu.geography.UnitLink;
import vn.baucu.platform.rules.VietnameseNames;

/** SQL for {@code admin_unit} and {@code admin_unit_lineage}. Internal to the geography module. */
@Repository
public class AdminUnitRepository {

    static final String COLUMNS = """
             u.id, u.code, u.level, u.kind, u.name, u.parent_id, p.code as parent_code, u.province_code,
            u.valid_from, u.valid_to, u.households, u.source, u.decision_ref, u.version
            """;
    static final String FROM = " from admin_unit u left join admin_unit p on p.id = u.parent_id ";
    static final String VALID_ON = """
             (u.valid_from is null or u.valid_from <= :d) and (u.valid_to is null or u.valid_to > :d)
            """;

    private final JdbcClient jdbc;

    public AdminUnitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AdminUnit> findByCode(String code, LocalDate asOf) {
        return jdbc.sql("select " + COLUMNS + FROM + " where u.code = :code and " + VALID_ON)
                .param("code", code).param("d", Date.valueOf(asOf))
                .query(AdminUnitRepository::map).optional();
    }

    public Optional<AdminUnit> findById(long id) {
        return jdbc.sql("select " + COLUMNS + FROM + " where u.id = :id").param("id", id)
                .query(AdminUnitRepository::map).optional();
    }

    /** Every version of the unit with this code, oldest first. */
    public List<AdminUnit> versions(String code) {
        return jdbc.sql("select " + COLUMNS + FROM + " where u.code = :code order by u.valid_from nulls first")
                .param("code", code).query(AdminUnitRepository::map).list();
    }

    public List<AdminUnit> provinces(LocalDate asOf) {
        return jdbc.sql("select " + COLUMNS + FROM + " where u.level = 'PROVINCE' and " + VALID_ON + " order by u.code")
                .param("d", Date.valueOf(asOf)).query(AdminUnitRepository::map).list();
    }

    public List<AdminUnit> byLevel(UnitLevel level, LocalDate asOf) {
        return jdbc.sql("select " + COLUMNS + FROM + " where u.level = :level and " + VALID_ON + " order by u.code")
                .param("level", level.name()).param("d", Date.valueOf(asOf)).query(AdminUnitRepository::map).list();
    }

    public List<AdminUnit> children(long parentId, LocalDate asOf) {
        return jdbc.sql("select " + COLUMNS + FROM + " where u.parent_id = :pid and " + VALID_ON + " order by u.code")
                .param("pid", parentId).param("d", Date.valueOf(asOf)).query(AdminUnitRepository::map).list();
    }

    /** Units of a level anywhere inside a province (e.g. communes under a province through its districts). */
    public List<AdminUnit> inProvince(String provinceCode, UnitLevel level, LocalDate asOf) {
        return jdbc.sql("select " + COLUMNS + FROM
                        + " where u.province_code = :pc and u.level = :level and " + VALID_ON + " order by u.code")
                .param("pc", provinceCode).param("level", level.name()).param("d", Date.valueOf(asOf))
                .query(AdminUnitRepository::map).list();
    }

    /** Units of a level below a district or commune, at any depth. */
    public List<AdminUnit> descendants(long ancestorId, UnitLevel level, LocalDate asOf) {
        return jdbc.sql("""
                        with recursive down as (
                            select id from admin_unit where id = :aid
                            union all
                            select c.id from admin_unit c join down on c.parent_id = down.id
                                where c.level <> 'VILLAGE' or :level = 'VILLAGE')
                        select """ + COLUMNS + FROM + """
                        where u.id in (select id from down) and u.level = :level and """ + VALID_ON + " order by u.code")
                .param("aid", ancestorId).param("level", level.name()).param("d", Date.valueOf(asOf))
                .query(AdminUnitRepository::map).list();
    }

    /** Name search without diacritics; every word of the query must occur. */
    public List<AdminUnit> search(String query, LocalDate asOf, int limit) {
        String key = VietnameseNames.searchKey(query);
        if (key == null || key.isBlank()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + FROM + " where u.search_key like :pattern and " + VALID_ON + """
                         order by case u.level when 'PROVINCE' then 0 when 'DISTRICT' then 1 when 'COMMUNE' then 2 else 3 end,
                                  length(u.name), u.code limit :limit""")
                .param("pattern", "%" + key.replace("\\", "").replace("%", "").replace("_", "\\_")
                        .replace(" ", "%") + "%")
                .param("d", Date.valueOf(asOf)).param("limit", limit)
                .query(AdminUnitRepository::map).list();
    }

    public List<UnitLink> predecessors(long id) {
        return jdbc.sql("""
                        select o.code, o.name, o.level, o.valid_from, o.valid_to, l.kind, l.effective
                        from admin_unit_lineage l join admin_unit o on o.id = l.predecessor_id
                        where l.successor_id = :id order by o.code""")
                .param("id", id).query(AdminUnitRepository::mapLink).list();
    }

    public List<UnitLink> successors(long id) {
        return jdbc.sql("""
                        select n.code, n.name, n.level, n.valid_from, n.valid_to, l.kind, l.effective
                        from admin_unit_lineage l join admin_unit n on n.id = l.successor_id
                        where l.predecessor_id = :id order by n.code""")
                .param("id", id).query(AdminUnitRepository::mapLink).list();
    }

    public boolean isWithin(long unitId, String scopeCode) {
        return jdbc.sql("""
                        with recursive up as (
                            select id, code, parent_id from admin_unit where id = :id
                            union all
                            select p.id, p.code, p.parent_id from admin_unit p join up on p.id = up.parent_id)
                        select exists (select 1 from up where code = :scope)""")
                .param("id", unitId).param("scope", scopeCode).query(Boolean.class).single();
    }

    /** Ancestors from the province down to the direct parent. */
    public List<AdminUnit> ancestors(long unitId) {
        return jdbc.sql("""
                        with recursive up as (
                            select parent_id as id, 1 as depth from admin_unit where id = :id and parent_id is not null
                            union all
                            select p.parent_id, up.depth + 1 from admin_unit p join up on p.id = up.id
                                where p.parent_id is not null)
                        select """ + COLUMNS + FROM + " join up on up.id = u.id order by up.depth desc")
                .param("id", unitId).query(AdminUnitRepository::map).list();
    }

    static AdminUnit map(ResultSet rs, int row) throws SQLException {
        long parentId = rs.getLong("parent_id");
        Long parent = rs.wasNull() ? null : parentId;
        int households = rs.getInt("households");
        Integer hh = rs.wasNull() ? null : households;
        return new AdminUnit(rs.getLong("id"), rs.getString("code"), UnitLevel.valueOf(rs.getString("level")),
                rs.getString("kind"), rs.getString("name"), parent, rs.getString("parent_code"),
                rs.getString("province_code"), date(rs, "valid_from"), date(rs, "valid_to"), hh,
                rs.getString("source"), rs.getString("decision_ref"), rs.getInt("version"));
    }

    static UnitLink mapLink(ResultSet rs, int row) throws SQLException {
        return new UnitLink(rs.getString("code"), rs.getString("name"), UnitLevel.valueOf(rs.getString("level")),
                date(rs, "valid_from"), date(rs, "valid_to"), rs.getString("kind"), date(rs, "effective"));
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
