package vn.baucu.counting.internal;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.baucu.election.RehearsalEvent;

/** A rehearsal is reset or deleted: its minutes and polling day go first (they hang on its candidates and contests). */
@Component
class RehearsalClearing {

    private final JdbcClient jdbc;

    RehearsalClearing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Order(10)
    void on(RehearsalEvent e) {
        if (e.kind() == RehearsalEvent.Kind.CREATED) {
            jdbc.sql("insert into reporting_time (election_id, at) select :r, at from reporting_time where election_id = :s")
                    .param("r", e.rehearsalId()).param("s", e.sourceId()).update();
            return;
        }
        // the guard: only a rehearsal is ever cleared
        long rehearsal = jdbc.sql("select id from election where id = :r and rehearsal_of is not null")
                .param("r", e.rehearsalId()).query(Long.class).single();
        for (String sql : java.util.List.of(
                "delete from minutes_votes where minutes_id in (select id from minutes where election_id = :r)",
                "delete from minutes_entry where minutes_id in (select id from minutes where election_id = :r)",
                "delete from minutes_version where minutes_id in (select id from minutes where election_id = :r)",
                "delete from minutes where election_id = :r",
                "delete from turnout_report where place_day_id in (select id from polling_place_day where election_id = :r)",
                "delete from polling_event where place_day_id in (select id from polling_place_day where election_id = :r)",
                "delete from polling_place_day where election_id = :r",
                "delete from turnout_rollup where election_id = :r",
                "delete from reporting_time where election_id = :r and :reset = false")) {
            jdbc.sql(sql).param("r", rehearsal).param("reset", e.kind() == RehearsalEvent.Kind.RESET).update();
        }
    }
}
