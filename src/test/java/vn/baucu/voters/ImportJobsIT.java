package vn.baucu.voters;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.voters.internal.ImportJobs;

/** Import jobs of a stopped node are marked FAILED with the reason; a live node's jobs are left alone; moves are guarded. */
@BaucuIntegrationTest
class ImportJobsIT {

    @Autowired
    ImportJobs jobs;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aJobWhoseNodeStoppedBeatingIsMarkedFailedWithItsReason() {
        UUID dead = UUID.randomUUID();
        jdbc.sql("""
                        insert into import_job (id, status, rows_done, rows_total, started_at, started_by, node, heartbeat_at)
                        values (:id, 'RUNNING', 30000, 100000, :at, 'someone', 'a-killed-node', :at)""")
                .param("id", dead).param("at", Timestamp.from(Instant.now().minusSeconds(60))).update();
        UUID live = jobs.start("clerk");

        assertThat(jobs.reapAbandoned()).isGreaterThanOrEqualTo(1);

        var failed = jobs.view(dead, "someone", false);
        assertThat(failed.status()).isEqualTo(ImportJobs.Status.FAILED);
        assertThat(failed.message()).contains("máy chủ chạy việc nhập đã dừng").contains("Danh sách giữ nguyên");
        assertThat(failed.done()).as("what it had done is kept for the record").isEqualTo(30000);
        assertThat(jobs.view(live, "clerk", false).status()).isEqualTo(ImportJobs.Status.RUNNING);

        // a job already judged dead cannot be finished afterwards: the move is conditional
        assertThat(jobs.finish(dead, ImportJobs.Status.DONE, "late")).isFalse();
        assertThat(jobs.view(dead, "someone", false).status()).isEqualTo(ImportJobs.Status.FAILED);
        assertThat(jobs.finish(live, ImportJobs.Status.DONE, "ok")).isTrue();
        assertThat(jobs.finish(live, ImportJobs.Status.FAILED, "twice")).isFalse();
    }
}
