package vn.baucu.geography.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.baucu.platform.UnitHierarchy;

/** The platform's view of the hierarchy, for scope checks. */
@Component
class JdbcUnitHierarchy implements UnitHierarchy {

    private final AdminUnitRepository units;
    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcUnitHierarchy(AdminUnitRepository units, JdbcClient jdbc, Clock clock) {
        this.units = units;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean isWithin(long unitId, String scopeCode) {
        return scopeCode != null && units.isWithin(unitId, scopeCode);
    }

    @Override
    public java.util.OptionalLong unitId(String unitCode, LocalDate asOf) {
        if (unitCode == null || asOf == null) {
            return java.util.OptionalLong.empty();
        }
        return jdbc.sql("""
                        select id from admin_unit where code = :code
                          and (valid_from is null or valid_from <= :d) and (valid_to is null or valid_to > :d)
                        order by valid_from desc nulls last limit 1""")
                .param("code", unitCode).param("d", Date.valueOf(asOf)).query(Long.class).optional()
                .map(java.util.OptionalLong::of).orElse(java.util.OptionalLong.empty());
    }

    @Override
    public String displayName(String unitCode) {
        // the version in force today, else the latest one (a user of a unit that no longer exists)
        return jdbc.sql("""
                        select name from admin_unit where code = :code
                        order by (valid_from is null or valid_from <= :d) and (valid_to is null or valid_to > :d) desc,
                                 valid_from desc nulls last limit 1""")
                .param("code", unitCode).param("d", Date.valueOf(LocalDate.now(clock)))
                .query(String.class).optional().orElse(unitCode);
    }
}
