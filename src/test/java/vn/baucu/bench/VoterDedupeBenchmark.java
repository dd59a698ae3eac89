package vn.baucu.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.baucu.election.ElectionKind;
import vn.baucu.election.Elections;
import vn.baucu.election.NewElection;
import vn.baucu.election.Organisations;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.DomainException;
import vn.baucu.rules.RuleSet;
import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.voters.VoterLists;

/**
 * On demand only (not matched by the failsafe includes): {@code bench/voter-dedupe.sh}. Fills one election with
 * 10,000,000 list entries, then imports a new file of 100,000 rows into it — "one list only" is checked by the
 * unique index {@code voter_entry_one_list} while the rows stream in by COPY, so nothing is held in memory — and
 * compares with the same import into an empty election, measured in the same run. Prints the query plan of the
 * same check done as one query.
 */
@BaucuIntegrationTest
class VoterDedupeBenchmark {

    static final int EXISTING = Integer.getInteger("bench.existing", 10_000_000);
    static final int ROWS = Integer.getInteger("bench.rows", 100_000);
    static final LocalDate DAY = LocalDate.of(2027, 5, 23);

    @Autowired
    VoterLists voterLists;
    @Autowired
    Elections elections;
    @Autowired
    Organisations organisations;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails ownerDetails;

    @Test
    void aNewFileAgainstTenMillionEntries() throws Exception {
        long big = election("Benchmark 10M");
        long empty = election("Benchmark empty");
        long t0 = System.nanoTime();
        fill(big);
        vn.baucu.support.Owner.jdbc(ownerDetails).sql("analyze voter_entry").update();   // the owner's right
        double fillSeconds = (System.nanoTime() - t0) / 1e9;
        long entries = jdbc.sql("select count(*) from voter_entry where election_id = :e").param("e", big)
                .query(Long.class).single();

        Path csv = Files.createTempFile("new-voters", ".csv");
        List<String> ids = write(csv, 0, null);
        List<String> plan = plan(big, ids);
        importInto(election("Benchmark warm-up"), csv);   // the JIT warms up on a first import, measured neither way
        double emptySeconds = importInto(empty, csv);
        double bigSeconds = importInto(big, csv);

        // A file whose last row is a person already listed elsewhere in the election: refused whole.
        Path clash = Files.createTempFile("clash", ".csv");
        String listed = jdbc.sql("select personal_id from voter_entry where election_id = :e"
                        + " and substr(personal_id, 4, 1) in ('0', '1') and substr(personal_id, 5, 2) >= '40'"
                        + " order by id desc limit 1")
                .param("e", big).query(String.class).single();
        write(clash, 100_000, listed);   // other new people (the first file's are listed now), then one listed
        long t1 = System.nanoTime();
        String outcome;
        try {
            importInto(big, clash);
            outcome = "ACCEPTED (wrong)";
        } catch (DomainException e) {
            outcome = e.violations().get(0).code();
        }
        double clashSeconds = (System.nanoTime() - t1) / 1e9;

        System.out.printf("%n== voter-list duplicate-detection benchmark ==%n");
        System.out.printf("entries already in the election : %,d (loaded in %.1f s)%n", entries, fillSeconds);
        System.out.printf("import %,d rows, empty election : %6.2f s%n", ROWS, emptySeconds);
        System.out.printf("import %,d rows, %,d entries : %6.2f s  (ratio to empty: %.2f)%n", ROWS, entries, bigSeconds,
                bigSeconds / emptySeconds);
        System.out.printf("file with one listed person      : %6.2f s  -> %s%n", clashSeconds, outcome);
        System.out.printf("plan of the same check as one query, the file's %,d ids against the election"
                + " (the import itself relies on the unique index):%n", ids.size());
        plan.forEach(line -> System.out.println("  " + line));
        Files.deleteIfExists(csv);
        Files.deleteIfExists(clash);
    }

