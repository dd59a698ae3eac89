package vn.baucu.voters.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

import vn.baucu.platform.rules.VietnameseNames;
import vn.baucu.voters.VoterLists.Voter;

/** SQL and COPY of voter lists. Callers hold the transaction. */
@Repository
public class VoterListStore {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    public VoterListStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    public record ListRow(long id, long electionId, Long pollingAreaId, String villageCode, String communeCode, String sha256,
                          int entries, int households, LocalDate postedOn) {
    }

    public Optional<ListRow> find(long electionId, Long pollingAreaId, String villageCode) {
        return jdbc.sql("""
                        select id, election_id, polling_area_id, village_code, commune_code, sha256, entries, households, posted_on
                        from voter_list where election_id = :e
                          and (polling_area_id = :pa or (cast(:pa as bigint) is null and village_code = :v))""")
                .param("e", electionId).param("pa", pollingAreaId).param("v", villageCode)
                .query(VoterListStore::row).optional();
    }

    public Optional<ListRow> find(long id) {
        return jdbc.sql("""
                        select id, election_id, polling_area_id, village_code, commune_code, sha256, entries, households, posted_on
                        from voter_list where id = :id""").param("id", id).query(VoterListStore::row).optional();
    }

    /** Whether anything was done to the list after its import: a change to an entry, or a complaint. */
    public boolean hasChanges(long listId) {
        return jdbc.sql("""
                        select exists (select 1 from voter_change where voter_list_id = :l)
                            or exists (select 1 from voter_complaint where voter_list_id = :l)""")
                .param("l", listId).query(Boolean.class).single();
    }

    public void delete(long listId) {
        jdbc.sql("delete from voter_entry where voter_list_id = :l").param("l", listId).update();
        jdbc.sql("delete from voter_list where id = :l").param("l", listId).update();
    }

    public long insertList(long electionId, Long pollingAreaId, String villageCode, String communeCode, String fileName,
                           String sha256, String by, Instant at) {
        return jdbc.sql("""
                        insert into voter_list (election_id, polling_area_id, village_code, commune_code, file_name, sha256,
                                                entries, households, imported_at, imported_by)
                        values (:e, :pa, :v, :c, :f, :s, 0, 0, :at, :by) returning id""")
                .param("e", electionId).param("pa", pollingAreaId).param("v", villageCode).param("c", communeCode)
                .param("f", fileName).param("s", sha256).param("at", Timestamp.from(at)).param("by", by)
                .query(Long.class).single();
    }

    public void setCounts(long listId, long entries, long households) {
        jdbc.sql("update voter_list set entries = :n, households = :h where id = :l")
                .param("n", entries).param("h", households).param("l", listId).update();
    }

    public void markPosted(long listId, LocalDate on) {
        jdbc.sql("update voter_list set posted_on = :d where id = :l").param("d", Date.valueOf(on)).param("l", listId).update();
    }

    public record Entry(String fullName, LocalDate birthDate, char sex, String residence, String household,
                        boolean representative) {
    }

