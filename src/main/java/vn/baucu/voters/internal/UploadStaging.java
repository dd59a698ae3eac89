package vn.baucu.voters.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.baucu.platform.DomainException;

/**
 * Uploads waiting for the clerk's confirmation (or for their error file), kept for a day in PostgreSQL as large
 * objects: written from the upload's stream and read back as a stream into a local temporary file for the passes
 * an import makes, so that no upload is ever held whole in memory, and any node can take up what another staged.
 * Only the user who staged an upload may use it.
 */
@Component
public class UploadStaging {

    static final Duration KEPT = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Clock clock;

    UploadStaging(JdbcClient jdbc, DataSource dataSource, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** A staged upload as a local file (the caller deletes it) with its original name. */
    public record Staged(String fileName, Path file) implements AutoCloseable {
        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; the OS clears it in the end
            }
        }
    }

    /** Stages {@code content} for {@code by}, clearing uploads older than a day; its token. */
    @Transactional
    public UUID stage(String fileName, InputStream content, String by) {
        clearOld();
        UUID token = UUID.randomUUID();
        Connection c = DataSourceUtils.getConnection(dataSource);
        long size;
        long oid;
        try {
            LargeObjectManager lom = c.unwrap(PGConnection.class).getLargeObjectAPI();
            oid = lom.createLO(LargeObjectManager.READWRITE);
            LargeObject lo = lom.open(oid, LargeObjectManager.WRITE);
            try (OutputStream out = lo.getOutputStream()) {
                size = content.transferTo(out);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.sql("""
                        insert into upload_staging (token, file_name, content_oid, size_bytes, uploaded_by, uploaded_at)
                        values (:t, :f, :oid, :size, :by, :at)""")
                .param("t", token).param("f", String.valueOf(fileName)).param("oid", oid).param("size", size)
                .param("by", by).param("at", Timestamp.from(clock.instant())).update();
        return token;
    }

    /** A staged upload's row, for the user who staged it only (404 when gone, 403 for anyone else). */
    private record Row(String fileName, long oid) {
    }

    private Row own(UUID token, String user) {
        record Found(String fileName, long oid, String by) {
        }
        Found row = jdbc.sql("select file_name, content_oid, uploaded_by from upload_staging where token = :t").param("t", token)
                .query((rs, i) -> new Found(rs.getString(1), rs.getLong(2), rs.getString(3))).optional()
                .orElseThrow(() -> DomainException.notFound("voter.upload-expired"));
        if (!row.by().equals(user)) {
            throw DomainException.forbidden("problem.forbidden");
        }
        return new Row(row.fileName(), row.oid());
    }

    /** Refuses (404, 403) unless {@code token} is an upload {@code user} staged; reads nothing of its content. */
    @Transactional(readOnly = true)
    public void requireOwn(UUID token, String user) {
        own(token, user);
    }

    /** The upload {@code token}, copied to a local temporary file, for the user who staged it only (403 otherwise). */
    @Transactional
    public Staged fetch(UUID token, String user) {
        Row row = own(token, user);
        Connection c = DataSourceUtils.getConnection(dataSource);
        Path file = null;
        try {
            file = Files.createTempFile("baucu-upload-", ".bin");
            LargeObject lo = c.unwrap(PGConnection.class).getLargeObjectAPI().open(row.oid(), LargeObjectManager.READ);
            try (InputStream in = lo.getInputStream()) {
                Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return new Staged(row.fileName(), file);
        } catch (SQLException | IOException | RuntimeException e) {
            if (file != null) {
                new Staged(row.fileName(), file).close();   // no half-copied file is left behind
            }
            throw e instanceof IOException io ? new UncheckedIOException(io)
                    : e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    /** Removes a staged upload (once imported). */
    @Transactional
    public void remove(UUID token) {
        jdbc.sql("select lo_unlink(content_oid) from upload_staging where token = :t").param("t", token).query().listOfRows();
        jdbc.sql("delete from upload_staging where token = :t").param("t", token).update();
    }

    /**
     * Local copies that a process killed in the middle of an import left behind: removed at start-up once older than a
     * day (a copy lives as long as one request; another node on the same machine may be using a fresh one).
     */
    @EventListener(ApplicationReadyEvent.class)
    void sweepLocalCopies() {
        sweep(Path.of(System.getProperty("java.io.tmpdir")), clock.instant().minus(KEPT));
    }

    /** Deletes the local copies in {@code dir} last written before {@code cutoff}; how many. */
    static int sweep(Path dir, Instant cutoff) {
        int removed = 0;
        try (var files = Files.newDirectoryStream(dir, "baucu-upload-*.bin")) {
            for (Path f : files) {
                try {
                    if (Files.getLastModifiedTime(f).toInstant().isBefore(cutoff) && Files.deleteIfExists(f)) {
                        removed++;
                    }
                } catch (IOException e) {
                    // someone else's file, or gone already: not ours to worry about
                }
            }
        } catch (IOException e) {
            // no temporary directory to read: nothing to sweep
        }
        return removed;
    }

    private void clearOld() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(KEPT));
        jdbc.sql("select lo_unlink(content_oid) from upload_staging where uploaded_at < :c").param("c", cutoff).query()
                .listOfRows();
        jdbc.sql("delete from upload_staging where uploaded_at < :c").param("c", cutoff).update();
    }
}
