package vn.baucu.voters.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.baucu.platform.DomainException;

/**
 * Background import jobs as rows, so any node answers the progress poll. Every write here runs in a
 * transaction of its own on a connection of its own ({@code REQUIRES_NEW}): progress written from inside an
 * import must not share the import's connection, which is busy with the COPY (the write would wait on it for
 * ever), and must be visible while the import's own transaction is still open.
 *
 * <p>A node beats every {@link #BEAT} for the jobs it runs; a RUNNING job whose heartbeat is older than
 * {@link #STALE} belongs to a node that stopped or was killed, and any node marks it FAILED with that reason
 * (at start-up and then periodically). The status moves only {@code RUNNING → DONE | FAILED}, each move a
 * conditional update.
 */
@Component
public class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    static final Duration BEAT = Duration.ofSeconds(5);
    static final Duration STALE = Duration.ofSeconds(20);

    /** A job's status; it owns its moves. */
    public enum Status {
        RUNNING, DONE, FAILED;

        boolean canMoveTo(Status to) {
            return this == RUNNING && to != RUNNING;
        }
    }

    public record Progress(UUID id, Status status, long done, long total, String message, String startedBy) {
        public long percent() {
            return Math.min(100, done * 100 / Math.max(1, total));
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate own;
    private final Clock clock;
    private final String node = UUID.randomUUID().toString();
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();

    private final boolean singleNode;

    ImportJobs(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
               @org.springframework.beans.factory.annotation.Value("${DB_URL:}") String externalDatabase) {
        this.singleNode = externalDatabase.isBlank();
        this.jdbc = jdbc;
        this.clock = clock;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A new RUNNING job of {@code startedBy}, beaten by this node until it ends. */
    public UUID start(String startedBy) {
        UUID id = UUID.randomUUID();
        own.executeWithoutResult(s -> jdbc.sql("""
                        insert into import_job (id, status, rows_done, rows_total, started_at, started_by, node, heartbeat_at)
                        values (:id, 'RUNNING', 0, 1, :at, :by, :node, :at)""")
                .param("id", id).param("at", now()).param("by", startedBy).param("node", node).update());
        running.add(id);
        return id;
    }

    public void total(UUID id, long rows) {
        own.executeWithoutResult(s -> jdbc.sql("update import_job set rows_total = :n where id = :id and status = 'RUNNING'")
                .param("n", Math.max(rows, 1)).param("id", id).update());
    }

    /** Rows done so far: committed at once, on its own connection, whatever transaction the caller is in. */
    public void progress(UUID id, long done) {
        own.executeWithoutResult(s -> jdbc.sql("""
                        update import_job set rows_done = :n, heartbeat_at = :at where id = :id and status = 'RUNNING'""")
                .param("n", done).param("at", now()).param("id", id).update());
    }

    /** RUNNING → DONE or FAILED; false when the job had already ended (a reaper judged it dead meanwhile). */
    public boolean finish(UUID id, Status to, String message) {
        if (!Status.RUNNING.canMoveTo(to)) {
            throw new IllegalArgumentException("a job cannot move to " + to);
        }
        running.remove(id);
        Integer moved = own.execute(s -> jdbc.sql("""
                        update import_job set status = :to, message = :m, finished_at = :at, heartbeat_at = :at,
                               rows_done = case when :to = 'DONE' then rows_total else rows_done end
                        where id = :id and status = 'RUNNING'""")
                .param("to", to.name()).param("m", message).param("at", now()).param("id", id).update());
        return moved != null && moved == 1;
    }

    /** The job, for the user who started it (or a system administrator); 404 for anyone else. */
    public Progress view(UUID id, String username, boolean systemAdmin) {
        Optional<Progress> p = jdbc.sql("""
                        select id, status, rows_done, rows_total, message, started_by from import_job where id = :id""")
                .param("id", id)
                .query((rs, i) -> new Progress(rs.getObject(1, UUID.class), Status.valueOf(rs.getString(2)), rs.getLong(3),
                        rs.getLong(4), rs.getString(5) == null ? "" : rs.getString(5), rs.getString(6)))
                .optional();
        return p.filter(j -> systemAdmin || username.equals(j.startedBy()))
                .orElseThrow(() -> DomainException.notFound("voter.job-not-found"));
    }

    @Scheduled(fixedDelayString = "PT5S", initialDelayString = "PT5S")
    void beat() {
        if (!running.isEmpty()) {
            own.executeWithoutResult(s -> jdbc.sql("""
                            update import_job set heartbeat_at = :at where id = any(:ids) and status = 'RUNNING'""")
                    .param("at", now()).param("ids", running.toArray(new UUID[0])).update());
        }
    }

    /**
     * At start-up: on the embedded default only one baucu can use the database (its data directory is locked), so
     * every job still RUNNING was left by a baucu that stopped; on a shared server, those whose node stopped beating.
     */
    @EventListener(ApplicationReadyEvent.class)
    public int reapAtStartUp() {
        return reap(singleNode ? clock.instant().plusSeconds(1) : clock.instant().minus(STALE));
    }

    /** Marks FAILED every RUNNING job whose node has stopped beating (every 10 s, on every node). */
    @Scheduled(fixedDelayString = "PT10S", initialDelayString = "PT10S")
    public int reapAbandoned() {
        return reap(clock.instant().minus(STALE));
    }

    private int reap(java.time.Instant beatBefore) {
        Timestamp cutoff = Timestamp.from(beatBefore);
        Integer n = own.execute(s -> jdbc.sql("""
                        update import_job set status = 'FAILED', finished_at = :at,
                               message = 'Dừng giữa chừng: máy chủ chạy việc nhập đã dừng (không còn tín hiệu từ '
                                         || to_char(heartbeat_at at time zone 'Asia/Ho_Chi_Minh', 'HH24:MI:SS DD/MM/YYYY')
                                         || '). Danh sách giữ nguyên như trước; hãy nhập lại.'
                        where status = 'RUNNING' and heartbeat_at < :cutoff""")
                .param("at", now()).param("cutoff", cutoff).update());
        if (n != null && n > 0) {
            log.warn("baucu: {} import job(s) left RUNNING by a stopped node marked FAILED", n);
        }
        return n == null ? 0 : n;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
