package vn.baucu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.baucu.support.Api.admin;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.baucu.platform.Role;
import vn.baucu.platform.Users;
import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.support.TestUsers;

/**
 * The chain checked on demand: intact for an administrator, refused to others, its head public; a row rewritten
 * behind the application's back (the append-only trigger disabled, as an owner could) is caught — in a transaction
 * rolled back afterwards, so the shared database keeps its intact chain.
 */
@BaucuIntegrationTest
class AuditVerificationIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Users users;

    @Test
    void theChainIsVerifiedForAdministratorsAndItsHeadIsPublic() throws Exception {
        String observer = TestUsers.create(users, Role.OBSERVER, "22");
        mvc.perform(get("/api/v1/audit/verification").with(admin())).andExpect(status().isOk())
                .andExpect(jsonPath("$.intact", Matchers.is(true)))
                .andExpect(jsonPath("$.firstBroken", Matchers.nullValue()))
                .andExpect(jsonPath("$.appendOnly", Matchers.is(true)))
                .andExpect(jsonPath("$.entries", Matchers.greaterThan(0)));
        mvc.perform(get("/api/v1/audit/verification").with(httpBasic(observer, TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/public/audit-head")).andExpect(status().isOk())
                .andExpect(jsonPath("$.head", Matchers.is(audit.head().head())))
                .andExpect(jsonPath("$.head", Matchers.matchesPattern("[0-9a-f]{64}")));
    }

    @Autowired
    org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails ownerDetails;

    /** The schema's owner, as Flyway migrates: the only role that can change the log, once it drops a trigger. */
    JdbcClient owner() {
        return vn.baucu.support.Owner.jdbc(ownerDetails);
    }

    /** Rewrites one column of one row as the owner would (trigger off, update, trigger on), committed. */
    void ownerRewrites(long id, String column, String value) {
        owner().sql("alter table audit_log disable trigger audit_log_no_change; "
                + "update audit_log set " + column + " = " + value + " where id = " + id + "; "
                + "alter table audit_log enable trigger audit_log_no_change").update();
    }

    @Test
    void theApplicationsRoleCanOnlyAppendToTheLog() {
        assertThat(audit.appendOnly()).isTrue();
        long first = jdbc.sql("select min(id) from audit_log").query(Long.class).single();
        for (String sql : new String[] {
            "update audit_log set actor = 'someone-else' where id = " + first,
            "delete from audit_log where id = " + first,
            "truncate audit_log",
            "alter table audit_log disable trigger audit_log_no_change",
            "drop trigger audit_log_no_change on audit_log",
            "update audit_checkpoint set head = repeat('0', 64)",
            "delete from audit_checkpoint",
            "delete from flyway_schema_history"}) {
            assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql).rootCause()
                    .hasMessageMatching("(?s).*(permission denied|must be owner|must be the owner).*");
        }
        long before = audit.head().entries();
        new TransactionTemplate(transactions).executeWithoutResult(s -> audit.record("USER_CREATED", "user", "append-test",
                null, java.util.Map.of("test", true)));
        assertThat(audit.head().entries()).as("appending still works").isEqualTo(before + 1);
        // even the owner cannot truncate the log without dropping its trigger first
        assertThatThrownBy(() -> owner().sql("truncate audit_log").update()).rootCause().hasMessageContaining("append-only");
        assertThat(audit.verification().intact()).isTrue();
        assertThat(audit.verification().appendOnly()).isTrue();
    }

    @Test
    void aRewrittenRowOrTailIsCaught() {
        long middle = jdbc.sql("select id from audit_log order by id limit 1 offset (select count(*) / 2 from audit_log)")
                .query(Long.class).single();
        String actor = jdbc.sql("select actor from audit_log where id = :id").param("id", middle).query(String.class).single();
        try {
            ownerRewrites(middle, "actor", "'someone-else'");
            var v = audit.verification();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBroken()).isEqualTo(middle);
        } finally {
            ownerRewrites(middle, "actor", "'" + actor.replace("'", "''") + "'");
        }
        long last = jdbc.sql("select max(id) from audit_log").query(Long.class).single();
        String details = jdbc.sql("select details::text from audit_log where id = :id").param("id", last)
                .query(String.class).single();
        try {
            ownerRewrites(last, "details", "'{\"forged\": true}'::jsonb");
            assertThat(audit.verification().firstBroken()).isEqualTo(last);
        } finally {
            ownerRewrites(last, "details", "'" + details.replace("'", "''") + "'::jsonb");
        }
        assertThat(audit.verification().intact()).as("the tampering, undone, left the chain as it was").isTrue();
    }

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("auditChain")
    org.springframework.boot.health.contributor.HealthIndicator auditChain;

    @Test
    void theScheduledCheckPublishesTheDaysHeadAndABrokenChainTurnsHealthDown() throws Exception {
        var admin = vn.baucu.support.Pages.login(mvc, "admin", "admin-test-password");
        String page = vn.baucu.support.Pages.page(mvc, admin, "/audit");
        assertThat(page).contains("Chuỗi băm nguyên vẹn").contains(audit.head().head().substring(0, 16));
        var observer = vn.baucu.support.Pages.login(mvc, TestUsers.create(users, Role.OBSERVER, "22"), TestUsers.PASSWORD);
        mvc.perform(get("/audit").cookie(observer)).andExpect(status().isForbidden());
        // the day's head is published, as it stood when the day was first checked
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        mvc.perform(get("/api/v1/public/audit-head")).andExpect(status().isOk())
                .andExpect(jsonPath("$.history[0].day", Matchers.is(today)))
                .andExpect(jsonPath("$.history[0].head", Matchers.matchesPattern("[0-9a-f]{64}")));
        assertThat(auditChain.health().getStatus().getCode()).isEqualTo("UP");
        // tampering found by the check: the page says so and health goes DOWN (rolled back afterwards)
        long first = jdbc.sql("select min(id) from audit_log").query(Long.class).single();
        String actor = jdbc.sql("select actor from audit_log where id = :id").param("id", first).query(String.class).single();
        try {
            ownerRewrites(first, "actor", "'someone-else'");
            assertThat(vn.baucu.support.Pages.page(mvc, admin, "/audit")).contains("CHUỖI BỊ PHÁ VỠ");
            assertThat(auditChain.health().getStatus().getCode()).isEqualTo("DOWN");
        } finally {
            ownerRewrites(first, "actor", "'" + actor.replace("'", "''") + "'");
        }
        vn.baucu.support.Pages.page(mvc, admin, "/audit");   // checked again: intact
        assertThat(auditChain.health().getStatus().getCode()).isEqualTo("UP");
    }
}
