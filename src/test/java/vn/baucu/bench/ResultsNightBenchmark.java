package vn.baucu.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.baucu.platform.Role;
import vn.baucu.support.MinutesBodies;
import vn.baucu.support.TestUsers;
import vn.baucu.support.UnitElections;

/**
 * On demand only (not matched by the failsafe includes): {@code bench/results-night.sh [areas] [clients]}. Results
 * night over HTTP: the minutes of N polling areas of one contest (400 by default, the size of a National Assembly electoral unit: 72,195 areas in 182 units), each entered by two clerks and certified by the
 * province, sent by C concurrent clients (8 by default) that signed in once (API tokens) over keep-alive connections.
 * Baseline in the same run, from the same clients: the same number of requests for a small static file. Then: the
 * time from the last certification's answer to a results document that holds every minutes, and a recomputation of
 * the whole election from its minutes (zero lost, zero duplicated). Also the price of a password per request: the
 * same read with HTTP Basic (bcrypt each time) and with a token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ResultsNightBenchmark {

    static final int AREAS = Integer.getInteger("bench.areas", 400);
    static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    /** Areas of another unit sent through the same flow first, not measured: the JIT compiles what results night runs. */
    static final int WARMUP = Integer.getInteger("bench.warmup", 200);
    /**
     * Electoral units the areas are spread over (each its own election and contest), certified interleaved: 1 puts every
     * certification behind the same contest's lock (the worst case); results night spreads them over 546 contests.
     */
    static final int UNITS = Integer.getInteger("bench.units", 1);

    @LocalServerPort
    int port;
    @Autowired
    UnitElections unitElections;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = new JsonMapper();
    BenchClients clients;

    @Test
    void resultsNight() throws Exception {
        clients = new BenchClients(port, CLIENTS);
        long built = System.nanoTime();
        java.util.List<UnitElections.Built> units = new java.util.ArrayList<>();
        for (int k = 0; k < UNITS; k++) {
            units.add(unitElections.frozen(300, AREAS / UNITS + (k < AREAS % UNITS ? 1 : 0)));
        }
        UnitElections.Built u = units.get(0);
        double buildSeconds = (System.nanoTime() - built) / 1e9;
        String province = clients.token(users.create(Role.PROVINCE_OFFICIAL, "22", null));
        java.util.List<String[]> clerks = new java.util.ArrayList<>();
        for (UnitElections.Built b : units) {
            clerks.add(new String[] {clients.token(users.create(Role.COMMUNE_OFFICIAL, b.communeCode(), null)),
                    clients.token(users.create(Role.COMMUNE_OFFICIAL, b.communeCode(), null))});
        }
        String admin = clients.token("admin", "admin-test-password");
        String base = "/api/v1/elections/" + u.electionId() + "/contests/22-1/minutes";

        // warm-up (not measured): the static file, a read of the minutes, and the whole flow on another unit's areas,
        // from every client, so that both sides are measured compiled (results night lasts hours; the JIT minutes)
        clients.run(CLIENTS * 200, i -> status(clients.get("/js/baucu.js", null)));
        clients.run(CLIENTS * 50, i -> status(clients.get(base, province)));
        if (WARMUP > 0) {
            UnitElections.Built w = unitElections.frozen(300, WARMUP);
            String warm1 = clients.token(users.create(Role.COMMUNE_OFFICIAL, w.communeCode(), null));
            String warm2 = clients.token(users.create(Role.COMMUNE_OFFICIAL, w.communeCode(), null));
            assertThat(night(java.util.List.of(w), java.util.List.<String[]>of(new String[] {warm1, warm2}), province,
                    new AtomicLong())).as("warm-up minutes refused").isZero();
            clients.run(CLIENTS * 200, i -> status(clients.get("/js/baucu.js", null)));
        }

        // baseline: 3 requests per polling area for a small static file
        long t0 = System.nanoTime();
        long bad = clients.run(AREAS * 3, i -> status(clients.get("/js/baucu.js", null)) == 200 ? 0 : 1);
        double staticSeconds = (System.nanoTime() - t0) / 1e9;
        assertThat(bad).isZero();

        // results night: every area's two entries and its certification
        AtomicLong lastAnswer = new AtomicLong();
        long t1 = System.nanoTime();
        long failed = night(units, clerks, province, lastAnswer);
        double nightSeconds = (System.nanoTime() - t1) / 1e9;
        assertThat(failed).as("minutes refused").isZero();

        // the roll-up: each unit's results document holds every one of its minutes
        long polls = 0;
        for (UnitElections.Built b : units) {
            long electorate = 300L * b.areas().size();
            while (true) {
                polls++;
                String results = clients.get("/api/v1/elections/" + b.electionId() + "/results", province).body();
                if (results.contains("\"electorate\":" + electorate)) {
                    break;
                }
                assertThat(System.nanoTime() - lastAnswer.get()).as("roll-up within 60 s").isLessThan(60_000_000_000L);
            }
        }
        double rollUpMs = (System.nanoTime() - lastAnswer.get()) / 1e6;

        // nothing lost, nothing duplicated: every area certified once, two entries each, the recomputation agrees
        long audited = 0;
        double recomputeMs = 0;
        for (UnitElections.Built b : units) {
            JsonNode held = json.readTree(clients.get("/api/v1/elections/" + b.electionId() + "/contests/22-1/minutes",
                    province).body());
            assertThat(held.size()).isEqualTo(b.areas().size());
            for (JsonNode m : held) {
                assertThat(m.get("status").asString()).isEqualTo("CERTIFIED");
                assertThat(m.get("version").asInt()).isEqualTo(1);
                assertThat(m.get("entries").asInt()).isEqualTo(2);
            }
            audited += jdbc.sql("""
                            select count(*) from audit_log where action = 'MINUTES_CERTIFIED'
                            and subject_id in (select id::text from minutes where election_id = :e)""")
                    .param("e", b.electionId()).query(Long.class).single();
            long recomputeStart = System.nanoTime();
            String recomputed = clients.send("POST", "/api/v1/elections/" + b.electionId() + "/results/recomputation", admin,
                    null, null, null).body();
            recomputeMs += (System.nanoTime() - recomputeStart) / 1e6;
            assertThat(recomputed).contains("\"differed\":[]");
        }
        assertThat(audited).isEqualTo(AREAS);

        // the price of a password on every request
        int reads = 200;
        long t2 = System.nanoTime();
        clients.run(reads, i -> status(clients.getBasic("/api/v1/elections/" + u.electionId(), "admin", "admin-test-password")));
        double basicSeconds = (System.nanoTime() - t2) / 1e9;
        long t3 = System.nanoTime();
        clients.run(reads, i -> status(clients.get("/api/v1/elections/" + u.electionId(), province)));
        double tokenSeconds = (System.nanoTime() - t3) / 1e9;
        clients.close();

        int requests = AREAS * 3;
        System.out.println("== results-night benchmark: " + AREAS + " polling areas in " + UNITS + " electoral unit(s), "
                + CLIENTS + " clients, "
                + Runtime.getRuntime().availableProcessors() + " cores shared by server and clients, after a warm-up of "
                + WARMUP + " areas of another unit ==");
        System.out.printf(Locale.ROOT, "election built through the facades: %.1f s%n", buildSeconds);
        System.out.printf(Locale.ROOT, "static file (baseline): %,d requests in %.2f s = %,.0f req/s%n", requests,
                staticSeconds, requests / staticSeconds);
        System.out.printf(Locale.ROOT, "minutes: %,d entered twice and certified (%,d requests) in %.2f s = %,.1f minutes/s, "
                + "%,.0f req/s%n", AREAS, requests, nightSeconds, AREAS / nightSeconds, requests / nightSeconds);
        System.out.printf(Locale.ROOT, "ratio minutes requests / static requests: %.3f (goal >= 0.5)%n",
                staticSeconds / nightSeconds);
        System.out.printf(Locale.ROOT, "last certification -> results document complete: %.0f ms (%d reads; goal < 1000 ms)%n",
                rollUpMs, polls);
        System.out.printf(Locale.ROOT, "recomputation of the whole election from its minutes: %.0f ms, differed: none; "
                + "lost: 0, duplicated: 0 (%d certified once, %d entries)%n", recomputeMs, AREAS, AREAS * 2);
        System.out.printf(Locale.ROOT, "the same read %d times: HTTP Basic (bcrypt) %.0f req/s, token %.0f req/s (x%.1f)%n",
                reads, reads / basicSeconds, reads / tokenSeconds, basicSeconds / tokenSeconds);
        System.out.printf(Locale.ROOT, "national scale (216,585 minutes) at this rate: %.0f min%n",
                216_585 / (AREAS / nightSeconds) / 60);
    }

    /** Every area's two entries and its certification, spread over the clients; how many were refused. */
    private long night(java.util.List<UnitElections.Built> units, java.util.List<String[]> clerks, String province,
                       AtomicLong lastAnswer) throws Exception {
        // the units' areas interleaved: area a of every unit, then area a + 1
        java.util.List<int[]> order = new java.util.ArrayList<>();
        int most = units.stream().mapToInt(b -> b.areas().size()).max().orElse(0);
        for (int a = 0; a < most; a++) {
            for (int k = 0; k < units.size(); k++) {
                if (a < units.get(k).areas().size()) {
                    order.add(new int[] {k, a});
                }
            }
        }
        return clients.run(order.size(), i -> {
            UnitElections.Built u = units.get(order.get(i)[0]);
            String clerk1 = clerks.get(order.get(i)[0])[0];
            String clerk2 = clerks.get(order.get(i)[0])[1];
            String base = "/api/v1/elections/" + u.electionId() + "/contests/22-1/minutes";
            String body = MinutesBodies.area(u, u.areas().get(order.get(i)[1]), 300, 280, 150, 90, 40);
            var first = clients.send("POST", base + "/entries", clerk1, body, UUID.randomUUID(), null);
            var second = clients.send("POST", base + "/entries", clerk2, body, UUID.randomUUID(), null);
            if (first.statusCode() != 201 || second.statusCode() != 201) {
                System.out.println("entry refused: " + first.statusCode() + " " + second.body());
                return 1;
            }
            String id = second.body().replaceFirst("(?s).*?\"minutes\":\\{\"id\":(\\d+).*", "$1");
            var certified = clients.send("POST", base + "/" + id + "/certification", province, null, null, "\"1\"");
            lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
            if (certified.statusCode() != 200) {
                System.out.println("certification refused: " + certified.body());
                return 1;
            }
            return 0;
        });
    }

    private static int status(java.net.http.HttpResponse<String> r) {
        return r.statusCode();
    }
}
