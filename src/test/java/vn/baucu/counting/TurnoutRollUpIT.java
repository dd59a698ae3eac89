package vn.baucu.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static vn.baucu.support.Api.admin;

import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.baucu.election.ElectionKind;
import vn.baucu.election.Elections;
import vn.baucu.election.NewElection;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.Role;
import vn.baucu.rules.RuleSet;
import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.support.TestUsers;
import vn.baucu.support.UnitElections;

/**
 * The turnout roll-up, summed in the database, against a reference computed here from the raw rows: places in
 * hundreds of communes of several provinces, some that skipped reporting times, some that never reported, on a day
 * with districts (2021) and on one without (2026); reports stored in any order, several in one statement, and some
 * removed; the nation, a province, a district and a commune.
 */
@BaucuIntegrationTest
class TurnoutRollUpIT {

    static final List<LocalTime> TIMES = PollingDay.DEFAULT_TIMES;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Elections elections;
    @Autowired
    UnitElections unitElections;
    @Autowired
    TestUsers users;

    final JsonMapper json = new JsonMapper();

    /** A place as the reference sees it: its commune's chain (province, [district,] commune), key, electorate, reports. */
    record Place(List<String> chain, String key, long electorate, TreeMap<LocalTime, Long> reports) {
    }

    @Test
    void onADayWithDistricts() throws Exception {
        check(LocalDate.of(2021, 5, 30), RuleSet.NATIONAL_ASSEMBLY_2015, 11L);
    }

    @Test
    void onADayWithoutDistricts() throws Exception {
        check(LocalDate.of(2026, 3, 22), RuleSet.NATIONAL_ASSEMBLY_2025, 12L);
    }

    /**
     * On a Sunday of its own: the polling areas it adds to every commune of three provinces stay in the shared database,
     * and the tests that build an electoral unit on the 2026 day (UnitElections.DAY) expect its polling areas to be its own.
     */
    private void check(LocalDate day, RuleSet ruleSet, long seed) throws Exception {
        long e = Authorization.runAsSystem(() -> elections.create(new NewElection(ElectionKind.NATIONAL_ASSEMBLY, null,
                ruleSet, "Bầu cử (tổng hợp số cử tri đi bầu)", day.getYear() + "-" + (day.getYear() + 5), day, null)).id());
        Random random = new Random(seed);
        List<Place> places = generate(e, day, random);
        assertThat(places).hasSizeGreaterThan(500);

        compare(e, null, places, 0);
        String province = places.get(0).chain().get(0);
        compare(e, province, places, 1);
        List<String> chain = places.get(0).chain();
        if (chain.size() == 3) {
            compare(e, chain.get(1), places, 2);
        }
        compare(e, chain.get(chain.size() - 1), places, chain.size());

        removeSome(places, random);
        compare(e, null, places, 0);
        compare(e, province, places, 1);
    }

