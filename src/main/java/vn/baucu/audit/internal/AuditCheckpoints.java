package vn.baucu.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.baucu.audit.AuditLog;

/**
 * The scheduled check of the audit chain: every hour (on any node; one at a time) the whole chain is recomputed; the
 * first check of a day records that day's head (kept as it was: the published history), every check records its
 * verdict. A broken chain is logged as an error and turns the {@code auditChain} health indicator DOWN, so the
 * monitoring that watches {@code /actuator/health} raises the alarm.
 */
@Component("auditChain")
class AuditCheckpoints implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

    /** A day's head: the number of entries and the chain's last hash when that day was first checked. */
    record Checkpoint(LocalDate day, long entries, String head, boolean intact, Long firstBroken) {
    }

    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    AuditCheckpoints(AuditLog audit, JdbcClient jdbc, Clock clock) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Says at start whether the application's database role can only append to the log (ADR 0014). */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void onStart() {
        if (audit.appendOnly()) {
            log.info("baucu: the application's database role can only append to the audit log");
        } else {
            log.warn("baucu: the application's database role could change the audit log (it owns the tables or has "
                    + "UPDATE/DELETE/TRUNCATE): set DB_OWNER_USER so that migrations run as the owner; only the "
                    + "triggers and the hash chain protect the log now");
        }
    }

    @Scheduled(fixedDelayString = "${baucu.audit.check-every:PT1H}", initialDelayString = "PT30S")
    void scheduled() {
        check();
    }

    /** Verifies the whole chain now and records the day's checkpoint (its head only the first time that day). */
    @Transactional
    public AuditLog.Verification check() {
        jdbc.sql("select pg_advisory_xact_lock(7305010300)").query().singleRow();
        AuditLog.Verification v = audit.verification();
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
        jdbc.sql("""
                        insert into audit_checkpoint (day, entries, head, intact, first_broken, checked_at)
                        values (:d, :n, :h, :ok, :broken, :t)
                        on conflict (day) do update set intact = excluded.intact, first_broken = excluded.first_broken,
                                                        checked_at = excluded.checked_at""")
                .param("d", java.sql.Date.valueOf(today)).param("n", v.entries()).param("h", v.head())
                .param("ok", v.intact()).param("broken", v.firstBroken()).param("t", Timestamp.from(clock.instant()))
                .update();
        if (!v.intact()) {
            log.error("baucu: AUDIT CHAIN BROKEN at entry {} ({} entries): the log was changed outside the application",
                    v.firstBroken(), v.entries());
        }
        return v;
    }

    /** The daily heads, newest first. */
    @Transactional(readOnly = true)
    public List<Checkpoint> history(int days) {
        return jdbc.sql("""
                        select day, entries, head, intact, first_broken from audit_checkpoint
                        order by day desc limit :n""")
                .param("n", days)
                .query((rs, i) -> new Checkpoint(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getString(3),
                        rs.getBoolean(4), (Long) rs.getObject(5)))
                .list();
    }

    @Override
    public Health health() {
        var last = jdbc.sql("select intact, first_broken from audit_checkpoint order by checked_at desc limit 1")
                .query((rs, i) -> new Object[] {rs.getBoolean(1), rs.getObject(2)}).optional();
        if (last.isEmpty() || (Boolean) last.get()[0]) {
            return Health.up().build();
        }
        return Health.down().withDetail("firstBroken", last.get()[1]).build();
    }
}
