package vn.baucu.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.json.JsonMapper;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.CurrentUser;

/**
 * The audit log. Each entry carries the SHA-256 of the previous entry's hash and its own content, so
 * editing or deleting a row breaks the chain ({@link #verify()} finds where); the table also refuses
 * UPDATE and DELETE. Writing must happen inside the caller's transaction: an audit failure fails the
 * change it records.
 *
 * <p>One writer at a time extends the chain (a lock held until commit). So that the lock covers only the appending and
 * the commit, not the whole change (a certification's recomputation, an import), the entries a transaction records
 * are appended, in order, just before it commits, still inside it: they commit with the change or not at all.
 */
@Service
public class AuditLog {

    static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Authorization authorization;
    private final JsonMapper json;

    AuditLog(JdbcClient jdbc, Clock clock, Authorization authorization, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.authorization = authorization;
        this.json = json;
    }

    /** Records an action by the current user (or {@code system} when nobody is logged in). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String subject, String subjectId, String unitCode, Map<String, ?> details) {
        CurrentUser user = authorization.currentUserOrNull();
        recordAs(user == null ? "system" : user.username(), action, subject, subjectId, unitCode, details);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAs(String actor, String action, String subject, String subjectId, String unitCode,
                         Map<String, ?> details) {
        AuditAction.require(action);
        Entry entry = new Entry(actor, action, subject, subjectId, unitCode, json.writeValueAsString(new TreeMap<>(details)));
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            append(List.of(entry));
            return;
        }
        Pending pending = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(Pending.class::isInstance).map(Pending.class::cast).findFirst().orElse(null);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.entries.add(entry);
    }

    private record Entry(String actor, String action, String subject, String subjectId, String unitCode, String details) {
    }

    /** The entries of one transaction, appended just before it commits (a new transaction has its own). */
    private final class Pending implements TransactionSynchronization {
        final List<Entry> entries = new ArrayList<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            append(entries);
            entries.clear();
        }

        @Override
        public int getOrder() {
            return LOWEST_PRECEDENCE;   // after the others: what they write before commit is part of the change too
        }
    }

    private void append(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        // one writer at a time extends the chain; the lock is released at commit
        jdbc.sql("select pg_advisory_xact_lock(7305010001)").query().singleRow();
        for (Entry e : entries) {
            insert(e.actor(), e.action(), e.subject(), e.subjectId(), e.unitCode(), e.details());
        }
    }

    private void insert(String actor, String action, String subject, String subjectId, String unitCode, String details) {
        jdbc.sql("""
                        with prev as (
                            select coalesce((select hash from audit_log order by id desc limit 1), :genesis) as h),
                        entry as (
                            select cast(:at as timestamptz) as occurred_at, cast(:actor as varchar) as actor,
                                   cast(:action as varchar) as action, cast(:subject as varchar) as subject,
                                   cast(:subjectId as varchar) as subject_id, cast(:unitCode as varchar) as unit_code,
                                   cast(:details as jsonb) as details)
                        insert into audit_log (occurred_at, actor, action, subject, subject_id, unit_code, details,
                                               prev_hash, hash)
                        select e.occurred_at, e.actor, e.action, e.subject, e.subject_id, e.unit_code, e.details, p.h,
                               """ + HASH_EXPRESSION + """
                        from entry e, prev p""")
                .param("genesis", GENESIS)
                .param("at", Timestamp.from(clock.instant()))
                .param("actor", actor)
                .param("action", action)
                .param("subject", subject)
                .param("subjectId", subjectId)
                .param("unitCode", unitCode)
                .param("details", details)
                .update();
    }

    /**
     * Records an event that is not part of a change that commits — a refused import, a failed sign-in — in a
     * transaction of its own, so that it stays even though the caller's work is rolled back (or there is none).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordOnItsOwn(String actor, String action, String subject, String subjectId, String unitCode,
                               Map<String, ?> details) {
        recordAs(actor, action, subject, subjectId, unitCode, details);
    }

    /** The hash of an entry, over the previous hash and every column, computed by PostgreSQL itself. */
    private static final String HASH_EXPRESSION = """
            encode(sha256(convert_to(concat_ws('|', p.h,
                to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), e.actor, e.action, e.subject,
                coalesce(e.subject_id, ''), coalesce(e.unit_code, ''), e.details::text), 'UTF8')), 'hex')
            """;

    /** Ids of the entries whose hash or link to the previous entry does not hold; empty when the chain is intact. */
    @Transactional(readOnly = true)
    public List<Long> verify() {
        return jdbc.sql("""
                        select e.id from (
                            select a.*, coalesce(lag(a.hash) over (order by a.id), :genesis) as expected_prev
                            from audit_log a) e
                        cross join lateral (select e.prev_hash as h) p
                        where e.prev_hash <> e.expected_prev or e.hash <> """ + HASH_EXPRESSION + """
                        order by e.id""")
                .param("genesis", GENESIS)
                .query(Long.class).list();
    }

    /** The result of recomputing the whole chain. */
    /**
     * @param appendOnly whether the application's own database role can only append to the log (no UPDATE, DELETE or
     *                   TRUNCATE, and not the table's owner, so no trigger can be dropped); false where one role both
     *                   migrates and runs (ADR 0014)
     */
    public record Verification(boolean intact, long entries, String head, Long firstBroken, boolean appendOnly) {
    }

    /** Recomputes the whole chain: whether it is intact, how long it is, its head, and the first entry that breaks it. */
    @Transactional(readOnly = true)
    public Verification verification() {
        List<Long> broken = verify();
        Head h = head();
        return new Verification(broken.isEmpty(), h.entries(), h.head(), broken.isEmpty() ? null : broken.get(0),
                appendOnly());
    }

    /** Whether the application's database role may only append to the log (see {@link Verification#appendOnly}). */
    @Transactional(readOnly = true)
    public boolean appendOnly() {
        return jdbc.sql("""
                        select not has_table_privilege(current_user, 'audit_log', 'UPDATE')
                           and not has_table_privilege(current_user, 'audit_log', 'DELETE')
                           and not has_table_privilege(current_user, 'audit_log', 'TRUNCATE')
                           and not pg_has_role(current_user, (select tableowner from pg_tables
                                                               where tablename = 'audit_log' and schemaname = current_schema()), 'USAGE')""")
                .query(Boolean.class).single();
    }

    /** The chain's head: the number of entries, the last entry's hash and when it was written. */
    public record Head(long entries, String head, java.time.Instant at) {
    }

    @Transactional(readOnly = true)
    public Head head() {
        return jdbc.sql("""
                        select (select count(*) from audit_log),
                               coalesce((select hash from audit_log order by id desc limit 1), :genesis),
                               (select occurred_at from audit_log order by id desc limit 1)""")
                .param("genesis", GENESIS)
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .single();
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> latest(String subject, String subjectId, int limit) {
        return jdbc.sql("""
                        select id, occurred_at, actor, action, subject, subject_id, unit_code, details::text, hash
                        from audit_log
                        where (cast(:subject as varchar) is null or subject = :subject)
                          and (cast(:subjectId as varchar) is null or subject_id = :subjectId)
                        order by id desc limit :limit""")
                .param("subject", subject)
                .param("subjectId", subjectId)
                .param("limit", limit)
                .query((rs, i) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9)))
                .list();
    }
}
