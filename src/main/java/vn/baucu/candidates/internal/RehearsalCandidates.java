package vn.baucu.candidates.internal;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.baucu.election.RehearsalEvent;

/** A rehearsal's candidates: every candidate of the real election copied with its list position and status. */
@Component
class RehearsalCandidates {

    private final JdbcClient jdbc;

    RehearsalCandidates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Order(20)
    void on(RehearsalEvent e) {
        switch (e.kind()) {
            case CREATED -> copy(e.sourceId(), e.rehearsalId());
            case DELETING -> delete(e.rehearsalId());
            case RESET -> jdbc.sql("""
                    update candidate set status = 'ON_LIST'
                    where election_id = :r and status in ('ELECTED', 'NOT_ELECTED')""").param("r", e.rehearsalId()).update();
        }
    }

    /** The candidate table's columns but these, as a list and prefixed with {@code k.}. */
    private String[] columnsBut(String... excluded) {
        String columns = jdbc.sql("""
                        select string_agg(column_name, ', ' order by ordinal_position) from information_schema.columns
                        where table_schema = current_schema() and table_name = 'candidate'
                          and column_name <> all(:x)""").param("x", excluded).query(String.class).single();
        return new String[] {columns, java.util.Arrays.stream(columns.split(",\\s*")).map(c -> "k." + c)
                .collect(java.util.stream.Collectors.joining(", "))};
    }

    private void copy(long source, long rehearsal) {
        String[] c = columnsBut("id", "election_id", "contest_id");
        String columns = c[0];
        String aliased = c[1];
        jdbc.sql("insert into candidate (election_id, contest_id, " + columns + ") select :r, nc.id, " + aliased
                        + " from candidate k join contest oc on oc.id = k.contest_id"
                        + " join contest nc on nc.election_id = :r and nc.place_code = oc.place_code"
                        + " where k.election_id = :s order by k.id")
                .param("r", rehearsal).param("s", source).update();
        // a rehearsal starts before the count: no one is elected in it yet
        jdbc.sql("update candidate set status = 'ON_LIST' where election_id = :r and status in ('ELECTED', 'NOT_ELECTED')")
                .param("r", rehearsal).update();
    }

    /**
     * A re-election has the first round's eligible candidates: those on its list who were not struck off or withdrawn,
     * settled in the same order (Luật 85/2015/QH13, Điều 80 khoản 3; NĐ 59/2023/NĐ-CP, Điều 8); an additional election
     * only those not elected (Điều 79 khoản 3).
     */
    @EventListener
    void on(vn.baucu.election.FollowUpCreated e) {
        String[] c = columnsBut("id", "election_id", "contest_id", "status");
        String columns = c[0];
        String aliased = c[1];
        jdbc.sql("insert into candidate (election_id, contest_id, status, " + columns + ") select :r, nc.id, 'ON_LIST', "
                        + aliased + " from candidate k join contest oc on oc.id = k.contest_id and oc.place_code = :p"
                        + " join contest nc on nc.election_id = :r and nc.place_code = oc.place_code"
                        + " where k.election_id = :s and k.list_position is not null"
                        + " and k.status in (" + (additional(e.electionId()) ? "'NOT_ELECTED'" : "'ON_LIST', 'ELECTED', 'NOT_ELECTED'")
                        + ") order by k.list_position")
                .param("r", e.electionId()).param("s", e.sourceElectionId()).param("p", e.placeCode()).update();
    }

    /** Whether the follow-up is an additional election: only the first round's candidates not elected stand (Điều 79). */
    private boolean additional(long election) {
        return "ADDITIONAL".equals(jdbc.sql("select round from election where id = :e").param("e", election)
                .query(String.class).single());
    }

    private void delete(long rehearsal) {
        for (String sql : java.util.List.of(
                "delete from consultation_entry where candidate_id in (select id from candidate where election_id = :r)",
                "delete from consultation where election_id = :r",
                "delete from front_meeting_entry where candidate_id in (select id from candidate where election_id = :r)",
                "delete from front_meeting where contest_id in (select id from contest where election_id = :r)",
                "delete from voter_conference where candidate_id in (select id from candidate where election_id = :r)",
                "delete from candidate_document where candidate_id in (select id from candidate where election_id = :r)",
                "delete from composition_plan where election_id = :r",
                "delete from candidate where election_id = :r")) {
            jdbc.sql(sql).param("r", rehearsal).update();
        }
    }
}
