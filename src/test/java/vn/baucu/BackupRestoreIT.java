package vn.baucu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.baucu.platform.Role;
import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.support.ChildNode;
import vn.baucu.support.MinutesBodies;
import vn.baucu.support.Owner;
import vn.baucu.support.TestUsers;
import vn.baucu.support.UnitElections;

/**
 * The backup procedure of {@code docs/operations.md}, run: an election counted and certified, the database dumped with
 * {@code pg_dump -Fc} as the schema's owner, restored with {@code pg_restore} into a fresh database, and baucu started
 * on the restored one (a JVM of its own): its audit chain verifies, it holds the chain head the source had at the
 * dump, its results document is the source's, and recomputing every contest from the restored minutes changes
 * nothing. Needs the PostgreSQL client tools of the server's major version (Debian's {@code postgresql-15}, which
 * {@code bin/test} installs); the embedded PostgreSQL 17 ships none, so on that pass the test says so and is counted
 * as skipped, and it runs on the PostgreSQL 15 pass of {@code .ci/run}.
 */
@BaucuIntegrationTest
class BackupRestoreIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    UnitElections unitElections;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcConnectionDetails database;
    @Autowired
    FlywayConnectionDetails owner;
    @Autowired
    JsonMapper json;
    @Autowired
    vn.baucu.voters.internal.UploadStaging staging;

    @Test
    void aDumpRestoredIntoAFreshDatabaseServesTheSameVerifiedResults() throws Exception {
        int major = jdbc.sql("select current_setting('server_version_num')::int / 10000").query(Integer.class).single();
        Path tools = Path.of("/usr/lib/postgresql", String.valueOf(major), "bin");
        Assumptions.assumeTrue(Files.isExecutable(tools.resolve("pg_dump")) && Files.isExecutable(tools.resolve("pg_restore")),
                "no pg_dump " + major + " on this machine (the embedded PostgreSQL ships none); runs on the PostgreSQL 15 pass");

        UnitElections.Built u = unitElections.frozen(300, 3);
        RequestPostProcessor province = users.as(Role.PROVINCE_OFFICIAL, "22");
        long[][] figures = {{300, 290, 200, 60, 30}, {300, 280, 150, 90, 40}, {300, 270, 180, 60, 30}};
        for (int a = 0; a < 3; a++) {
            long area = u.areas().get(a);
            long[] f = figures[a];
            for (int i = 0; i < 2; i++) {
                mvc.perform(post("/api/v1/elections/" + u.electionId() + "/contests/22-1/minutes/entries")
                        .with(users.as(Role.ELECTION_TEAM, u.communeCode(), area))
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content(MinutesBodies.area(u, area, f[0], f[1], f[2], f[3], f[4]))).andExpect(status().isCreated());
            }
            long id = jdbc.sql("select id from minutes where election_id = :e and polling_area_id = :a")
                    .param("e", u.electionId()).param("a", area).query(Long.class).single();
            mvc.perform(post("/api/v1/elections/" + u.electionId() + "/contests/22-1/minutes/" + id + "/certification")
                    .with(province).header("If-Match", "\"1\"")).andExpect(status().isOk());
        }
        String resultsPath = "/api/v1/elections/" + u.electionId() + "/results";
        JsonNode before = json.readTree(mvc.perform(get(resultsPath).with(province)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        // an upload staged for a preview, as the application's role: a large object the owner cannot read
        staging.stage("danh-sach.csv", new java.io.ByteArrayInputStream("Họ và tên\n".getBytes(StandardCharsets.UTF_8)), "official");
        Map<String, Object> head = jdbc.sql("select id, hash from audit_log order by id desc limit 1").query().singleRow();

        // pg_dump as the owner, into a file; a fresh database; pg_restore into it
        URI server = URI.create(database.getJdbcUrl().substring("jdbc:".length()));
        String fresh = "baucu_restore_" + UUID.randomUUID().toString().substring(0, 8);
        Path dump = Files.createTempFile("baucu-", ".dump");
        JdbcClient ownerJdbc = Owner.jdbc(owner);
        try {
            run(tools.resolve("pg_dump"), server, server.getPath().substring(1), "--format=custom", "--no-blobs", "--file=" + dump);
            assertThat(Files.size(dump)).isGreaterThan(10_000);
            ownerJdbc.sql("create database " + fresh).update();
            run(tools.resolve("pg_restore"), server, fresh, "--exit-on-error", "--no-owner", dump.toString());
            String restoredUrl = database.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + fresh + "$1");
            JdbcClient restoredJdbc = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                    restoredUrl, owner.getUsername(), owner.getPassword()));
            // the staged previews whose content (large objects) the dump leaves out go too (docs/operations.md)
            assertThat(restoredJdbc.sql("select count(*) from upload_staging").query(Long.class).single())
                    .as("the staged upload made before the dump").isPositive();
            restoredJdbc.sql("delete from upload_staging").update();

            try (ChildNode restored = ChildNode.start("backup-restored", restoredUrl, database, owner)) {
                HttpClient http = HttpClient.newHttpClient();
                JsonNode verification = json.readTree(admin(http, restored, "GET", "/api/v1/audit/verification"));
                assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
                assertThat(verification.get("entries").asLong()).isGreaterThanOrEqualTo(((Number) head.get("id")).longValue());
                assertThat(restoredJdbc.sql("select hash from audit_log where id = :id").param("id", head.get("id"))
                        .query(String.class).single()).as("the chain head at the dump").isEqualTo(head.get("hash"));
                assertThat(restoredJdbc.sql("select count(*) from minutes where election_id = :e and status = 'CERTIFIED'")
                        .param("e", u.electionId()).query(Long.class).single()).isEqualTo(3);
                JsonNode after = json.readTree(admin(http, restored, "GET", resultsPath));
                assertThat(after).as("the results document served by the restored database").isEqualTo(before);
                assertThat(admin(http, restored, "POST", resultsPath + "/recomputation")).contains("\"differed\":[]");
                assertThat(after.toString()).contains("\"electorate\":900");
            }
        } finally {
            Files.deleteIfExists(dump);
            dropWhenLeft(ownerJdbc, fresh);
        }
    }

    /**
     * Drops the restored database once the stopped node's sessions have left it: they belong to the application's role,
     * whose backends the owner may not terminate ({@code with (force)} would need pg_signal_backend), and a killed
     * client's backend goes a moment after its process.
     */
    private static void dropWhenLeft(JdbcClient ownerJdbc, String database) throws InterruptedException {
        for (int i = 0; i < 150 && ownerJdbc.sql("select count(*) from pg_stat_activity where datname = :d")
                .param("d", database).query(Long.class).single() > 0; i++) {
            Thread.sleep(200);
        }
        ownerJdbc.sql("drop database if exists " + database + " with (force)").update();
    }

    private String admin(HttpClient http, ChildNode node, String method, String path) throws Exception {
        var r = http.send(HttpRequest.newBuilder(node.uri(path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "admin:admin-test-password".getBytes(StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s %s → %s", method, path, r.body()).isEqualTo(200);
        return r.body();
    }

    private void run(Path tool, URI server, String db, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(tool.toString(), "--host=" + server.getHost(),
                "--port=" + (server.getPort() < 0 ? 5432 : server.getPort()), "--username=" + owner.getUsername(),
                "--dbname=" + db));
        command.addAll(List.of(args));
        var pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", owner.getPassword() == null ? "" : owner.getPassword());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s: %s", tool.getFileName(), out).isZero();
    }
}
