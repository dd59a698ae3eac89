package vn.baucu.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.baucu.election.Elections;
import vn.baucu.geography.AdminUnit;
import vn.baucu.geography.AdminUnits;
import vn.baucu.geography.UnitLevel;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.Role;
import vn.baucu.results.ContestResults;
import vn.baucu.rules.RuleSet;
import vn.baucu.support.MinutesBodies;
import vn.baucu.support.TestUsers;
import vn.baucu.support.UnitElections;

/**
 * On demand only (not matched by the failsafe includes): {@code bench/results-nation.sh [areas]}. The national roll-up
 * of results night at the 2026 scale: an NA election built through the facades with one electoral unit per province
 * (every province in force on election day, each unit the whole province, three candidates for one seat, one real
 * polling area with its voter list), then N polling areas (72,195 by default) spread over every commune, each with a
 * certified minutes generated in the database, and every contest recomputed from them. Then the last minutes, the one
 * real area of the first province, is entered twice and certified over HTTP, and the officials' national results
 * document ({@code GET /api/v1/elections/{id}/results}) is read until it holds it: the time from the certification's
 * answer to a complete national roll-up (goal: 1 s). Then the same document R times (5 by default). Baseline in the
 * same run: the one SQL query that sums the latest certified figures of every minutes by commune (the database's own
 * floor for the document's unit rows). The national totals must equal that query's. Then the national summary (Điều 84)
 * R times, every unit checked against the sum of its polling areas; and the publication of the results, with the public
 * document then served from its snapshot.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class NationalResultsBenchmark {

    static final int AREAS = Integer.getInteger("bench.areas", 72_195);
    static final int REPEATS = Integer.getInteger("bench.repeats", 5);

    @LocalServerPort
    int port;
    @Autowired
    UnitElections unitElections;
    @Autowired
    TestUsers users;
    @Autowired
    Elections elections;
    @Autowired
    AdminUnits units;
    @Autowired
    ContestResults results;
    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = new JsonMapper();

    @Test
    void nationalRollUp() throws Exception {
        long t0 = System.nanoTime();
        // the province with the fewest communes first: its unit, the smallest here (the 2026 units hold about 400 areas
        // each, these a whole province's), is the one whose last minutes is certified over HTTP
        List<String> provinces = units.list(UnitLevel.PROVINCE, null, UnitElections.DAY).stream().map(AdminUnit::code)
                .sorted(java.util.Comparator.comparingInt((String p) -> units.list(UnitLevel.COMMUNE, p, UnitElections.DAY).size())
                        .thenComparing(p -> p))
                .toList();
        List<UnitElections.Built> built = unitElections.nationalIn(RuleSet.NATIONAL_ASSEMBLY_2025, UnitElections.DAY, provinces,
                300);
        long election = built.get(0).electionId();
        double buildSeconds = (System.nanoTime() - t0) / 1e9;

        long t1 = System.nanoTime();
        Date day = Date.valueOf(UnitElections.DAY);
        jdbc.sql("""
                        insert into polling_area (commune_id, polling_day, number, name, address, voters)
                        select c.id, :day, 2000000 + g, 'Khu vực ' || g, 'Nhà văn hóa', 800 + g % 900
                        from (select id, row_number() over (order by id) - 1 as k, count(*) over () as n
                              from admin_unit where level = 'COMMUNE'
                              and (valid_from is null or valid_from <= :day) and (valid_to is null or valid_to > :day)) c
                        join generate_series(0, :n - 1) g on g % c.n = c.k""")
                .param("day", day).param("n", AREAS - built.size()).update();
        // every area but the first province's real one, which is certified last over HTTP
        List<Long> real = built.stream().skip(1).map(b -> b.areas().get(0)).toList();
        for (UnitElections.Built b : built) {
            long contest = elections.contest(election, b.contest()).id();
            // 90% vote, all valid; the three names share the ballots 50/30/20 (one seat: one name kept per ballot)
            jdbc.sql("""
                            with areas as (
                                select p.id, u.code as commune, p.voters, p.voters * 9 / 10 as voted
                                from polling_area p join admin_unit u on u.id = p.commune_id
                                where p.polling_day = :day and (p.number >= 2000000 or p.id in (:real))
                                  and u.province_code = :province),
                            m as (
                                insert into minutes (election_id, contest_id, polling_area_id, commune_code, unit_code, version,
                                                     status, created_at)
                                select :e, :c, id, commune, commune, 1, 'CERTIFIED', now() from areas
                                returning id, polling_area_id)
                            insert into minutes_version (minutes_id, version, opened_at, opened_by, figures, certified_at,
                                                         certified_by, sha256)
                            select m.id, 1, now(), 'bench', jsonb_build_object('pollingArea', a.id,
                                       'votingMethod', 'SECRET_BALLOT', 'electorate', a.voters, 'participants', a.voted,
                                       'ballotsIssued', a.voted, 'ballotsReturned', a.voted, 'validBallots', a.voted,
                                       'invalidBallots', 0, 'candidates', jsonb_build_array(
                                           jsonb_build_object('id', cast(:a as text), 'votes', a.voted / 2),
                                           jsonb_build_object('id', cast(:b as text), 'votes', a.voted * 3 / 10),
                                           jsonb_build_object('id', cast(:x as text), 'votes', a.voted / 5))),
                                   now(), 'bench', encode(sha256(convert_to('bench-' || m.id, 'UTF8')), 'hex')
                            from m join areas a on a.id = m.polling_area_id""")
                    .param("day", day).param("real", real).param("province", b.contest().substring(0, 2))
                    .param("e", election)
                    .param("c", contest).param("a", b.candidate(0)).param("b", b.candidate(1)).param("x", b.candidate(2))
                    .update();
        }
        jdbc.sql("analyze minutes").update();
        jdbc.sql("analyze minutes_version").update();
        double generateSeconds = (System.nanoTime() - t1) / 1e9;
        long t2 = System.nanoTime();
        Authorization.runAsSystem(() -> {
            built.forEach(b -> results.recompute(elections.contest(election, b.contest())));
            return null;
        });
        double recomputeSeconds = (System.nanoTime() - t2) / 1e9;

        BenchClients clients = new BenchClients(port, 2);
        String admin = clients.token("admin", "admin-test-password");
        UnitElections.Built last = built.get(0);
        String clerk1 = clients.token(users.create(Role.COMMUNE_OFFICIAL, last.communeCode(), null));
        String clerk2 = clients.token(users.create(Role.COMMUNE_OFFICIAL, last.communeCode(), null));
        String province = clients.token(users.create(Role.PROVINCE_OFFICIAL, last.contest().substring(0, 2), null));
        String document = "/api/v1/elections/" + election + "/results";
        // compiled before it is measured (results night lasts hours)
        for (int i = 0; i < 2; i++) {
            assertThat(clients.get(document, admin).statusCode()).isEqualTo(200);
        }

        // the last minutes over HTTP: two entries and the certification
        String base = "/api/v1/elections/" + election + "/contests/" + last.contest() + "/minutes";
        String body = MinutesBodies.area(last, last.areas().get(0), 300, 270, 135, 81, 54);
        assertThat(clients.send("POST", base + "/entries", clerk1, body, UUID.randomUUID(), null).statusCode()).isEqualTo(201);
        var second = clients.send("POST", base + "/entries", clerk2, body, UUID.randomUUID(), null);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        String id = second.body().replaceFirst("(?s).*?\"minutes\":\\{\"id\":(\\d+).*", "$1");
        var certified = clients.send("POST", base + "/" + id + "/certification", province, null, null, "\"1\"");
        long answered = System.nanoTime();
        assertThat(certified.statusCode()).as(certified.body()).isEqualTo(200);
        int polls = 0;
        JsonNode doc;
        while (true) {
            polls++;
            doc = json.readTree(clients.get(document, admin).body());
            if (doc.get("summary").get("certified").asLong() == built.size()) {
                break;
            }
            assertThat(System.nanoTime() - answered).as("roll-up within 120 s").isLessThan(120_000_000_000L);
        }
        double rollUpMs = (System.nanoTime() - answered) / 1e6;
        long lastUnitAreas = doc.get("contests").valueStream().filter(c -> c.get("place").asString().equals(last.contest()))
                .findFirst().orElseThrow().get("minutes").size();

        // the floor: every minutes' latest certified figures summed by commune in one query
        String floor = """
                select m.commune_code, sum((v.figures ->> 'electorate')::bigint), sum((v.figures ->> 'participants')::bigint)
                from minutes m join lateral (select figures from minutes_version v where v.minutes_id = m.id
                                             and v.certified_at is not null order by v.version desc limit 1) v on true
                where m.election_id = :e group by 1""";
        long[] sql = new long[3];
        double[] floorMs = BenchClients.times(REPEATS, () -> {
            long[] s = new long[3];
            jdbc.sql(floor).param("e", election).query((rs, i) -> {
                s[0]++;
                s[1] += rs.getLong(2);
                s[2] += rs.getLong(3);
                return null;
            }).list();
            System.arraycopy(s, 0, sql, 0, 3);
            return s[0];
        });
        long[] bytes = new long[1];
        double[] documentMs = BenchClients.times(REPEATS, () -> {
            var r = clients.get(document, admin);
            assertThat(r.statusCode()).isEqualTo(200);
            bytes[0] = r.body().length();
            return bytes[0];
        });
        // the national summary (Điều 84): the committees' summaries, each unit checked against its polling areas
        String nationalSummary = "/api/v1/elections/" + election + "/summaries/national";
        double[] summaryMs = BenchClients.times(REPEATS, () -> {
            var r = clients.get(nationalSummary, admin);
            assertThat(r.statusCode()).isEqualTo(200);
            return r.body().length();
        });
        JsonNode national = json.readTree(clients.get(nationalSummary, admin).body());
        assertThat(national.get("certified").asInt()).isEqualTo(built.size());
        assertThat(national.get("participants").asLong()).isEqualTo(sql[2]);
        assertThat(national.get("check").get("consistent").asBoolean()).isTrue();
        // the publication of the national results and the public document served from it
        long tp = System.nanoTime();
        var published = clients.send("POST", "/api/v1/elections/" + election + "/results/publications", admin, null, null, null);
        double publishMs = (System.nanoTime() - tp) / 1e6;
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        String open = "/api/v1/public/elections/" + election + "/results";
        long tf = System.nanoTime();
        assertThat(clients.get(open, null).statusCode()).isEqualTo(200);
        double firstPublicMs = (System.nanoTime() - tf) / 1e6;
        double[] publicMs = BenchClients.times(REPEATS, () -> {
            var r = clients.get(open, null);
            assertThat(r.statusCode()).isEqualTo(200);
            return r.body().length();
        });
        JsonNode summary = doc.get("summary");
        assertThat(summary.get("electorate").asLong()).as("national electorate").isEqualTo(sql[1]);
        assertThat(summary.get("participants").asLong()).as("national participants").isEqualTo(sql[2]);
        long communeRows = 0;
        for (JsonNode u : doc.get("units")) {
            communeRows += "COMMUNE".equals(u.get("level").asString()) ? 1 : 0;
        }
        assertThat(communeRows).as("a row per commune with minutes").isEqualTo(sql[0]);
        long minutesRefs = 0;
        for (JsonNode c : doc.get("contests")) {
            minutesRefs += c.get("minutes").size();
        }
        assertThat(minutesRefs).as("every certified minutes behind the contests").isEqualTo(AREAS);
        clients.close();

        System.out.println("== national results benchmark: " + AREAS + " polling areas, " + built.size()
                + " electoral units (one per province), " + Runtime.getRuntime().availableProcessors()
                + " cores shared by server, client and PostgreSQL ==");
        System.out.printf(Locale.ROOT, "built through the facades in %.1f s; %,d certified minutes generated in %.1f s; "
                + "every contest recomputed in %.1f s%n", buildSeconds, AREAS - 1, generateSeconds, recomputeSeconds);
        System.out.printf(Locale.ROOT, "last certification (a unit of %,d areas) -> national results document complete: "
                + "%.0f ms (%d reads; goal < 1000 ms)%n", lastUnitAreas, rollUpMs, polls);
        System.out.printf(Locale.ROOT, "bare SQL sum by commune (baseline): p50 %.1f ms, max %.1f ms (%d reads)%n",
                floorMs[0], floorMs[2], REPEATS);
        System.out.printf(Locale.ROOT, "GET the national results document (%,d bytes, %d communes, %,d minutes): p50 %.1f ms, "
                + "p95 %.1f ms, max %.1f ms (%d reads)%n", bytes[0], sql[0], minutesRefs, documentMs[0], documentMs[1],
                documentMs[2], REPEATS);
        System.out.printf(Locale.ROOT, "ratio document / bare SQL (p50): %.2f%n", documentMs[0] / floorMs[0]);
        System.out.printf(Locale.ROOT, "GET the national summary (Điều 84, every unit checked against its polling areas): "
                + "p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d reads)%n", summaryMs[0], summaryMs[1], summaryMs[2], REPEATS);
        System.out.printf(Locale.ROOT, "publication of the national results: %.0f ms; the public document: first read %.0f ms, "
                + "then p50 %.1f ms, max %.1f ms (%d reads, from the snapshot)%n", publishMs, firstPublicMs, publicMs[0],
                publicMs[2], REPEATS);
    }
}
