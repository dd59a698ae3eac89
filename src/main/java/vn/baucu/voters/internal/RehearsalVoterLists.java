package vn.baucu.voters.internal;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.baucu.election.RehearsalEvent;

/** A rehearsal's voter lists: copied from the real election's with every entry, removed with the rehearsal. */
@Component
class RehearsalVoterLists {

    private final JdbcClient jdbc;

    RehearsalVoterLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Order(30)
    void on(RehearsalEvent e) {
        switch (e.kind()) {
            case CREATED -> copy(e.sourceId(), e.rehearsalId());
            case DELETING -> delete(e.rehearsalId());
            case RESET -> { }
        }
    }

    private void copy(long source, long rehearsal) {
        copyLists(source, rehearsal, null);
    }

    /** A re-election takes the same household list (Luật 85/2015/QH13, Điều 82; NĐ 59/2023/NĐ-CP): that village's list. */
    @EventListener
    void on(vn.baucu.election.FollowUpCreated e) {
        copyLists(e.sourceElectionId(), e.electionId(), e.placeCode());
    }

    /** Copies the lists of an election (only a village's when {@code village} is given) with every entry. */
    private void copyLists(long source, long target, String village) {
        jdbc.sql("""
                        insert into voter_list (election_id, polling_area_id, village_code, commune_code, file_name, sha256,
                                                entries, households, imported_at, imported_by, posted_on)
                        select :r, polling_area_id, village_code, commune_code, file_name, sha256, entries, households,
                               imported_at, imported_by, posted_on
                        from voter_list where election_id = :s and (cast(:v as varchar) is null or village_code = :v)""")
                .param("r", target).param("s", source).param("v", village).update();
        String columns = jdbc.sql("""
                        select string_agg(column_name, ', ' order by ordinal_position) from information_schema.columns
                        where table_schema = current_schema() and table_name = 'voter_entry'
                          and column_name not in ('id', 'voter_list_id', 'election_id')""").query(String.class).single();
        jdbc.sql("insert into voter_entry (voter_list_id, election_id, " + columns + ") "
                        + "select nl.id, :r, " + prefixed(columns, "e.") + " from voter_entry e "
                        + "join voter_list ol on ol.id = e.voter_list_id "
                        + "join voter_list nl on nl.election_id = :r and (nl.polling_area_id = ol.polling_area_id "
                        + "or nl.village_code = ol.village_code) where e.election_id = :s")
                .param("r", target).param("s", source).update();
    }

    static String prefixed(String columns, String alias) {
        return java.util.Arrays.stream(columns.split(",\\s*")).map(c -> alias + c)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private void delete(long rehearsal) {
        for (String sql : java.util.List.of(
                "delete from voter_change where voter_list_id in (select id from voter_list where election_id = :r)",
                "delete from voter_complaint where voter_list_id in (select id from voter_list where election_id = :r)",
                "delete from voter_entry where election_id = :r",
                "delete from voter_list where election_id = :r")) {
            jdbc.sql(sql).param("r", rehearsal).update();
        }
    }
}