    public List<Entry> entries(long listId) {
        return jdbc.sql("""
                        select full_name, birth_date, sex, residence, household_id, representative
                        from voter_entry where voter_list_id = :l and status = 'ACTIVE'""")
                .param("l", listId)
                .query((rs, i) -> new Entry(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3).charAt(0),
                        rs.getString(4), rs.getString(5), rs.getBoolean(6))).list();
    }

    public record Found(String fullName, LocalDate birthDate, String personalId, String household, String communeCode,
                        Long pollingAreaId, String villageCode, long listId, String status) {
    }

    /**
     * Officials' search: a name without diacritics, a personal id, or a household code; within the lists of
     * {@code communeCodes} (all when null), and of one village when {@code villageCode} is given; by personal id
     * only when {@code byId}.
     */
    public List<Found> search(long electionId, String query, String[] communeCodes, String villageCode, boolean byId,
                              int limit) {
        return jdbc.sql("""
                        select e.full_name, e.birth_date, e.personal_id, e.household_id, l.commune_code, l.polling_area_id,
                               l.village_code, l.id, e.status
                        from voter_entry e join voter_list l on l.id = e.voter_list_id
                        where e.election_id = :e and (cast(:scope as varchar[]) is null or l.commune_code = any(:scope))
                          and (cast(:village as varchar) is null or l.village_code = :village)
                          and (e.search_key like :k or (:byId and e.personal_id = :q) or e.household_id = :q)
                        order by e.search_key limit :lim""")
                .param("e", electionId).param("byId", byId).param("scope", communeCodes).param("village", villageCode)
                .param("k", nameLike(query)).param("q", query.strip()).param("lim", limit)
                .query((rs, i) -> {
                    long pa = rs.getLong(6);
                    Long area = rs.wasNull() ? null : pa;
                    return new Found(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4),
                            rs.getString(5), area, rs.getString(7), rs.getLong(8), rs.getString(9));
                }).list();
    }

    /** The LIKE pattern matching a name typed with or without diacritics against {@code search_key}. */
    static String nameLike(String query) {
        String key = VietnameseNames.searchKey(query);
        return "%" + (key == null ? "" : key.replace("%", "")) + "%";
    }

    /** Opens a COPY into voter_entry on the transaction's connection (called through the proxy, runs on the target). */
    public EntryCopy copy(long listId, long electionId) {
        return new EntryCopy(dataSource, listId, electionId);
    }

    /** A COPY into voter_entry held open while rows stream in; ends with the transaction's connection. */
    public static final class EntryCopy implements AutoCloseable {
        private final DataSource dataSource;
        private final Connection connection;
        private final CopyIn copy;
        private final long listId;
        private final long electionId;
        private final StringBuilder buffer = new StringBuilder(1 << 16);

        EntryCopy(DataSource dataSource, long listId, long electionId) {
            this.dataSource = dataSource;
            this.listId = listId;
            this.electionId = electionId;
            this.connection = DataSourceUtils.getConnection(dataSource);
            try {
                this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                        copy voter_entry (voter_list_id, election_id, row_no, full_name, search_key, birth_date, sex,
                                          personal_id, ethnicity, residence, household_id, representative) from stdin""");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        public void add(Voter v) {
            buffer.append(listId).append('\t').append(electionId).append('\t').append(v.row()).append('\t')
                    .append(esc(v.fullName())).append('\t').append(esc(VietnameseNames.searchKey(v.fullName()))).append('\t')
                    .append(v.birthDate()).append('\t').append(v.sex()).append('\t').append(nul(v.personalId())).append('\t')
                    .append(nul(v.ethnicity())).append('\t').append(nul(v.residence())).append('\t')
                    .append(nul(v.household())).append('\t').append(v.representative() ? 't' : 'f').append('\n');
            if (buffer.length() > (1 << 16) - 512) {
                flush();
            }
        }

        private void flush() {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw translate(e);
            }
            buffer.setLength(0);
        }

        /** Finishes the COPY; a person already on another list of the election surfaces here. */
        public long finish() {
            flush();
            try {
                return copy.endCopy();
            } catch (SQLException e) {
                throw translate(e);
            }
        }

        @Override
        public void close() {
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException ignored) {
                // the transaction rolls back anyway
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }

        private RuntimeException translate(SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                String detail = String.valueOf(e.getMessage());
                String id = detail.replaceAll("(?s).*personal_id\\)=\\(\\d+, (\\d{12})\\).*", "$1");
                return new OnAnotherList(id.matches("\\d{12}") ? id : "?");
            }
            return new UncheckedIOException(new IOException(e));
        }
    }

    /** A person of a new file who is already listed elsewhere in the election: where (area or village, commune). */
    public record Clash(String personalId, String listedIn, String communeCode) {
    }

    /**
     * Which of these personal ids are already on another active list of the election (the target's own
     * current list excepted, as a re-import replaces it). One index-only probe per id
     * ({@code voter_entry_one_list}); the caller sends them in batches.
     */
    public List<Clash> listedElsewhere(long electionId, Long exceptListId, String[] personalIds) {
        return jdbc.sql("""
                        select e.personal_id, coalesce(pa.name, l.village_code), l.commune_code
                        from voter_entry e join voter_list l on l.id = e.voter_list_id
                        left join polling_area pa on pa.id = l.polling_area_id
                        where e.election_id = :e and e.status = 'ACTIVE' and e.personal_id = any(:ids)
                          and (cast(:except as bigint) is null or e.voter_list_id <> :except)""")
                .param("e", electionId).param("ids", personalIds).param("except", exceptListId)
                .query((rs, i) -> new Clash(rs.getString(1).strip(), rs.getString(2), rs.getString(3))).list();
    }

    /** The person is already on another list of the same election. */
    public static final class OnAnotherList extends RuntimeException {
        public final String personalId;

        OnAnotherList(String personalId) {
            super(personalId);
            this.personalId = personalId;
        }
    }

    private static String esc(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return s.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ").replace("\r", " ");
            }
        }
        return s;   // most cells: nothing to escape
    }

    private static String nul(String s) {
        return s == null ? "\\N" : esc(s);
    }

    static ListRow row(java.sql.ResultSet rs, int i) throws SQLException {
        long pa = rs.getLong(3);
        Long area = rs.wasNull() ? null : pa;
        Date posted = rs.getDate(9);
        return new ListRow(rs.getLong(1), rs.getLong(2), area, rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7),
                rs.getInt(8), posted == null ? null : posted.toLocalDate());
    }

    /** [list id, voters counted, their households, removed by then, certificates to vote elsewhere] on {@code day}. */
    public java.util.Optional<long[]> electorate(long electionId, Long pollingAreaId, String villageCode,
                                                 java.time.LocalDate day, boolean communeCouncil) {
        return jdbc.sql("""
                        select l.id,
                               count(*) filter (where x.counted),
                               count(distinct coalesce(x.household_id, 'row-' || x.row_no)) filter (where x.counted),
                               count(*) filter (where x.gone),
                               count(*) filter (where x.certificate)
                        from voter_list l
                        left join lateral (
                            select e.row_no, e.household_id, f.gone, f.certificate,
                                   not f.gone and not f.certificate and not f.restricted as counted
                            from voter_entry e, lateral (select
                                case when e.status = 'REMOVED' then coalesce((select min(c.changed_on) from voter_change c
                                         where c.entry_id = e.id and c.kind in ('REMOVE', 'TRANSFER')), :day) <= :day
                                     else false end as gone,
                                coalesce(e.certificate_on <= :day, false) as certificate,
                                :commune and coalesce(e.restriction = 'NA_AND_PROVINCE_ONLY', false) as restricted) f
                            where e.voter_list_id = l.id
                        ) x on true
                        where l.election_id = :e
                          and (l.polling_area_id = :area or l.village_code = :village)
                        group by l.id""")
                .param("e", electionId).param("area", pollingAreaId).param("village", villageCode)
                .param("day", java.sql.Date.valueOf(day)).param("commune", communeCouncil)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)})
                .optional();
    }
}
