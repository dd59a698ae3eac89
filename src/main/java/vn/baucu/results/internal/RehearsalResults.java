package vn.baucu.results.internal;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.baucu.election.RehearsalEvent;

/** A rehearsal reset or deleted: its results and recognitions go before its minutes and candidates. */
@Component
class RehearsalResults {

    private final JdbcClient jdbc;

    RehearsalResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Order(5)
    void on(RehearsalEvent e) {
        if (e.kind() == RehearsalEvent.Kind.CREATED) {
            return;
        }
        long rehearsal = jdbc.sql("select id from election where id = :r and rehearsal_of is not null")
                .param("r", e.rehearsalId()).query(Long.class).single();
        jdbc.sql("delete from recognition where election_id = :r").param("r", rehearsal).update();
        jdbc.sql("delete from interim_head where election_id = :r").param("r", rehearsal).update();
        jdbc.sql("delete from follow_up_unheld where election_id = :r").param("r", rehearsal).update();
        jdbc.sql("delete from contest_result where election_id = :r").param("r", rehearsal).update();
    }
}
