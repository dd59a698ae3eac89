package vn.baucu.election.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.baucu.platform.RehearsalMarks;

/** Tells the layout which elections are rehearsals. */
@Component
class RehearsalMarker implements RehearsalMarks {

    private final JdbcClient jdbc;

    RehearsalMarker(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isRehearsal(long electionId) {
        return jdbc.sql("select count(*) from election where id = :e and rehearsal_of is not null").param("e", electionId)
                .query(Long.class).single() > 0;
    }
}
