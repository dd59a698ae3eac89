package vn.baucu.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
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
import vn.baucu.election.ElectionKind;
import vn.baucu.election.Elections;
import vn.baucu.election.NewElection;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.Role;
import vn.baucu.rules.RuleSet;
import vn.baucu.support.TestUsers;
import vn.baucu.support.UnitElections;

/**
 * On demand only (not matched by the failsafe includes): {@code bench/polling-day.sh [areas] [clients] [national]}.
 * Polling day at national scale, in two parts.
 * <ol>
 * <li><b>The teams over HTTP.</b> N polling areas of one commune (400 by default), each with its own team signed in
 * once (an API token): the opening, the five turnout reports of the default reporting times and the closing, sent as the
 * day goes (every area's opening, then every area's 9:00 report, …) by C concurrent clients (8 by default) over
 * keep-alive connections, each with an {@code Idempotency-Key}. Baseline in the same run, from the same clients: the
 * same number of requests for a small static file. Then the time from the last report's answer to the commune's
 * roll-up showing it, and the check that every report is stored once and audited once, and that a resend stores
 * nothing.</li>
 * <li><b>The nation's roll-up.</b> The 2026 scale, 72,195 polling areas spread over every commune in force on polling
 * day, each opened with its five reports, generated in the database. Then the officials' turnout of the nation, of a
 * province and of a commune, read over HTTP, each R times (20 by default). Baseline in the same run: the one SQL query
 * that sums each place's latest report by province, over the same rows (the database's own floor for any roll-up
 * computed on read). The national figure must equal that query's.</li>
 * </ol>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PollingDayBenchmark {

    static final int AREAS = Integer.getInteger("bench.areas", 400);
    static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    static final int NATIONAL = Integer.getInteger("bench.national", 72_195);
    static final int REPEATS = Integer.getInteger("bench.repeats", 20);
    static final int WARMUP = Integer.getInteger("bench.warmup", 100);
    static final String[] SLOTS = {"09:00", "11:00", "14:00", "16:00", "19:00"};
    /** Voters of an area (the test lists hold 300) who have voted at each slot. */
    static final int[] VOTED = {60, 120, 180, 240, 285};

    @LocalServerPort
    int port;
    @Autowired
    UnitElections unitElections;
    @Autowired
    TestUsers users;
    @Autowired
    Elections elections;
    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = new JsonMapper();
    BenchClients clients;

    @Test
    void pollingDay() throws Exception {
        clients = new BenchClients(port, CLIENTS);
        String admin = clients.token("admin", "admin-test-password");

        // ---------------------------------------------------------------- part 1: the teams over HTTP
        UnitElections.Built u = unitElections.frozen(300, AREAS);
        List<String> teams = teams(u);
        String province = clients.token(users.create(Role.PROVINCE_OFFICIAL, "22", null));
        clients.run(CLIENTS * 200, i -> clients.get("/js/baucu.js", null).statusCode());
        if (WARMUP > 0) {
            UnitElections.Built w = unitElections.frozen(300, WARMUP);
            assertThat(day(w, teams(w), new AtomicLong(), new double[7])).as("warm-up refused").isZero();
            clients.run(CLIENTS * 200, i -> clients.get("/js/baucu.js", null).statusCode());
        }
        int requests = AREAS * 7;
        long t0 = System.nanoTime();
        long bad = clients.run(requests, i -> clients.get("/js/baucu.js", null).statusCode() == 200 ? 0 : 1);
        double staticSeconds = (System.nanoTime() - t0) / 1e9;
        assertThat(bad).isZero();

        AtomicLong lastAnswer = new AtomicLong();
        double[] phases = new double[7];
        long t1 = System.nanoTime();
        long refused = day(u, teams, lastAnswer, phases);
        double daySeconds = (System.nanoTime() - t1) / 1e9;
        assertThat(refused).as("submissions refused").isZero();

        // the commune's roll-up shows the last report
        String communeTurnout = "/api/v1/elections/" + u.electionId() + "/turnout?unit=" + u.communeCode();
        int polls = 0;
        while (true) {
            polls++;
            JsonNode t = json.readTree(clients.get(communeTurnout, province).body());
            if (t.get("voted").asLong() == (long) VOTED[4] * AREAS && t.get("reported").asLong() == AREAS) {
                break;
            }
            assertThat(System.nanoTime() - lastAnswer.get()).as("roll-up within 60 s").isLessThan(60_000_000_000L);
        }
        double rollUpMs = (System.nanoTime() - lastAnswer.get()) / 1e6;

        // stored once, audited once; a resend stores nothing
        String first = "/api/v1/elections/" + u.electionId() + "/polling-day/pa-" + u.areas().get(0) + "/turnout";
        UUID key = UUID.randomUUID();
        String body = "{\"slot\":\"" + SLOTS[4] + "\",\"voted\":" + VOTED[4] + "}";
        var once = clients.send("POST", first.replace("/turnout", "/events"), teams.get(0),
                "{\"kind\":\"INCIDENT\",\"occurredAt\":\"2026-03-15T10:00\",\"description\":\"Mất điện 5 phút\"}", key, null);
        var again = clients.send("POST", first.replace("/turnout", "/events"), teams.get(0),
                "{\"kind\":\"INCIDENT\",\"occurredAt\":\"2026-03-15T10:00\",\"description\":\"Mất điện 5 phút\"}", key, null);
        assertThat(once.statusCode()).as(once.body()).isEqualTo(201);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(clients.send("POST", first, teams.get(0), body, UUID.randomUUID(), null).statusCode())
                .as("a second report of a slot").isEqualTo(409);
        long stored = jdbc.sql("""
                        select count(*) from turnout_report r join polling_place_day d on d.id = r.place_day_id
                        where d.election_id = :e""").param("e", u.electionId()).query(Long.class).single();
        long events = jdbc.sql("""
                        select count(*) from polling_event v join polling_place_day d on d.id = v.place_day_id
                        where d.election_id = :e""").param("e", u.electionId()).query(Long.class).single();
        long audited = jdbc.sql("""
                        select count(*) from audit_log where action = 'TURNOUT_REPORTED'
                        and subject_id in (select 'pa-' || polling_area_id from polling_place_day where election_id = :e)""")
                .param("e", u.electionId()).query(Long.class).single();
        assertThat(stored).isEqualTo(AREAS * 5L);
        assertThat(audited).isEqualTo(AREAS * 5L);
        assertThat(events).isEqualTo(1);

        // ---------------------------------------------------------------- part 2: the nation's roll-up
        long g0 = System.nanoTime();
        long national = nation();
        String communes = jdbc.sql("select count(distinct commune_code) from polling_place_day where election_id = :e")
                .param("e", national).query(String.class).single();
        double generated = (System.nanoTime() - g0) / 1e9;
        String sql = """
                select a.province_code, sum(l.voted), count(*)
                from polling_place_day d join admin_unit a on a.code = d.commune_code and a.level = 'COMMUNE'
                     and (a.valid_from is null or a.valid_from <= :day) and (a.valid_to is null or a.valid_to > :day)
                cross join lateral (select r.voted from turnout_report r where r.place_day_id = d.id
                                    order by r.slot desc limit 1) l
                where d.election_id = :e group by a.province_code""";
        long[] sqlTotal = new long[1];
        double[] bare = BenchClients.times(REPEATS, () -> {
            long sum = jdbc.sql(sql).param("e", national).param("day", Date.valueOf(UnitElections.DAY))
                    .query((rs, i) -> rs.getLong(2)).list().stream().mapToLong(Long::longValue).sum();
            sqlTotal[0] = sum;
            return sum;
        });
        String base = "/api/v1/elections/" + national + "/turnout";
        JsonNode whole = json.readTree(clients.get(base, admin).body());
        assertThat(whole.get("voted").asLong()).as("the nation's figure").isEqualTo(sqlTotal[0]);
        assertThat(whole.get("places").asLong()).isEqualTo(NATIONAL);
        String aProvince = whole.get("children").get(0).get("unit").asString();
        JsonNode ofProvince = json.readTree(clients.get(base + "?unit=" + aProvince, admin).body());
        String aCommune = ofProvince.get("children").get(0).get("unit").asString();
        double[] nationMs = BenchClients.times(REPEATS, () -> status(clients.get(base, admin)));
        double[] provinceMs = BenchClients.times(REPEATS, () -> status(clients.get(base + "?unit=" + aProvince, admin)));
        double[] communeMs = BenchClients.times(REPEATS, () -> status(clients.get(base + "?unit=" + aCommune, admin)));
        clients.close();

        System.out.println("== polling-day benchmark: " + AREAS + " polling areas over HTTP, " + CLIENTS + " clients; "
                + NATIONAL + " areas for the nation's roll-up; " + Runtime.getRuntime().availableProcessors()
                + " cores shared by server, clients and PostgreSQL ==");
        System.out.printf(Locale.ROOT, "static file (baseline): %,d requests in %.2f s = %,.0f req/s%n", requests,
                staticSeconds, requests / staticSeconds);
        System.out.printf(Locale.ROOT, "the teams: %,d submissions (opening, 5 reports, closing per area) in %.2f s = "
                + "%,.0f req/s; ratio to the static file %.3f%n", requests, daySeconds, requests / daySeconds,
                staticSeconds / daySeconds);
        System.out.printf(Locale.ROOT, "  by phase (s): opening %.2f, reports %.2f %.2f %.2f %.2f %.2f, closing %.2f; "
                + "turnout reports %,.0f/s%n", phases[0], phases[1], phases[2], phases[3], phases[4], phases[5], phases[6],
                AREAS * 5 / (phases[1] + phases[2] + phases[3] + phases[4] + phases[5]));
        System.out.printf(Locale.ROOT, "  the nation's peak: %,d reports in the 15 minutes after a reporting time = %.0f/s, "
                + "%.1f%% of this node's rate%n", NATIONAL, NATIONAL / 900.0,
                100 * (NATIONAL / 900.0) / (AREAS * 5 / (phases[1] + phases[2] + phases[3] + phases[4] + phases[5])));
        System.out.printf(Locale.ROOT, "last report -> the commune's roll-up shows it: %.0f ms (%d reads; goal < 1000 ms)%n",
                rollUpMs, polls);
        System.out.printf(Locale.ROOT, "stored once: %,d reports, %,d audited, a resent event replayed (200), a second "
                + "report of a slot refused (409)%n", stored, audited);
        System.out.printf(Locale.ROOT, "the nation: %,d areas in %s communes, 5 reports each, generated in %.1f s%n",
                NATIONAL, communes, generated);
        print("bare SQL roll-up by province (baseline)", bare);
        print("GET turnout of the nation", nationMs);
        print("GET turnout of province " + aProvince, provinceMs);
        print("GET turnout of commune " + aCommune, communeMs);
        System.out.printf(Locale.ROOT, "ratio bare SQL / the nation's roll-up (p50): %.3f; goal: the nation's roll-up < 1000 ms%n",
                bare[0] / nationMs[0]);
    }

    /** One team per area, signed in once. */
    private List<String> teams(UnitElections.Built u) throws Exception {
        String[] tokens = new String[u.areas().size()];
        clients.run(tokens.length, a -> {
            tokens[a] = clients.token(users.create(Role.ELECTION_TEAM, u.communeCode(), u.areas().get(a)));
            return 0;
        });
        return List.of(tokens);
    }

    /** Every area's opening, then each reporting time's reports, then the closings; how many were refused. */
    private long day(UnitElections.Built u, List<String> teams, AtomicLong lastAnswer, double[] phases) throws Exception {
        String base = "/api/v1/elections/" + u.electionId() + "/polling-day/pa-";
        List<String[]> steps = new ArrayList<>();
        steps.add(new String[] {"opening", "{\"at\":\"2026-03-15T07:00\",\"openedBy\":\"Tổ trưởng\",\"boxShownEmpty\":true}"});
        for (int s = 0; s < SLOTS.length; s++) {
            steps.add(new String[] {"turnout", "{\"slot\":\"" + SLOTS[s] + "\",\"voted\":" + VOTED[s] + "}"});
        }
        steps.add(new String[] {"closing", "{\"at\":\"2026-03-15T19:00\"}"});
        long refused = 0;
        for (int p = 0; p < steps.size(); p++) {
            String[] step = steps.get(p);
            long start = System.nanoTime();
            refused += clients.run(u.areas().size(), a -> {
                var r = clients.send("POST", base + u.areas().get(a) + "/" + step[0], teams.get(a), step[1],
                        UUID.randomUUID(), null);
                lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
                if (r.statusCode() != 201) {
                    System.out.println(step[0] + " refused: " + r.statusCode() + " " + r.body());
                    return 1;
                }
                return 0;
            });
            phases[p] = (System.nanoTime() - start) / 1e9;
        }
        return refused;
    }

    /**
     * A national election of polling day with NATIONAL polling areas spread over every commune in force that day, each
     * opened at 7:00 with its five reports, rising, written by the database itself (the teams' path is part 1's).
     */
    private long nation() {
        long election = Authorization.runAsSystem(() -> elections.create(new NewElection(ElectionKind.NATIONAL_ASSEMBLY,
                null, RuleSet.NATIONAL_ASSEMBLY_2025, "Bầu cử đại biểu Quốc hội (quy mô toàn quốc)", "2026-2031",
                UnitElections.DAY, null)).id());
        Date day = Date.valueOf(UnitElections.DAY);
        jdbc.sql("""
                        insert into polling_area (commune_id, polling_day, number, name, address, voters)
                        select c.id, :day, 2000000 + g, 'Khu vực ' || g, 'Nhà văn hóa', 800 + g % 900
                        from (select id, row_number() over (order by id) - 1 as k, count(*) over () as n
                              from admin_unit where level = 'COMMUNE'
                              and (valid_from is null or valid_from <= :day) and (valid_to is null or valid_to > :day)) c
                        join generate_series(0, :n - 1) g on g % c.n = c.k""")
                .param("day", day).param("n", NATIONAL).update();
        jdbc.sql("""
                        insert into polling_place_day (election_id, polling_area_id, commune_code, electorate, opened_at,
                                                       opened_by, box_shown_empty)
                        select :e, p.id, u.code, p.voters, :day::date + time '07:00', 'Tổ trưởng', true
                        from polling_area p join admin_unit u on u.id = p.commune_id
                        where p.polling_day = :day and p.number >= 2000000""")
                .param("e", election).param("day", day).update();
        jdbc.sql("""
                        insert into turnout_report (place_day_id, slot, voted, reported_at, reported_by)
                        select d.id, s.slot, d.electorate * s.share / 100, :day::date + s.slot, 'bench'
                        from polling_place_day d
                        cross join (values (time '09:00', 20), (time '11:00', 45), (time '14:00', 70), (time '16:00', 88),
                                           (time '19:00', 98)) s (slot, share)
                        where d.election_id = :e""")
                .param("e", election).param("day", day).update();
        jdbc.sql("analyze polling_place_day").update();
        jdbc.sql("analyze turnout_report").update();
        return election;
    }

    private static long status(java.net.http.HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body().length();
    }

    private static void print(String what, double[] ms) {
        System.out.printf(Locale.ROOT, "%s: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d reads)%n", what, ms[0], ms[1], ms[2],
                REPEATS);
    }
}
