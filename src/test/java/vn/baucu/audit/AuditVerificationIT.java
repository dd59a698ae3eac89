package vn.baucu.audit;

import static org.assertj.core.api.Assertions.assertThat;
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
                .andExpect(jsonPath("$.entries", Matchers.greaterThan(0)));
        mvc.perform(get("/api/v1/audit/verification").with(httpBasic(observer, TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/public/audit-head")).andExpect(status().isOk())
                .andExpect(jsonPath("$.head", Matchers.is(audit.head().head())))
                .andExpect(jsonPath("$.head", Matchers.matchesPattern("[0-9a-f]{64}")));
    }

    @Test
    void aRewrittenRowOrTailIsCaught() {
        var tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            long middle = jdbc.sql("select id from audit_log order by id limit 1 offset (select count(*) / 2 from audit_log)")
                    .query(Long.class).single();
            jdbc.sql("alter table audit_log disable trigger audit_log_no_change").update();
            jdbc.sql("update audit_log set actor = 'someone-else' where id = :id").param("id", middle).update();
            var v = audit.verification();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBroken()).isEqualTo(middle);
            status.setRollbackOnly();
        });
        tx.executeWithoutResult(status -> {
            long last = jdbc.sql("select max(id) from audit_log").query(Long.class).single();
            jdbc.sql("alter table audit_log disable trigger audit_log_no_change").update();
            jdbc.sql("update audit_log set details = '{\"forged\": true}'::jsonb where id = :id").param("id", last).update();
            assertThat(audit.verification().firstBroken()).isEqualTo(last);
            status.setRollbackOnly();
        });
        assertThat(audit.verification().intact()).as("the rolled-back tampering left the chain as it was").isTrue();
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
        mvc.perform(get("/audit").session(observer)).andExpect(status().isForbidden());
        // the day's head is published, as it stood when the day was first checked
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        mvc.perform(get("/api/v1/public/audit-head")).andExpect(status().isOk())
                .andExpect(jsonPath("$.history[0].day", Matchers.is(today)))
                .andExpect(jsonPath("$.history[0].head", Matchers.matchesPattern("[0-9a-f]{64}")));
        assertThat(auditChain.health().getStatus().getCode()).isEqualTo("UP");
        // tampering found by the check: the page says so and health goes DOWN (rolled back afterwards)
        var tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            jdbc.sql("alter table audit_log disable trigger audit_log_no_change").update();
            jdbc.sql("update audit_log set actor = 'someone-else' where id = (select min(id) from audit_log)").update();
            try {
                assertThat(vn.baucu.support.Pages.page(mvc, admin, "/audit")).contains("CHUỖI BỊ PHÁ VỠ");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            assertThat(auditChain.health().getStatus().getCode()).isEqualTo("DOWN");
            status.setRollbackOnly();
        });
        assertThat(auditChain.health().getStatus().getCode()).isEqualTo("UP");
    }
}