    /**
     * Teams of one commune report at the same moments through the API, each its five times in an order of its own; the
     * roll-up the database kept equals the one recomputed from the reports, and the province's figure (from the
     * roll-up) equals the commune's (from the reports).
     */
    @Test
    void teamsReportingAtTheSameMomentKeepTheRollUpExact() throws Exception {
        UnitElections.Built u = unitElections.frozen(300, 24);
        long e = u.electionId();
        List<RequestPostProcessor> teams = new ArrayList<>();
        for (long area : u.areas()) {
            teams.add(users.as(Role.ELECTION_TEAM, u.communeCode(), area));
        }
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<List<Integer>>> done = new ArrayList<>();
            for (int a = 0; a < u.areas().size(); a++) {
                String place = "/api/v1/elections/" + e + "/polling-day/pa-" + u.areas().get(a);
                RequestPostProcessor team = teams.get(a);
                List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4));
                java.util.Collections.shuffle(order, new Random(a));
                int per = 10 + a;
                done.add(pool.submit(() -> {
                    start.await();
                    List<Integer> statuses = new ArrayList<>();
                    statuses.add(post(place + "/opening", team,
                            "{\"at\":\"2026-03-15T07:00\",\"openedBy\":\"Tổ trưởng\",\"boxShownEmpty\":true}"));
                    for (int i : order) {
                        statuses.add(post(place + "/turnout", team,
                                "{\"slot\":\"" + TIMES.get(i) + "\",\"voted\":" + per * (i + 1) + "}"));
                    }
                    return statuses;
                }));
            }
            start.countDown();
            for (var f : done) {
                assertThat(f.get()).containsOnly(201);
            }
        } finally {
            pool.shutdownNow();
        }
        String kept = "select commune_code, slot, rise, first_reports from turnout_rollup where election_id = :e"
                + " and (rise <> 0 or first_reports <> 0) order by 1, 2";
        String recomputed = """
                select d.commune_code, x.slot, sum(x.rise), sum(x.first)
                from (select place_day_id, slot, voted - coalesce(lag(voted) over w, 0) as rise,
                             case when lag(voted) over w is null then 1 else 0 end as first
                      from turnout_report window w as (partition by place_day_id order by slot)) x
                join polling_place_day d on d.id = x.place_day_id where d.election_id = :e
                group by 1, 2 order by 1, 2""";
        var row = (org.springframework.jdbc.core.RowMapper<List<Object>>) (rs, i) -> List.of(rs.getString(1),
                rs.getTime(2).toString(), rs.getLong(3), rs.getLong(4));
        List<List<Object>> expected = jdbc.sql(recomputed).param("e", e).query(row).list();
        assertThat(expected).hasSize(5);
        assertThat(jdbc.sql(kept).param("e", e).query(row).list()).containsExactlyElementsOf(expected);
        JsonNode province = read("/api/v1/elections/" + e + "/turnout?unit=22");
        JsonNode commune = read("/api/v1/elections/" + e + "/turnout?unit=" + u.communeCode());
        long voted = 0;
        for (int a = 0; a < 24; a++) {
            voted += (10 + a) * 5L;
        }
        assertThat(commune.get("voted").asLong()).isEqualTo(voted);
        assertThat(province.get("voted").asLong()).isEqualTo(voted);
        assertThat(province.get("reported").asLong()).isEqualTo(24);
        assertThat(province.get("bySlot").toString()).isEqualTo(commune.get("bySlot").toString());
    }

    private int post(String path, RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).with(who)
                        .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse().getStatus();
    }

    private JsonNode read(String path) throws Exception {
        return json.readTree(mvc.perform(get(path).with(admin())).andReturn().getResponse().getContentAsString());
    }

    /**
     * Areas numbered from 3,000,000 in the communes of three provinces (the communes in force that day), 1 to 3 per
     * commune; a fifth never report, the others report at random reporting times with rising figures.
     */
    private List<Place> generate(long e, LocalDate day, Random random) {
        Date d = Date.valueOf(day);
        List<Object[]> communes = jdbc.sql("""
                        select c.id, c.code, c.province_code, p.code, p.level from admin_unit c join admin_unit p on p.id = c.parent_id
                        where c.level = 'COMMUNE' and c.province_code in ('01', '22', '79')
                        and (c.valid_from is null or c.valid_from <= :d) and (c.valid_to is null or c.valid_to > :d)
                        order by c.code""")
                .param("d", d)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)})
                .list();
        List<Place> out = new ArrayList<>();
        int number = 3_000_000;
        for (Object[] c : communes) {
            List<String> chain = "DISTRICT".equals(c[4]) ? List.of((String) c[2], (String) c[3], (String) c[1])
                    : List.of((String) c[2], (String) c[1]);
            for (int a = 0, n = 1 + random.nextInt(3); a < n; a++) {
                long electorate = 200 + random.nextInt(2000);
                long area = jdbc.sql("""
                                insert into polling_area (commune_id, polling_day, number, name, voters)
                                values (:c, :d, :n, 'Khu vực', :v) returning id""")
                        .param("c", c[0]).param("d", d).param("n", number++).param("v", electorate).query(Long.class).single();
                long dayId = jdbc.sql("""
                                insert into polling_place_day (election_id, polling_area_id, commune_code, electorate, opened_at)
                                values (:e, :a, :c, :v, now()) returning id""")
                        .param("e", e).param("a", area).param("c", c[1]).param("v", electorate).query(Long.class).single();
                TreeMap<LocalTime, Long> reports = new TreeMap<>();
                if (random.nextInt(5) > 0) {
                    long voted = 0;
                    for (LocalTime t : TIMES) {
                        voted += random.nextInt((int) (electorate / 6));
                        if (random.nextInt(3) > 0) {
                            reports.put(t, voted);
                        }
                    }
                }
                store(dayId, reports, random);
                out.add(new Place(chain, "pa-" + area, electorate, reports));
            }
        }
        return out;
    }

    /**
     * A place's reports: in one statement, one by one in the order of the day, or one by one in any order (a team may
     * send a late report after a later one), as the database keeps the roll-up whatever the order.
     */
    private void store(long dayId, TreeMap<LocalTime, Long> reports, Random random) {
        String insert = "insert into turnout_report (place_day_id, slot, voted, reported_at, reported_by) values ";
        String row = "(" + dayId + ", '%s', %d, now(), 'test')";
        List<Map.Entry<LocalTime, Long>> rows = new ArrayList<>(reports.entrySet());
        switch (random.nextInt(3)) {
            case 0 -> {
                if (!rows.isEmpty()) {
                    jdbc.sql(insert + String.join(", ", rows.stream().map(r -> row.formatted(r.getKey(), r.getValue()))
                            .toList())).update();
                }
            }
            case 1 -> rows.forEach(r -> jdbc.sql(insert + row.formatted(r.getKey(), r.getValue())).update());
            default -> {
                java.util.Collections.shuffle(rows, random);
                rows.forEach(r -> jdbc.sql(insert + row.formatted(r.getKey(), r.getValue())).update());
            }
        }
    }

    /** Removes some reports (one at a time, and many in one statement), from the database and from the reference. */
    private void removeSome(List<Place> places, Random random) {
        List<String> many = new ArrayList<>();
        for (Place p : places) {
            if (p.reports().isEmpty() || random.nextInt(8) > 0) {
                continue;
            }
            LocalTime slot = new ArrayList<>(p.reports().keySet()).get(random.nextInt(p.reports().size()));
            long day = jdbc.sql("select id from polling_place_day where polling_area_id = :a")
                    .param("a", Long.parseLong(p.key().substring(3))).query(Long.class).single();
            if (random.nextBoolean()) {
                jdbc.sql("delete from turnout_report where place_day_id = :d and slot = :s").param("d", day)
                        .param("s", java.sql.Time.valueOf(slot)).update();
            } else {
                many.add("(" + day + ", time '" + slot + "')");
            }
            p.reports().remove(slot);
        }
        if (!many.isEmpty()) {
            jdbc.sql("delete from turnout_report where (place_day_id, slot) in (" + String.join(", ", many) + ")").update();
        }
    }

    /** The API's roll-up of {@code unit} (null: the nation) against the reference, child by child. */
    private void compare(long e, String unit, List<Place> places, int depth) throws Exception {
        var request = get("/api/v1/elections/" + e + "/turnout").with(admin());
        if (unit != null) {
            request.param("unit", unit);
        }
        JsonNode got = json.readTree(mvc.perform(request).andReturn().getResponse().getContentAsString());
        Map<String, long[]> expected = new TreeMap<>();
        Map<String, Map<LocalTime, Long>> expectedSlots = new HashMap<>();
        for (Place p : places) {
            if (unit != null && !unit.equals(p.chain().get(depth - 1))) {
                continue;
            }
            String child = depth < p.chain().size() ? p.chain().get(depth) : p.key();
            long latest = p.reports().isEmpty() ? 0 : p.reports().lastEntry().getValue();
            long[] v = expected.computeIfAbsent(child, k -> new long[4]);
            v[0]++;
            v[1] += p.electorate();
            v[2] += latest;
            v[3] += p.reports().isEmpty() ? 0 : 1;
            for (LocalTime t : TIMES) {
                var floor = p.reports().floorEntry(t);
                expectedSlots.computeIfAbsent(child, k -> new TreeMap<>()).merge(t, floor == null ? 0 : floor.getValue(),
                        Long::sum);
            }
        }
        assertThat(expected).as("the reference has children under " + unit).isNotEmpty();
        Map<String, JsonNode> children = new TreeMap<>();
        got.get("children").forEach(c -> children.put(c.get("unit").asString(), c));
        assertThat(children.keySet()).as("children of " + unit).containsExactlyElementsOf(expected.keySet());
        long[] total = new long[4];
        for (var x : expected.entrySet()) {
            JsonNode c = children.get(x.getKey());
            long[] v = x.getValue();
            assertThat(new long[] {c.get("places").asLong(), c.get("electorate").asLong(), c.get("voted").asLong(),
                    c.get("reported").asLong()}).as("%s under %s", x.getKey(), unit).containsExactly(v);
            List<Long> slots = new ArrayList<>();
            c.get("bySlot").forEach(s -> slots.add(s.get("voted").asLong()));
            assertThat(slots).as("the curve of %s", x.getKey())
                    .containsExactlyElementsOf(expectedSlots.get(x.getKey()).values());
            if (depth < 2 || !x.getKey().startsWith("pa-")) {
                assertThat(c.get("name").isNull()).as("the name of %s", x.getKey()).isFalse();
            }
            for (int i = 0; i < 4; i++) {
                total[i] += v[i];
            }
        }
        assertThat(new long[] {got.get("places").asLong(), got.get("electorate").asLong(), got.get("voted").asLong(),
                got.get("reported").asLong()}).as("the total of " + unit).containsExactly(total);
    }
}
