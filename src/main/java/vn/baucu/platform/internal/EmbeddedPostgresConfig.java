package vn.baucu.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded default: with no {@code DB_URL}, baucu starts a real PostgreSQL itself (zonky's
 * linux-amd64 binaries) with its data in {@code baucu.data-dir}/pg (default {@code ./data/pg}), kept
 * between runs. An empty {@code baucu.data-dir} gives a throw-away cluster (tests).
 *
 * <p>A kept cluster is durable: zonky starts PostgreSQL with {@code -F} and {@code synchronous_commit=off},
 * settings for throw-away test databases under which a power cut can lose committed minutes or corrupt the
 * cluster, so both are switched back on ({@code -c} options come after {@code -F} and win). A throw-away
 * cluster keeps the fast settings.
 *
 * <p>A JVM killed with SIGKILL leaves its PostgreSQL running with the data directory's lock file. The next
 * start stops that leftover server cleanly first — only when nobody holds the directory's {@code epg-lock}
 * (a live baucu does) and {@code postmaster.pid} names a running {@code postgres} of this very directory — and
 * never touches any other server.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfig.NoExternalDatabase.class)
class EmbeddedPostgresConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfig.class);
    private static final Duration LEFTOVER_STOP_WAIT = Duration.ofSeconds(60);

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("DB_URL");
            return url == null || url.isBlank();
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${baucu.data-dir:./data}") String dataDir) throws IOException {
        return start(dataDir.isBlank() ? null : Path.of(dataDir, "pg").toAbsolutePath());
    }

    /** Starts the embedded server: durable in {@code dir}, or throw-away when {@code dir} is null. */
    static EmbeddedPostgres start(Path dir) throws IOException {
        var builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "60")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setPGStartupWait(Duration.ofSeconds(60));
        if (dir != null) {
            Files.createDirectories(dir);
            stopLeftoverServer(dir);
            builder.setDataDirectory(dir).setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
            log.info("baucu: embedded PostgreSQL, data in {} (durable: fsync and synchronous commit on)", dir);
        }
        EmbeddedPostgres pg = builder.start();
        log.info("baucu: embedded PostgreSQL listening on 127.0.0.1:{}", pg.getPort());
        return pg;
    }

    /**
     * Stops a PostgreSQL left running on {@code dir} by a baucu that was killed: smart shutdown (SIGTERM; its
     * clients died with that JVM), waiting until it has written its checkpoint and exited.
     */
    static void stopLeftoverServer(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir.resolve("epg-lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("baucu: " + dir + " is in use by another running baucu (epg-lock is held)");
            }
            Optional<ProcessHandle> server = leftoverServer(dir, pidFile);
            if (server.isEmpty()) {
                return;    // a stale lock file of a dead server: PostgreSQL itself clears it on start
            }
            log.warn("baucu: a PostgreSQL (pid {}) left running on {} by an earlier baucu; stopping it cleanly",
                    server.get().pid(), dir);
            server.get().destroy();
            try {
                server.get().onExit().get(LEFTOVER_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException("baucu: the leftover PostgreSQL (pid " + server.get().pid() + ") on " + dir
                        + " did not stop within " + LEFTOVER_STOP_WAIT.toSeconds() + " s; stop it and start again", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e);
            }
            log.info("baucu: leftover PostgreSQL stopped");
        }
    }

    /** The running postmaster that {@code postmaster.pid} names, if it is a postgres serving exactly {@code dir}. */
    static Optional<ProcessHandle> leftoverServer(Path dir, Path pidFile) {
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.size() < 2 || !lines.get(0).strip().matches("\\d{1,10}")) {
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.get(0).strip());
        if (!samePath(Path.of(lines.get(1).strip()), dir)) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> servesDirectory(pid, dir));
    }

    /** Whether process {@code pid} is a {@code postgres} started with {@code -D dir} (read from /proc). */
    private static boolean servesDirectory(long pid, Path dir) {
        try {
            String[] args = new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")),
                    StandardCharsets.UTF_8).split("\0");
            if (args.length == 0 || !Path.of(args[0]).getFileName().toString().equals("postgres")) {
                return false;
            }
            for (int i = 0; i + 1 < args.length; i++) {
                if (args[i].equals("-D") && samePath(Path.of(args[i + 1]), dir)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean samePath(Path a, Path b) {
        try {
            return Files.exists(a) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** The role the application connects as: INSERT and SELECT only on the audit log (ADR 0014). */
    static final String APP_ROLE = "baucu_app";

    /**
     * The application connects as {@link #APP_ROLE}, created here if the cluster lacks it; the schema belongs to the
     * cluster's owner role {@code postgres}, which only Flyway uses ({@link #flywayConnectionDetails}).
     */
    @Bean
    JdbcConnectionDetails jdbcConnectionDetails(EmbeddedPostgres pg) {
        try (var c = java.sql.DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"), "postgres", "");
             var s = c.createStatement()) {
            s.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + APP_ROLE + "') then "
                    + "create role " + APP_ROLE + " login; end if; end $$");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("baucu: could not create the application's database role", e);
        }
        return details(pg.getJdbcUrl(APP_ROLE, "postgres"), APP_ROLE);
    }

    /** Flyway migrates as the owner of the schema. */
    @Bean
    org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails flywayConnectionDetails(EmbeddedPostgres pg) {
        JdbcConnectionDetails owner = details(pg.getJdbcUrl("postgres", "postgres"), "postgres");
        return new org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails() {
            @Override
            public String getUsername() {
                return owner.getUsername();
            }

            @Override
            public String getPassword() {
                return owner.getPassword();
            }

            @Override
            public String getJdbcUrl() {
                return owner.getJdbcUrl();
            }
        };
    }

    private static JdbcConnectionDetails details(String url, String user) {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return user;
            }

            @Override
            public String getPassword() {
                return "";
            }

            @Override
            public String getJdbcUrl() {
                return url;
            }
        };
    }
}