    /** EXPLAIN ANALYZE of looking the ids up in the election, the long id array cut short. */
    private List<String> plan(long electionId, List<String> ids) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             var st = c.prepareStatement("explain (analyze, buffers, costs off) select personal_id from voter_entry"
                     + " where election_id = ? and status = 'ACTIVE' and personal_id = any (?)")) {
            st.setLong(1, electionId);
            st.setArray(2, c.createArrayOf("bpchar", ids.toArray()));
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    String line = rs.getString(1);
                    lines.add(line.length() > 140 ? line.substring(0, 140) + "…" : line);
                }
            }
        }
        return lines;
    }

    private long election(String name) {
        return Authorization.runAsSystem(() -> elections.create(new NewElection(ElectionKind.NATIONAL_ASSEMBLY, null,
                RuleSet.NATIONAL_ASSEMBLY_2025, name, "2027-2032", DAY, null))).id();
    }

    private double importInto(long electionId, Path csv) {
        var area = Authorization.runAsSystem(() -> organisations.addPollingArea("06709", DAY,
                10_000 + (int) (Math.random() * 80_000), "Benchmark", null, 4_000, null));
        long t = System.nanoTime();
        Authorization.runAsSystem(() -> voterLists.confirm(electionId, new VoterLists.Target(area.id(), null),
                csv.getFileName().toString(), () -> VoterImportBenchmark.open(csv), Locale.forLanguageTag("vi")));
        return (System.nanoTime() - t) / 1e9;
    }

    /** EXISTING entries in lists of 100,000, generated by the server; ids spread over the key space as real ones. */
    private void fill(long electionId) throws Exception {
        int perList = 100_000;
        for (int from = 0; from < EXISTING; from += perList) {
            int to = Math.min(EXISTING, from + perList) - 1;
            long list = jdbc.sql("insert into voter_list (election_id, village_code, commune_code, file_name, sha256,"
                            + " entries, households, imported_at, imported_by) values (:e, :v, '06709', 'bench',"
                            + " repeat('0', 64), :n, 0, now(), 'bench') returning id")
                    .param("e", electionId).param("v", "BENCH" + from).param("n", to - from + 1).query(Long.class).single();
            try (Connection c = dataSource.getConnection(); var st = c.prepareStatement("""
                    insert into voter_entry (voter_list_id, election_id, row_no, full_name, search_key, birth_date, sex,
                                             personal_id)
                    select ?, ?, g - ? + 2, 'Nguyễn Văn ' || g, 'nguyen van ' || g, date '1940-01-01' + (g % 23000),
                           case when g % 2 = 0 then 'M' else 'F' end,
                           lpad(((g % 96) + 1)::text, 3, '0') || (g % 4)::text || lpad(((g / 96) % 100)::text, 2, '0')
                               || lpad((g / 9600)::text, 6, '0')
                    from generate_series(?, ?) g""")) {
                st.setLong(1, list);
                st.setLong(2, electionId);
                st.setInt(3, from);
                st.setInt(4, from);
                st.setInt(5, to);
                st.executeUpdate();
            }
        }
    }

    /**
     * ROWS new people as a voter-list CSV (their ids' last six digits start at 500,000 + {@code offset}, beyond every
     * generated entry's); with {@code lastId} the final row is that already-listed person instead. Returns the ids.
     */
    private static List<String> write(Path csv, int offset, String lastId) throws IOException {
        List<String> ids = new ArrayList<>(ROWS);
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân\n");
            for (int i = 0; i < ROWS; i++) {
                boolean woman = i % 2 == 1;
                int year = 1940 + i % 60;
                String id = String.format("%03d%d%02d%06d", 1 + i % 96, woman ? 1 : 0, year % 100, 500_000 + offset + i);
                if (lastId != null && i == ROWS - 1) {
                    id = lastId;
                    // the listed person's sex and birth year, so the row itself passes every check
                    woman = (lastId.charAt(3) - '0') % 2 == 1;
                    year = (lastId.charAt(3) >= '2' ? 2000 : 1900) + Integer.parseInt(lastId.substring(4, 6));
                }
                ids.add(id);
                w.write((woman ? "Trần Thị " : "Lê Văn ") + "Số " + i + ",01/01/" + year + "," + (woman ? "Nữ" : "Nam") + ","
                        + id + "\n");
            }
        }
        return ids;
    }
}
