package vn.baucu.geography.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.baucu.geography.AdminUnit;
import vn.baucu.platform.rules.VietnameseNames;

/** SQL that writes village versions. Callers hold the transaction, the authorisation and the audit. */
@Repository
public class VillageStore {

    private final JdbcClient jdbc;
    private final AdminUnitRepository units;

    public VillageStore(JdbcClient jdbc, AdminUnitRepository units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    /** Serialises village code allocation and name checks for one commune until the transaction ends. */
    public void lockCommune(String communeCode) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('baucu-village:' || :c))").param("c", communeCode).query().singleRow();
    }

    /** The next free village code of a commune: {@code <commune code>-<3 digits>}, never reused. */
    public String nextCode(String communeCode) {
        Integer max = jdbc.sql("""
                        select coalesce(max(cast(substring(code from length(:c) + 2) as integer)), 0) from admin_unit
                        where level = 'VILLAGE' and code like :prefix and substring(code from length(:c) + 2) ~ '^[0-9]+$'""")
                .param("c", communeCode).param("prefix", communeCode + "-%").query(Integer.class).single();
        return String.format("%s-%03d", communeCode, max + 1);
    }

    /** Names (match keys) of the villages in force under the commune on the date. */
    public List<String> matchKeysUnder(long communeId, LocalDate date) {
        return jdbc.sql("select u.match_key from admin_unit u where u.parent_id = :pid and u.level = 'VILLAGE' and "
                        + AdminUnitRepository.VALID_ON)
                .param("pid", communeId).param("d", Date.valueOf(date)).query(String.class).list();
    }

    public AdminUnit insert(String code, String kind, String name, long parentId, String provinceCode,
                            LocalDate from, int households, String source, String decisionRef) {
        String clean = VietnameseNames.clean(name);
        long id = jdbc.sql("""
                        insert into admin_unit (code, level, kind, name, match_key, search_key, parent_id, province_code,
                                                valid_from, households, source, decision_ref)
                        values (:code, 'VILLAGE', :kind, :name, :mk, :sk, :parent, :province, :from, :hh, :source, :ref)
                        returning id""")
                .param("code", code).param("kind", kind).param("name", clean)
                .param("mk", VietnameseNames.matchKey(clean)).param("sk", VietnameseNames.searchKey(clean))
                .param("parent", parentId).param("province", provinceCode).param("from", Date.valueOf(from))
                .param("hh", households).param("source", source).param("ref", decisionRef)
                .query(Long.class).single();
        return units.findById(id).orElseThrow();
    }

    /** Ends a version on the day before {@code until} (valid_to is exclusive). */
    public void close(long id, LocalDate until) {
        jdbc.sql("update admin_unit set valid_to = :to where id = :id and valid_to is null")
                .param("to", Date.valueOf(until)).param("id", id).update();
    }

    /**
     * Amends a village's version in force: closes it (or, for {@code successorVersion} = its own version + 1 on the
     * same day, lets the caller correct it) only if it is still in force at {@code version}; false when another
     * amendment came first.
     */
    public boolean closeAt(long id, LocalDate until, int version) {
        return jdbc.sql("update admin_unit set valid_to = :to where id = :id and valid_to is null and version = :v")
                .param("to", Date.valueOf(until)).param("id", id).param("v", version).update() == 1;
    }

    /** Gives a new version of a village its number (the one it replaces, plus one). */
    public void numberVersion(long id, int version) {
        jdbc.sql("update admin_unit set version = :v where id = :id").param("v", version).param("id", id).update();
    }

    /** Corrects a version that began on the same day, in place (nothing existed in between to keep). */
    public boolean correct(long id, String kind, String name, int households, String decisionRef, int version) {
        String clean = VietnameseNames.clean(name);
        return jdbc.sql("""
                        update admin_unit set kind = :kind, name = :name, match_key = :mk, search_key = :sk,
                            households = :hh, decision_ref = coalesce(:ref, decision_ref), version = version + 1
                        where id = :id and version = :v""")
                .param("kind", kind).param("name", clean).param("mk", VietnameseNames.matchKey(clean))
                .param("sk", VietnameseNames.searchKey(clean)).param("hh", households).param("ref", decisionRef)
                .param("id", id).param("v", version).update() == 1;
    }

    public void link(long successorId, Collection<Long> predecessorIds, String kind, LocalDate effective) {
        for (long p : predecessorIds) {
            jdbc.sql("insert into admin_unit_lineage (successor_id, predecessor_id, kind, effective) values (:s, :p, :k, :e)")
                    .param("s", successorId).param("p", p).param("k", kind).param("e", Date.valueOf(effective)).update();
        }
    }

    /**
     * Moves every village in force under the old communes of a province on the day before the 2025
     * reform to the new commune that took in its old commune — wholly if one did, else the first (by
     * code) that took a part — as a new version from the reform date. Two old communes merged into one
     * may each have had a "Thôn 1": such names get the old commune's name in brackets, since two villages
     * in force under one commune may not share a name. Returns how many moved.
     */
    public int followReform(String provinceCode, LocalDate reform) {
        record Moving(long id, String code, String kind, String name, int households, String source,
                      String oldCommune, long newParent, String matchKey) {
        }
        List<Moving> moving = jdbc.sql("""
                        select v.id, v.code, v.kind, v.name, v.households, v.source, oc.name as old_commune,
                               (select n.id from admin_unit_lineage l join admin_unit n on n.id = l.successor_id
                                where l.predecessor_id = v.parent_id and n.level = 'COMMUNE'
                                order by (l.kind = 'FULL') desc, n.code limit 1) as new_parent, v.match_key
                        from admin_unit v join admin_unit oc on oc.id = v.parent_id
                        where v.level = 'VILLAGE' and v.province_code = :pc and v.valid_to is null
                          and (v.valid_from is null or v.valid_from < :reform) and oc.valid_to <= :reform""")
                .param("pc", provinceCode).param("reform", Date.valueOf(reform))
                .query((rs, i) -> new Moving(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getString(9)))
                .list().stream().filter(m -> m.newParent() != 0).toList();
        var sameName = moving.stream().collect(java.util.stream.Collectors.groupingBy(
                m -> m.newParent() + "|" + m.matchKey(), java.util.stream.Collectors.counting()));
        for (Moving m : moving) {
            close(m.id(), reform);
            String name = sameName.get(m.newParent() + "|" + m.matchKey()) > 1
                    ? m.name() + " (" + m.oldCommune().replaceFirst("^(Xã|Phường|Thị trấn) ", "") + ")"
                    : m.name();
            insert(m.code(), m.kind(), name, m.newParent(), provinceCode, reform, m.households(), m.source(),
                    "Sắp xếp đơn vị hành chính cấp xã từ 01/7/2025");
        }
        return moving.size();
    }
}
