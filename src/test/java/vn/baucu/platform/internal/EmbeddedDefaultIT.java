package vn.baucu.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded default as a workstation runs it: a kept data directory is durable (fsync and synchronous
 * commit on), and a baucu killed with SIGKILL leaves a PostgreSQL running that the next start stops cleanly
 * before starting its own, at once and with every committed row kept.
 */
class EmbeddedDefaultIT {

    @TempDir
    Path temp;

    @Test
    void aKeptDataDirectoryIsDurable() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgresConfig.start(temp.resolve("pg"))) {
            assertThat(setting(pg, "fsync")).isEqualTo("on");
            assertThat(setting(pg, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(pg, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void aThrowAwayClusterKeepsTheFastSettings() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgresConfig.start(null)) {
            assertThat(setting(pg, "fsync")).isEqualTo("off");
        }
    }

    @Test
    void theStartAfterAKilledJvmStopsItsLeftoverServerAndStartsAtOnce() throws Exception {
        Path dir = temp.resolve("pg");
        // a separate JVM starts the embedded server on the directory, commits a row, and is then killed
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedServerChild.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        int port = -1;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY ")) {
                port = Integer.parseInt(line.substring(6).strip());
                break;
            }
        }
        assertThat(port).as("the child started its server").isPositive();
        child.destroyForcibly();                                  // SIGKILL: no shutdown hook runs
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long leftover = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).strip());
        assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive)).as("the killed JVM's PostgreSQL lives on")
                .contains(true);

        long started = System.nanoTime();
        try (EmbeddedPostgres pg = EmbeddedPostgresConfig.start(dir)) {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).as("no wait for a lock file").isLessThan(Duration.ofSeconds(30));
            assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            try (Connection c = pg.getPostgresDatabase().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("select note from kept order by id")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("committed before the kill");
            }
            assertThat(setting(pg, "fsync")).isEqualTo("on");
        }
    }

    @Test
    void anotherServersLockFileIsNeverActedOn() throws Exception {
        Path dir = temp.resolve("pg");
        Files.createDirectories(dir);
        // a pid file naming this very JVM (alive, but no postgres of this directory)
        Files.write(dir.resolve("postmaster.pid"), List.of(String.valueOf(ProcessHandle.current().pid()), dir.toString()));
        assertThat(EmbeddedPostgresConfig.leftoverServer(dir, dir.resolve("postmaster.pid"))).isEmpty();
    }

    private static String setting(EmbeddedPostgres pg, String name) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"));
             ResultSet rs = c.createStatement().executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
