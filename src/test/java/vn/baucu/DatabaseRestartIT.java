package vn.baucu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.baucu.platform.Role;
import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.support.MinutesBodies;
import vn.baucu.support.TestUsers;
import vn.baucu.support.UnitElections;

/**
 * PostgreSQL restarted (fast shutdown: the transactions in flight are aborted) while the minutes of 30 polling areas
 * are entered and certified by four senders at once (issue 15). baucu is not restarted: it answers the requests it
 * cannot serve with an error, serves again once the database is back, and keeps every write it acknowledged; sending
 * every request again with its same Idempotency-Key stores nothing twice, and in the end each area is certified once,
 * the stored results are what the minutes make and the audit chain is whole. Needs a Debian PostgreSQL cluster it may
 * restart ({@code pg_ctlcluster 15 main}, as root): it runs on the PostgreSQL 15 pass of {@code .ci/run} and says why
 * it is skipped elsewhere (the embedded cluster belongs to the test JVM itself).
 */
@BaucuIntegrationTest
class DatabaseRestartIT {

    static final int AREAS = 30;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    UnitElections unitElections;
    @Autowired
    vn.baucu.platform.LiveChanges live;

    @Test
    void restartedUnderLoadNothingAcknowledgedIsLostAndResendsStoreNothingTwice() throws Exception {
        String url = String.valueOf(System.getenv("DB_URL"));
        Assumptions.assumeTrue(url.contains("127.0.0.1:5432/") && Files.isExecutable(Path.of("/usr/bin/pg_ctlcluster"))
                        && "root".equals(System.getProperty("user.name")),
                "no local Debian cluster to restart (DB_URL " + url + "); runs on the PostgreSQL 15 pass as root");
        UnitElections.Built u = unitElections.frozen(300, AREAS);
        String base = "/api/v1/elections/" + u.electionId() + "/contests/22-1/minutes";
        RequestPostProcessor province = users.as(Role.PROVINCE_OFFICIAL, "22");
        List<RequestPostProcessor[]> clerks = new ArrayList<>();
        for (long area : u.areas()) {
            clerks.add(new RequestPostProcessor[] {users.as(Role.ELECTION_TEAM, u.communeCode(), area),
                users.as(Role.ELECTION_TEAM, u.communeCode(), area)});
        }
        UUID[][] keys = new UUID[AREAS][2];
        int[][] answers = new int[AREAS][3];
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < AREAS; i++) {
            int a = i;
            keys[a][0] = UUID.randomUUID();
            keys[a][1] = UUID.randomUUID();
            pool.submit(() -> {
                for (int step = 0; step < 2; step++) {
                    answers[a][step] = entry(base, u, a, clerks.get(a)[step], keys[a][step]);
                    if (answers[a][step] != 201) {
                        refused.incrementAndGet();
                        return null;
                    }
                    acknowledged.incrementAndGet();
                }
                answers[a][2] = certify(base, minutesOf(u, a), province);
                (answers[a][2] == 200 ? acknowledged : refused).incrementAndGet();
                return null;
            });
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (acknowledged.get() < AREAS && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        int atRestart = acknowledged.get();
        assertThat(atRestart).as("work left when the restart begins").isLessThan(AREAS * 3);
        Process restart = new ProcessBuilder("pg_ctlcluster", "15", "main", "restart", "-m", "fast")
                .redirectErrorStream(true).start();
        String said = new String(restart.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(restart.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(restart.exitValue()).as(said).isZero();
        pool.shutdown();
        assertThat(pool.awaitTermination(180, TimeUnit.SECONDS)).isTrue();
        int acked = acknowledged.get();

        // served again without restarting baucu; every acknowledged step is there
        long until2 = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int status;
        do {
            status = mvc.perform(get(base).with(province)).andReturn().getResponse().getStatus();
        } while (status != 200 && System.nanoTime() < until2);
        assertThat(status).as("baucu serves again once PostgreSQL is back").isEqualTo(200);
        // and the live updates listen again (the tests after this one on the same database rely on them)
        Thread.sleep(3_000);
        long until3 = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!live.listening() && System.nanoTime() < until3) {
            Thread.sleep(100);
        }
        assertThat(live.listening()).as("live updates listening again").isTrue();
        for (int a = 0; a < AREAS; a++) {
            String state = state(u, a);
            if (answers[a][2] == 200) {
                assertThat(state).as("area %d: its certification was acknowledged", a).isEqualTo("CERTIFIED");
            } else if (answers[a][1] == 201) {
                assertThat(state).as("area %d", a).isIn("VERIFIED", "CERTIFIED");
            } else if (answers[a][0] == 201) {
                assertThat(entries(u, a)).as("area %d: its first entry was acknowledged", a).isGreaterThanOrEqualTo(1);
            }
        }
        // everything sent again with the same keys: acknowledged entries replay (200), the rest is done now
        for (int a = 0; a < AREAS; a++) {
            for (int step = 0; step < 2; step++) {
                int again = entry(base, u, a, clerks.get(a)[step], keys[a][step]);
                if (answers[a][step] == 201) {
                    assertThat(again).as("area %d entry %d resent", a, step).isEqualTo(200);
                } else {
                    assertThat(again).as("area %d entry %d sent again", a, step).isIn(200, 201);
                }
            }
            if (!"CERTIFIED".equals(state(u, a))) {
                assertThat(certify(base, minutesOf(u, a), province)).isEqualTo(200);
            }
        }
        for (int a = 0; a < AREAS; a++) {
            assertThat(state(u, a)).isEqualTo("CERTIFIED");
            assertThat(entries(u, a)).as("area %d: two entries, none twice", a).isEqualTo(2);
        }
        assertThat(jdbc.sql("""
                        select count(*) from audit_log where action = 'MINUTES_CERTIFIED'
                        and subject_id in (select id::text from minutes where election_id = :e)""")
                .param("e", u.electionId()).query(Long.class).single()).isEqualTo(AREAS);
        assertThat(mvc.perform(post("/api/v1/elections/" + u.electionId() + "/results/recomputation")
                .with(vn.baucu.support.Api.admin())).andReturn().getResponse().getContentAsString()).contains("\"differed\":[]");
        assertThat(mvc.perform(get("/api/v1/audit/verification").with(vn.baucu.support.Api.admin())).andReturn()
                .getResponse().getContentAsString()).contains("\"intact\":true");
        System.out.printf("database restart: begun after %d of %d steps; %d acknowledged in the end of the first pass, %d"
                + " refused or unanswered%n", atRestart, AREAS * 3, acked, refused.get());
    }

    private int entry(String base, UnitElections.Built u, int a, RequestPostProcessor who, UUID key) {
        try {
            return mvc.perform(post(base + "/entries").with(who).header("Idempotency-Key", key.toString())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(MinutesBodies.area(u, u.areas().get(a), 300, 280, 150, 90, 40)))
                    .andReturn().getResponse().getStatus();
        } catch (Exception e) {
            return 0;   // no answer: the database went away under the request
        }
    }

    private int certify(String base, Long minutes, RequestPostProcessor who) {
        if (minutes == null) {
            return 0;
        }
        try {
            return mvc.perform(post(base + "/" + minutes + "/certification").with(who).header("If-Match", "\"1\""))
                    .andReturn().getResponse().getStatus();
        } catch (Exception e) {
            return 0;
        }
    }

    private Long minutesOf(UnitElections.Built u, int a) {
        try {
            return jdbc.sql("select id from minutes where election_id = :e and polling_area_id = :a")
                    .param("e", u.electionId()).param("a", u.areas().get(a)).query(Long.class).optional().orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String state(UnitElections.Built u, int a) {
        return jdbc.sql("select status from minutes where election_id = :e and polling_area_id = :a")
                .param("e", u.electionId()).param("a", u.areas().get(a)).query(String.class).optional().orElse("NONE");
    }

    private int entries(UnitElections.Built u, int a) {
        return jdbc.sql("""
                        select count(*) from minutes_entry e join minutes m on m.id = e.minutes_id
                        where m.election_id = :e and m.polling_area_id = :a""")
                .param("e", u.electionId()).param("a", u.areas().get(a)).query(Integer.class).single();
    }
}
