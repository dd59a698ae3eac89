package vn.baucu.election.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.baucu.platform.CurrentUser;
import vn.baucu.platform.HomePanel;

/** Overdue milestones in the user's scope (their unit, or a contest in it), highlighted on the home page. */
@Component
class OverduePanel implements HomePanel {

    record Item(long electionId, String election, String code, String title, int overdue) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    OverduePanel(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String template() {
        return "elections/overdue";
    }

    @Override
    public Map<String, Object> data(CurrentUser user) {
        List<Item> items = jdbc.sql("""
                        select e.id, e.name, m.code, max(m.title), count(*)
                        from milestone m join election e on e.id = m.election_id left join contest c on c.id = m.contest_id
                        where m.done_on is null and m.due_date < :today
                          and (:admin or e.scope_code = :unit or c.commune_code = :unit or c.province_code = :unit
                               or c.place_code = :unit)
                        group by e.id, e.name, m.code order by e.id desc, min(m.due_date) limit 12""")
                .param("today", Date.valueOf(LocalDate.now(clock))).param("admin", user.isSystemAdmin())
                .param("unit", user.unitCode() == null ? "" : user.unitCode())
                .query((rs, i) -> new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list();
        return Map.of("items", items);
    }
}
