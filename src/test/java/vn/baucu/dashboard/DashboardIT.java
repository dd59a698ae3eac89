package vn.baucu.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.baucu.platform.Role;
import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.support.MinutesBodies;
import vn.baucu.support.Pages;
import vn.baucu.support.TestUsers;
import vn.baucu.support.UnitElections;
import vn.baucu.support.VillageElections;

/**
 * The dashboards count what the minutes, polling day and results hold: a province sees its commune's three polling
 * areas (one certified, one whose two entries differ, one not started) and the electoral units, and drills down to the
 * commune, where each polling area is a line; a village head elected but not recognised needs attention until the
 * recognition; the Excel workbook has the page's figures; only those who may read the unit see its dashboard.
 */
@BaucuIntegrationTest
class DashboardIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    UnitElections unitElections;
    @Autowired
    VillageElections villageElections;
    @Autowired
    JsonMapper json;

    JsonNode read(String url, RequestPostProcessor who) throws Exception {
        var response = mvc.perform(get(url).with(who)).andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isEqualTo(200);
        return json.readTree(body);
    }

    void enter(long election, String place, String body, RequestPostProcessor who) throws Exception {
        mvc.perform(post("/api/v1/elections/" + election + "/contests/" + place + "/minutes/entries").with(who)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isCreated());
    }

    long minutesOf(long election, Long area) {
        return jdbc.sql("select id from minutes where election_id = :e and coalesce(polling_area_id, 0) = :a")
                .param("e", election).param("a", area == null ? 0 : area).query(Long.class).single();
    }

    void certify(long election, String place, long minutes, RequestPostProcessor who) throws Exception {
        mvc.perform(post("/api/v1/elections/" + election + "/contests/" + place + "/minutes/" + minutes + "/certification")
                .with(who).header("If-Match", "\"1\"")).andExpect(status().isOk());
    }

    static JsonNode line(JsonNode dashboard, String code) {
        for (JsonNode l : dashboard.get("lines")) {
            if (l.get("code").asString().equals(code)) {
                return l;
            }
        }
        throw new AssertionError("no line " + code + " in " + dashboard.get("lines"));
    }

    @Test
    void aProvinceSeesItsPollingAreasMinutesAndDrillsDownToTheCommune() throws Exception {
        UnitElections.Built u = unitElections.frozen(330, 3);
        RequestPostProcessor province = users.as(Role.PROVINCE_OFFICIAL, "22");
        long e = u.electionId();
        List<Long> areas = u.areas();
        // area 1 certified; area 2 entered twice with different figures; area 3 not started
        for (int i = 0; i < 2; i++) {
            enter(e, "22-1", MinutesBodies.area(u, areas.get(0), 330, 310, 200, 70, 40),
                    users.as(Role.ELECTION_TEAM, u.communeCode(), areas.get(0)));
        }
        certify(e, "22-1", minutesOf(e, areas.get(0)), province);
        enter(e, "22-1", MinutesBodies.area(u, areas.get(1), 330, 300, 150, 100, 50),
                users.as(Role.ELECTION_TEAM, u.communeCode(), areas.get(1)));
        enter(e, "22-1", MinutesBodies.area(u, areas.get(1), 330, 300, 151, 99, 50),
                users.as(Role.ELECTION_TEAM, u.communeCode(), areas.get(1)));
        // area 1 opened and reported 99 voters at 9:00
        String place = "/api/v1/elections/" + e + "/polling-day/pa-" + areas.get(0);
        RequestPostProcessor team = users.as(Role.ELECTION_TEAM, u.communeCode(), areas.get(0));
        mvc.perform(post(place + "/opening").with(team).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"at\":\"2026-03-15T07:00\",\"openedBy\":\"Tổ trưởng\",\"boxShownEmpty\":true}"))
                .andExpect(status().isCreated());
        mvc.perform(post(place + "/turnout").with(team).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).content("{\"slot\":\"09:00\",\"voted\":99}"))
                .andExpect(status().isCreated());

        JsonNode d = read("/api/v1/elections/" + e + "/dashboard?unit=22", province);
        assertThat(d.get("unit").get("code").asString()).isEqualTo("22");
        assertThat(d.get("places").asBoolean()).isFalse();
        JsonNode commune = line(d, u.communeCode());
        assertThat(commune.get("kind").asString()).isEqualTo("UNIT");
        JsonNode m = commune.get("minutes");
        assertThat(m.get("expected").asInt()).isEqualTo(3);
        assertThat(m.get("certified").asInt()).isEqualTo(1);
        assertThat(m.get("different").asInt()).isEqualTo(1);
        assertThat(m.get("notStarted").asInt()).isEqualTo(1);
        // turnout counts the places that have opened (their electorate is fixed when they open)
        assertThat(commune.get("turnout").get("places").asLong()).isEqualTo(1);
        assertThat(commune.get("turnout").get("electorate").asLong()).isEqualTo(330);
        assertThat(commune.get("turnout").get("voted").asLong()).isEqualTo(99);
        assertThat(commune.get("turnout").get("reported").asLong()).isEqualTo(1);
        // the sum of the lines is the total
        int expected = 0;
        int certified = 0;
        for (JsonNode l : d.get("lines")) {
            expected += l.get("minutes").get("expected").asInt();
            certified += l.get("minutes").get("certified").asInt();
        }
        assertThat(d.get("total").get("minutes").get("expected").asInt()).isEqualTo(expected);
        assertThat(d.get("total").get("minutes").get("certified").asInt()).isEqualTo(certified).isEqualTo(1);
        // the electoral units of the province, each with its own minutes
        JsonNode unit1 = d.get("contests").get(0);
        assertThat(unit1.get("place").asString()).isEqualTo("22-1");
        assertThat(unit1.get("status").asString()).isEqualTo("REPORTED");
        assertThat(unit1.get("minutes").get("expected").asInt()).isEqualTo(3);
        assertThat(unit1.get("minutes").get("certified").asInt()).isEqualTo(1);
        assertThat(d.get("contests").get(1).get("place").asString()).isEqualTo("22-2");
        // what needs attention: the differing entries, with the polling area to resolve
        List<String> attention = new ArrayList<>();
        d.get("attention").forEach(a -> attention.add(a.get("kind").asString() + ":" + a.get("place").asString()));
        assertThat(attention).contains("MINUTES_DIFFERENT:pa-" + areas.get(1));
        assertThat(d.get("attentionTotal").asInt()).isEqualTo(d.get("attention").size());
        assertThat(d.get("turnoutCurve").get(0).get("slot").asString()).startsWith("09:00");

        // drilling down: the commune's polling areas, one line each
        JsonNode c = read("/api/v1/elections/" + e + "/dashboard?unit=" + u.communeCode(), province);
        assertThat(c.get("places").asBoolean()).isTrue();
        assertThat(c.get("trail").get(0).get("code").asString()).isEqualTo("22");
        assertThat(c.get("lines")).hasSize(3);
        assertThat(line(c, "pa-" + areas.get(0)).get("minutes").get("certified").asInt()).isEqualTo(1);
        assertThat(line(c, "pa-" + areas.get(0)).get("turnout").get("voted").asLong()).isEqualTo(99);
        assertThat(line(c, "pa-" + areas.get(1)).get("minutes").get("different").asInt()).isEqualTo(1);
        assertThat(line(c, "pa-" + areas.get(2)).get("minutes").get("notStarted").asInt()).isEqualTo(1);
        assertThat(c.get("total").get("minutes").get("expected").asInt()).isEqualTo(3);
        // the commune official's own dashboard is the commune's
        assertThat(read("/api/v1/elections/" + e + "/dashboard", users.as(Role.COMMUNE_OFFICIAL, u.communeCode()))
                .get("unit").get("code").asString()).isEqualTo(u.communeCode());

        // the page: every line drills down, the Excel and big-screen links, the live stream to listen to
        Cookie session = Pages.login(mvc, users.create(Role.PROVINCE_OFFICIAL, "22", null), TestUsers.PASSWORD);
        String page = mvc.perform(get("/elections/" + e + "/dashboard").cookie(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("href=\"/elections/" + e + "/dashboard?unit=" + u.communeCode() + "\"")
                .contains("/api/v1/elections/" + e + "/dashboard.xlsx?unit=22")
                .contains("/elections/" + e + "/dashboard/screen?unit=22")
                .contains("data-live=\"/api/v1/elections/" + e + "/live?unit=22\"")
                .contains("id=\"minutes-table\"").contains("id=\"curve-table\"");
        String panel = mvc.perform(get("/elections/" + e + "/dashboard/panel?unit=" + u.communeCode()).cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(panel).startsWith("<div id=\"panel\"").contains("/elections/" + e + "/polling-day/pa-" + areas.get(2));
        mvc.perform(get("/elections/" + e + "/dashboard/screen?unit=22").cookie(session)).andExpect(status().isOk());

        // Excel: the same figures as the JSON, a sheet per table
        byte[] xlsx = mvc.perform(get("/api/v1/elections/" + e + "/dashboard.xlsx?unit=22").with(province))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> sheets = wb.getSheets().map(Sheet::getName).toList();
            assertThat(sheets).containsExactly("Theo đơn vị", "Đi bầu trong ngày", "Đơn vị bầu cử", "Lịch", "Cần chú ý");
            List<Row> rows = wb.getFirstSheet().read();
            Row row = rows.stream().filter(r -> u.communeCode().equals(r.getCellText(0))).findFirst().orElseThrow();
            assertThat(row.getCellAsNumber(2).orElseThrow().intValue()).isEqualTo(3);
            assertThat(row.getCellAsNumber(8).orElseThrow().intValue()).isEqualTo(1);
            assertThat(row.getCellAsNumber(12).orElseThrow().longValue()).isEqualTo(99);
            Row total = rows.get(rows.size() - 1);
            assertThat(total.getCellText(1)).isEqualTo("Tổng");
            assertThat(total.getCellAsNumber(2).orElseThrow().intValue()).isEqualTo(d.get("total").get("minutes").get("expected").asInt());
        }
    }

    /** Issue 13: the composition of those elected against the plan, on the dashboard (JSON and page). */
    @Test
    void theCompositionOfThoseElectedIsShownAgainstThePlan() throws Exception {
        UnitElections.Built u = unitElections.frozen(300, 1);
        long e = u.electionId();
        RequestPostProcessor province = users.as(Role.PROVINCE_OFFICIAL, "22");
        mvc.perform(put("/api/v1/elections/" + e + "/composition-plan").with(vn.baucu.support.Api.admin())
                .contentType(MediaType.APPLICATION_JSON).content("{\"WOMEN\":40,\"PARTY_MEMBER\":50}"))
                .andExpect(status().is2xxSuccessful());
        assertThat(read("/api/v1/elections/" + e + "/dashboard?unit=22", province).get("composition")).as("nobody elected yet")
                .isEmpty();
        long area = u.areas().get(0);
        for (int i = 0; i < 2; i++) {
            enter(e, "22-1", MinutesBodies.area(u, area, 300, 280, 200, 50, 30), users.as(Role.ELECTION_TEAM, u.communeCode(), area));
        }
        certify(e, "22-1", minutesOf(e, area), province);
        JsonNode d = read("/api/v1/elections/" + e + "/dashboard?unit=22", province);
        java.util.Map<String, JsonNode> items = new java.util.HashMap<>();
        d.get("composition").forEach(c -> items.put(c.get("item").asString(), c));
        // one man elected (the first name), a Party member: women 0 of 1 against 40%, Party members 1 of 1 against 50%
        assertThat(items.get("WOMEN").get("count").asInt()).isZero();
        assertThat(items.get("WOMEN").get("of").asInt()).isEqualTo(1);
        assertThat(items.get("WOMEN").get("percent").asString()).isEqualTo("0.00");
        assertThat(items.get("WOMEN").get("plan").asInt()).isEqualTo(40);
        assertThat(items.get("WOMEN").get("belowPlan").asBoolean()).isTrue();
        assertThat(items.get("PARTY_MEMBER").get("belowPlan").asBoolean()).isFalse();
        assertThat(items.get("INCUMBENT").get("plan").isNull()).isTrue();
        // an NA deputy is the electoral unit's, which is the province's: a commune's dashboard elects nobody of its own
        assertThat(read("/api/v1/elections/" + e + "/dashboard?unit=" + u.communeCode(), province).get("composition"))
                .isEmpty();
        // the page names what falls short
        Cookie session = Pages.login(mvc, users.create(Role.PROVINCE_OFFICIAL, "22", null), TestUsers.PASSWORD);
        String page = mvc.perform(get("/elections/" + e + "/dashboard?unit=22").cookie(session).header("Accept-Language", "vi"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"composition-table\"").contains("Thấp hơn kế hoạch").contains("data-item=\"WOMEN\"");
        byte[] xlsx = mvc.perform(get("/api/v1/elections/" + e + "/dashboard.xlsx?unit=22").with(province)
                .header("Accept-Language", "vi")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheets().filter(x -> x.getName().equals("Cơ cấu trúng cử")).findFirst().orElseThrow();
            var rows = sheet.read();
            assertThat(rows.stream().filter(row -> "Nữ".equals(row.getCellText(0))).findFirst().orElseThrow().getCellText(5))
                    .isEqualTo("Thấp hơn kế hoạch");
        }
    }

    @Test
    void onlyThoseWhoMayReadTheUnitSeeItsDashboard() throws Exception {
        UnitElections.Built u = unitElections.frozen(300, 1);
        long e = u.electionId();
        String other = jdbc.sql("""
                        select code from admin_unit where level = 'COMMUNE' and province_code = '22' and code <> :c
                          and (valid_to is null or valid_to > :d) and (valid_from is null or valid_from <= :d) limit 1""")
                .param("c", u.communeCode()).param("d", java.sql.Date.valueOf(UnitElections.DAY)).query(String.class).single();
        String dashboard = "/api/v1/elections/" + e + "/dashboard?unit=";
        mvc.perform(get(dashboard + u.communeCode()).with(users.as(Role.COMMUNE_OFFICIAL, other))).andExpect(status().isForbidden());
        mvc.perform(get(dashboard + "22").with(users.as(Role.COMMUNE_OFFICIAL, u.communeCode()))).andExpect(status().isForbidden());
        mvc.perform(get(dashboard + u.communeCode()).with(users.as(Role.PROVINCE_OFFICIAL, "01"))).andExpect(status().isForbidden());
        mvc.perform(get(dashboard + u.communeCode()).with(users.as(Role.OBSERVER, "22"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/elections/" + e + "/live?unit=" + u.communeCode())
                .with(users.as(Role.COMMUNE_OFFICIAL, other))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/elections/" + e + "/dashboard.xlsx?unit=22").with(users.as(Role.PROVINCE_OFFICIAL, "01")))
                .andExpect(status().isForbidden());
        mvc.perform(get(dashboard + "22")).andExpect(status().isUnauthorized());
    }

    @Test
    void aVillageHeadElectedButNotRecognisedNeedsAttentionUntilTheDecision() throws Exception {
        VillageElections.Built v = villageElections.frozen(60);
        RequestPostProcessor commune = users.as(Role.COMMUNE_OFFICIAL, v.communeCode());
        long e = v.electionId();
        String body = MinutesBodies.village(v, 60, 50, 49, 1, 40, 9, "");
        enter(e, v.villageCode(), body, users.as(Role.ELECTION_TEAM, v.villageCode()));
        enter(e, v.villageCode(), body, users.as(Role.ELECTION_TEAM, v.villageCode()));
        certify(e, v.villageCode(), minutesOf(e, null), commune);

        JsonNode d = read("/api/v1/elections/" + e + "/dashboard", commune);
        assertThat(d.get("unit").get("code").asString()).isEqualTo(v.communeCode());
        JsonNode village = line(d, v.villageCode());
        assertThat(village.get("kind").asString()).isEqualTo("VILLAGE");
        assertThat(village.get("minutes").get("certified").asInt()).isEqualTo(1);
        assertThat(village.get("outcomes").get("elected").asInt()).isEqualTo(1);
        assertThat(village.get("outcomes").get("pendingRecognition").asInt()).isEqualTo(1);
        assertThat(d.get("attention").toString()).contains("RECOGNITION_PENDING").contains(v.villageCode());
        // the province's dashboard counts the same village under its commune
        JsonNode p = read("/api/v1/elections/" + e + "/dashboard?unit=" + VillageElections.PROVINCE,
                users.as(Role.PROVINCE_OFFICIAL, VillageElections.PROVINCE));
        JsonNode communeLine = line(p, p.get("lines").get(0).get("code").asString());
        assertThat(p.get("total").get("outcomes").get("elected").asInt()).isEqualTo(1);
        assertThat(communeLine.get("outcomes").get("pendingRecognition").asInt()).isEqualTo(1);

        mvc.perform(post("/api/v1/elections/" + e + "/contests/" + v.villageCode() + "/recognition").with(commune)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decisionNo\":\"15/QĐ-UBND\",\"decidedOn\":\"2022-06-08\",\"signedBy\":\"Chủ tịch UBND xã\"}"))
                .andExpect(status().isCreated());
        d = read("/api/v1/elections/" + e + "/dashboard", commune);
        assertThat(line(d, v.villageCode()).get("outcomes").get("recognised").asInt()).isEqualTo(1);
        assertThat(line(d, v.villageCode()).get("outcomes").get("pendingRecognition").asInt()).isZero();
        assertThat(d.get("attention").toString()).doesNotContain("RECOGNITION_PENDING");
        // a village asked for as the unit is its polling-day page
        Cookie session = Pages.login(mvc, users.create(Role.COMMUNE_OFFICIAL, v.communeCode(), null), TestUsers.PASSWORD);
        mvc.perform(get("/elections/" + e + "/dashboard?unit=" + v.villageCode()).cookie(session))
                .andExpect(status().is3xxRedirection());
    }
}
