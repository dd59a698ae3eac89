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
        boolean village = jdbc.sql("select village_id is not null from contest where election_id = :s and place_code = :p")
                .param("s", e.sourceElectionId()).param("p", e.placeCode()).query(Boolean.class).single();
        if (village) {
            copyLists(e.sourceElectionId(), e.electionId(), e.placeCode());
            return;
        }
        // an electoral unit: the lists of its polling areas, each onto the same area of the new day
        jdbc.sql("""
                        insert into voter_list (election_id, polling_area_id, village_code, commune_code, file_name, sha256,
                                                entries, households, imported_at, imported_by, posted_on)
                        select :r, np.id, null, l.commune_code, l.file_name, l.sha256, l.entries, l.households, l.imported_at,
                               l.imported_by, l.posted_on
                        from voter_list l join polling_area op on op.id = l.polling_area_id
                        join election ne on ne.id = :r
                        join polling_area np on np.commune_id = op.commune_id and np.number = op.number
                                            and np.polling_day = ne.election_day
                        join contest nc on nc.election_id = :r and nc.place_code = :p
                        join electoral_unit_commune uc on uc.electoral_unit_id = nc.electoral_unit_id and uc.commune_id = op.commune_id
                        where l.election_id = :s""")
                .param("r", e.electionId()).param("s", e.sourceElectionId()).param("p", e.placeCode()).update();
        String columns = entryColumns();
        jdbc.sql("insert into voter_entry (voter_list_id, election_id, " + columns + ") "
                        + "select nl.id, :r, " + prefixed(columns, "e.") + " from voter_entry e "
                        + "join voter_list ol on ol.id = e.voter_list_id join polling_area op on op.id = ol.polling_area_id "
                        + "join voter_list nl on nl.election_id = :r join polling_area np on np.id = nl.polling_area_id "
                        + "and np.commune_id = op.commune_id and np.number = op.number where e.election_id = :s")
                .param("r", e.electionId()).param("s", e.sourceElectionId()).update();
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
        String columns = entryColumns();
        jdbc.sql("insert into voter_entry (voter_list_id, election_id, " + columns + ") "
                        + "select nl.id, :r, " + prefixed(columns, "e.") + " from voter_entry e "
                        + "join voter_list ol on ol.id = e.voter_list_id "
                        + "join voter_list nl on nl.election_id = :r and (nl.polling_area_id = ol.polling_area_id "
                        + "or nl.village_code = ol.village_code) where e.election_id = :s")
                .param("r", target).param("s", source).update();
    }

    /** The columns of a voter entry that a copy carries over (all but its id, list and election). */
    private String entryColumns() {
        return jdbc.sql("""
                        select string_agg(column_name, ', ' order by ordinal_position) from information_schema.columns
                        where table_schema = current_schema() and table_name = 'voter_entry'
                          and column_name not in ('id', 'voter_list_id', 'election_id')""").query(String.class).single();
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
