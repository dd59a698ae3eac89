package vn.baucu.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

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
import vn.baucu.rules.RuleSet;
import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.voters.VoterListReport;
import vn.baucu.voters.VoterLists;

/**
 * On demand only (not matched by the failsafe includes): {@code bench/voter-import.sh}. Imports
 * 1,000,000 voter rows from CSV with every check on, and compares with a raw COPY of the same rows,
 * already clean, through the PostgreSQL driver, measured in the same run; then the same rows from an xlsx file.
 */
@BaucuIntegrationTest
class VoterImportBenchmark {

    static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);

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
    void importVersusCopy() throws Exception {
        Path csv = Files.createTempFile("voters", ".csv");
        Path tsv = Files.createTempFile("voters", ".tsv");
        var election = Authorization.runAsSystem(() -> elections.create(new NewElection(ElectionKind.NATIONAL_ASSEMBLY, null,
                RuleSet.NATIONAL_ASSEMBLY_2025, "Benchmark", "2027-2032", LocalDate.of(2027, 5, 23), null)));
        var area = Authorization.runAsSystem(() -> organisations.addPollingArea("06709", LocalDate.of(2027, 5, 23),
                90_000 + (int) (Math.random() * 9_000), "Benchmark", null, 4_000, null));
        var listId = jdbc.sql("insert into voter_list (election_id, polling_area_id, commune_code, file_name, sha256, entries,"
                        + " households, imported_at, imported_by) values (:e, :p, '06709', 'copy', repeat('0', 64), 0, 0, now(),"
                        + " 'bench') returning id")
                .param("e", election.id()).param("p", area.id()).query(Long.class).single();
        write(csv, tsv, listId, election.id());
        Runtime.getRuntime().gc();

        // the real limit: the same COPY into a table with nothing but the one-list unique index (no keys, no triggers)
        // DDL and VACUUM are the schema owner's (the application's role may not, ADR 0014)
        JdbcClient owner = vn.baucu.support.Owner.jdbc(ownerDetails);
        DataSource ownerSource = vn.baucu.support.Owner.dataSource(ownerDetails);
        owner.sql("drop table if exists bench_bare_entry").update();
        owner.sql("""
                create table bench_bare_entry (voter_list_id bigint, election_id bigint, row_no integer, full_name text,
                    search_key text, birth_date date, sex char(1), personal_id char(12), ethnicity text, residence text,
                    household_id text, representative boolean)""").update();
        owner.sql("create unique index bench_bare_one_list on bench_bare_entry (election_id, personal_id) "
                + "where personal_id is not null").update();
        long tb = System.nanoTime();
        try (Connection c = ownerSource.getConnection(); InputStream in = Files.newInputStream(tsv)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy bench_bare_entry (voter_list_id, election_id, row_no, full_name, search_key, birth_date, sex,
                                           personal_id, ethnicity, residence, household_id, representative) from stdin""", in);
        }
        double bareSeconds = (System.nanoTime() - tb) / 1e9;
        owner.sql("drop table bench_bare_entry").update();

        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection(); InputStream in = Files.newInputStream(tsv)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy voter_entry (voter_list_id, election_id, row_no, full_name, search_key, birth_date, sex, personal_id,
                                      ethnicity, residence, household_id, representative) from stdin""", in);
        }
        double copySeconds = (System.nanoTime() - t0) / 1e9;
        jdbc.sql("delete from voter_entry where voter_list_id = :l").param("l", listId).update();
        jdbc.sql("delete from voter_list where id = :l").param("l", listId).update();
        // the import that follows must not pay for the baseline's million dead rows with the very same keys (each
        // unique-index insert would visit the heap to see its twin is dead): the import goes to another election,
        // and the dead rows are vacuumed away
        owner.sql("vacuum voter_entry").update();

        long tv = System.nanoTime();
        var checkedOnly = voterLists.validate(() -> open(csv), RuleSet.NATIONAL_ASSEMBLY_2025, LocalDate.of(2027, 5, 23),
                Locale.forLanguageTag("vi"), v -> { });
        double validateSeconds = (System.nanoTime() - tv) / 1e9;

        var area2 = Authorization.runAsSystem(() -> organisations.addPollingArea("06709", LocalDate.of(2027, 5, 23),
                90_000 + (int) (Math.random() * 9_000), "Benchmark 2", null, 4_000, null));
        long t1 = System.nanoTime();
        var importElection = Authorization.runAsSystem(() -> elections.create(new NewElection(ElectionKind.NATIONAL_ASSEMBLY,
                null, RuleSet.NATIONAL_ASSEMBLY_2025, "Benchmark import", "2027-2032", LocalDate.of(2027, 5, 23), null)));
        VoterListReport report = Authorization.runAsSystem(() -> voterLists.confirm(importElection.id(),
                new VoterLists.Target(area2.id(), null), "voters.csv", () -> open(csv), Locale.forLanguageTag("vi")));
        double importSeconds = (System.nanoTime() - t1) / 1e9;

        System.out.printf("%n== voter-list import benchmark (%,d rows, max heap %,d MB) ==%n", ROWS,
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.out.printf("baseline bare COPY (one-list index only) : %6.2f s  %,10.0f rows/s%n", bareSeconds, ROWS / bareSeconds);
        System.out.printf("COPY into voter_entry (its keys, indexes): %6.2f s  %,10.0f rows/s%n", copySeconds, ROWS / copySeconds);
        System.out.printf("the checks alone, no database (CSV)      : %6.2f s  %,10.0f rows/s  (accepted %,d)%n", validateSeconds,
                ROWS / validateSeconds, checkedOnly.accepted());
        System.out.printf("validating import from CSV               : %6.2f s  %,10.0f rows/s  (accepted %,d)%n", importSeconds,
                ROWS / importSeconds, report.accepted());
        System.out.printf("ratio import / bare COPY                 : %.2f (goal: at least 0.50)%n", bareSeconds / importSeconds);
        System.out.printf("ratio import / COPY into voter_entry     : %.2f%n", copySeconds / importSeconds);

        Path xlsx = Files.createTempFile("voters", ".xlsx");
        writeXlsx(csv, xlsx);
        // The same people again: a second election, since one person is on one list only per election.
        var election2 = Authorization.runAsSystem(() -> elections.create(new NewElection(ElectionKind.NATIONAL_ASSEMBLY, null,
                RuleSet.NATIONAL_ASSEMBLY_2025, "Benchmark XLSX", "2027-2032", LocalDate.of(2027, 5, 23), null)));
        var area3 = Authorization.runAsSystem(() -> organisations.addPollingArea("06709", LocalDate.of(2027, 5, 23),
                90_000 + (int) (Math.random() * 9_000), "Benchmark 3", null, 4_000, null));
        Runtime.getRuntime().gc();
        long t2 = System.nanoTime();
        VoterListReport xlsxReport = Authorization.runAsSystem(() -> voterLists.confirm(election2.id(),
                new VoterLists.Target(area3.id(), null), "voters.xlsx", () -> open(xlsx), Locale.forLanguageTag("vi")));
        double xlsxSeconds = (System.nanoTime() - t2) / 1e9;
        System.out.printf("validating import from XLSX              : %6.2f s  %,10.0f rows/s  (accepted %,d, file %,d MB)%n",
                xlsxSeconds, ROWS / xlsxSeconds, xlsxReport.accepted(), Files.size(xlsx) / (1024 * 1024));
        System.out.printf("ratio XLSX import / bare COPY            : %.2f%n", bareSeconds / xlsxSeconds);
        Files.deleteIfExists(xlsx);
        Files.deleteIfExists(csv);
        Files.deleteIfExists(tsv);
    }

    static InputStream open(Path p) {
        try {
            return Files.newInputStream(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CSV's rows again as a spreadsheet, written streaming (one row at a time). */
    private static void writeXlsx(Path csv, Path xlsx) throws IOException {
        try (var out = Files.newOutputStream(xlsx); var wb = new org.dhatim.fastexcel.Workbook(out, "baucu", "1.0");
             var lines = Files.lines(csv, StandardCharsets.UTF_8)) {
            var ws = wb.newWorksheet("DS");
            int[] row = {0};
            lines.forEach(line -> {
                String[] cells = line.split(",", -1);
                for (int c = 0; c < cells.length; c++) {
                    ws.value(row[0], c, cells[c]);
                }
                if (++row[0] % 10_000 == 0) {
                    try {
                        ws.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        }
    }

    /** The same rows as a voter-list CSV and as the clean TSV a COPY takes. */
    private static void write(Path csv, Path tsv, long listId, long electionId) throws IOException {
        String[] family = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"};
        String[] given = {"An", "Bình", "Cường", "Dung", "Hà", "Hùng", "Lan", "Minh", "Nga", "Tuấn"};
        SplittableRandom r = new SplittableRandom(1);
        try (BufferedWriter c = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
             BufferedWriter t = Files.newBufferedWriter(tsv, StandardCharsets.UTF_8)) {
            c.write("Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân,Dân tộc,Nơi cư trú\n");
            for (int i = 0; i < ROWS; i++) {
                boolean woman = r.nextBoolean();
                int year = 1940 + r.nextInt(65);
                String name = family[r.nextInt(family.length)] + (woman ? " Thị " : " Văn ") + given[r.nextInt(given.length)];
                String id = String.format("%03d%d%02d%06d", 1 + r.nextInt(96), (year >= 2000 ? 2 : 0) + (woman ? 1 : 0),
                        year % 100, i % 1_000_000);
                String birth = String.format("%02d/%02d/%d", 1 + r.nextInt(28), 1 + r.nextInt(12), year);
                c.write(name + "," + birth + "," + (woman ? "Nữ" : "Nam") + "," + id + ",Kinh,Khu " + (i % 50) + "\n");
                t.write(listId + "\t" + electionId + "\t" + (i + 2) + "\t" + name + "\t" + name.toLowerCase() + "\t" + year + "-01-01\t"
                        + (woman ? 'F' : 'M') + "\t" + id + "\tKinh\tKhu " + (i % 50) + "\t\\N\tf\n");
            }
        }
    }
}
