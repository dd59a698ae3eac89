package vn.baucu.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.baucu.support.Api.admin;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.baucu.geography.AdminUnit;
import vn.baucu.geography.AdminUnits;
import vn.baucu.platform.Role;
import vn.baucu.rules.RuleSet;
import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.support.MinutesBodies;
import vn.baucu.support.TestUsers;
import vn.baucu.support.UnitElections;

/**
 * The units of a results document (contracts/results.md: every administrative unit of the scope down to the commune,
 * each summing the polling areas inside it for NA and HĐND) against a reference built here from each certified
 * minutes' commune and that commune's ancestors as the geography module gives them: a national election on a day with
 * districts (2016, two provinces), and a provincial HĐND election (2026) beside the NA election over the same areas,
 * whose committees' summaries sum the same minutes afresh.
 */
@BaucuIntegrationTest
class ResultsUnitsIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    UnitElections unitElections;
    @Autowired
    AdminUnits units;

    final JsonMapper json = new JsonMapper();

    /**
     * Each polling area's minutes entered twice and certified by its commune: electorate {@code voters}, 9 in 10 voted,
     * two complaints received, one settled and one forwarded.
     */
    void certify(UnitElections.Built u, int voters) throws Exception {
        RequestPostProcessor commune = users.as(Role.COMMUNE_OFFICIAL, u.communeCode());
        int voted = voters * 9 / 10;
        for (long area : u.areas()) {
            String body = MinutesBodies.area(u, area, voters, voted, voted / 2, voted / 3, voted - voted / 2 - voted / 3)
                    .replace("\"invalidBallots\":0,", "\"invalidBallots\":0,\"complaints\":{\"received\":2,\"settled\":1,\"forwarded\":1},");
            assertThat(body).contains("\"complaints\"");
            for (int i = 0; i < 2; i++) {
                mvc.perform(post("/api/v1/elections/" + u.electionId() + "/contests/" + u.contest() + "/minutes/entries")
                        .with(users.as(Role.ELECTION_TEAM, u.communeCode(), area))
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content(body)).andExpect(status().isCreated());
            }
            long id = jdbc.sql("""
                            select m.id from minutes m join contest c on c.id = m.contest_id
                            where m.election_id = :e and m.polling_area_id = :a and c.place_code = :p""")
                    .param("e", u.electionId()).param("a", area).param("p", u.contest()).query(Long.class).single();
            mvc.perform(post("/api/v1/elections/" + u.electionId() + "/contests/" + u.contest() + "/minutes/" + id
                    + "/certification").with(commune).header("If-Match", "\"1\"")).andExpect(status().isOk());
        }
    }

    /** The document's units as "code level parent name | contests certified filled electorate participants". */
    List<String> documentUnits(long election) throws Exception {
        String body = mvc.perform(get("/api/v1/elections/" + election + "/results").with(admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        for (JsonNode u : json.readTree(body).get("units")) {
            out.add(u.get("code").asString() + " " + u.get("level").asString() + " " + (u.get("parentCode").isNull() ? "null" : u.get("parentCode").asString()) + " "
                    + u.get("name").asString() + " | " + u.get("contests").asLong() + " " + u.get("certified").asLong() + " "
                    + u.get("seatsFilled").asLong() + " " + u.get("electorate").asLong() + " " + u.get("participants").asLong());
        }
        return out;
    }

    /**
     * The reference: every certified minutes of the election counted in its commune and in each of the commune's
     * ancestors at or below {@code scope} (null: all of them), in the order of the contract (by level, then code).
     */
    List<String> reference(long election, LocalDate day, String scope) {
        Map<String, long[]> sums = new TreeMap<>();
        Map<String, AdminUnit> known = new TreeMap<>();
        jdbc.sql("""
                        select m.commune_code, (v.figures ->> 'electorate')::bigint, (v.figures ->> 'participants')::bigint
                        from minutes m join minutes_version v on v.minutes_id = m.id and v.version = m.version
                        where m.election_id = :e and v.certified_at is not null""")
                .param("e", election).query((rs, i) -> {
                    AdminUnit commune = units.find(rs.getString(1), day).orElseThrow();
                    List<AdminUnit> chain = new ArrayList<>(units.ancestors(commune));
                    chain.add(commune);
                    boolean in = scope == null;
                    for (AdminUnit u : chain) {
                        in |= u.code().equals(scope);
                        if (in) {
                            known.put(u.code(), u);
                            long[] s = sums.computeIfAbsent(u.code(), k -> new long[2]);
                            s[0] += rs.getLong(2);
                            s[1] += rs.getLong(3);
                        }
                    }
                    return null;
                }).list();
        return known.values().stream()
                .sorted(java.util.Comparator.comparing((AdminUnit u) -> u.level().ordinal()).thenComparing(AdminUnit::code))
                .map(u -> u.code() + " " + u.level().name() + " " + u.parentCode() + " " + u.name() + " | 0 0 0 "
                        + sums.get(u.code())[0] + " " + sums.get(u.code())[1])
                .toList();
    }

    @Test
    void aNationalElectionOnADayWithDistrictsSumsEachProvinceDistrictAndCommune() throws Exception {
        LocalDate day = LocalDate.of(2016, 5, 22);
        List<UnitElections.Built> built = unitElections.nationalIn(RuleSet.NATIONAL_ASSEMBLY_2015, day, List.of("22", "92"), 300);
        for (UnitElections.Built b : built) {
            certify(b, 300);
        }
        long election = built.get(0).electionId();
        List<String> expected = reference(election, day, null);
        assertThat(expected).as("a province, a district and a commune per province").hasSize(6);
        assertThat(expected.stream().filter(l -> l.contains(" DISTRICT "))).hasSize(2);
        assertThat(documentUnits(election)).containsExactlyElementsOf(expected);

        // the public portal shows the same units one level at a time: the nation its provinces, each province its
        // district and its electoral unit, each district its commune, each commune its figures
        mvc.perform(post("/api/v1/elections/" + election + "/results/publications").with(admin()))
                .andExpect(status().isCreated());
        String nation = page("/portal/results/" + election);
        assertThat(unitRows(nation)).containsExactly("22", "92");
        assertThat(nation).doesNotContain("id=\"contests\"").contains("id=\"choose-unit\"");
        List<String> seen = new ArrayList<>();
        for (String province : unitRows(nation)) {
            String p = page("/portal/results/" + election + "/units/" + province + "?version=1");
            String provinceName = units.find(province, day).orElseThrow().name();
            assertThat(p).as("the page says where it is").contains("Kết quả tại " + provinceName + ": ");
            List<String> districts = unitRows(p);
            assertThat(districts).hasSize(1);
            assertThat(p).as("the province's electoral unit is listed in it").contains("data-place=\"");
            seen.add(province);
            for (String district : districts) {
                String d = page("/portal/results/" + election + "/units/" + district + "?version=1");
                assertThat(d).as("the crumbs lead back up").contains("/portal/results/" + election + "/units/" + province + "?version=1");
                seen.add(district);
                for (String commune : unitRows(d)) {
                    String c = page("/portal/results/" + election + "/units/" + commune + "?version=1");
                    assertThat(unitRows(c)).isEmpty();
                    // the commune's page gives its own row of the document: 300 voters, 270 took part
                    assertThat(c).contains("270 trên tổng số 300");
                    seen.add(commune);
                }
            }
        }
        assertThat(seen).as("every unit of the document reached from the national page")
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(l -> l.substring(0, l.indexOf(' '))).toList());
        mvc.perform(get("/portal/results/" + election + "/units/99999")).andExpect(status().isNotFound());
    }

    String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The codes of the unit rows of a portal page, in order. */
    static List<String> unitRows(String html) {
        List<String> out = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("data-unit=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void aProvincialCouncilShowsItsProvinceAndCommunesAndTheNationalAssemblyTheSame() throws Exception {
        UnitElections.Built na = unitElections.frozen(300, 3);
        UnitElections.Built council = unitElections.councilOver(na);
        certify(na, 300);
        certify(council, 300);
        List<String> expected = reference(council.electionId(), UnitElections.DAY, "22");
        assertThat(expected).as("the province and the commune").hasSize(2);
        assertThat(expected.get(1)).endsWith(" 900 810");
        assertThat(documentUnits(council.electionId())).containsExactlyElementsOf(expected);
        assertThat(documentUnits(na.electionId())).containsExactlyElementsOf(reference(na.electionId(), UnitElections.DAY, null));

        // the committees' summaries check each unit against its polling areas, summed afresh, complaints included
        for (long election : new long[] {na.electionId(), council.electionId()}) {
            JsonNode s = json.readTree(mvc.perform(get("/api/v1/elections/" + election + "/summaries/committee?unit=22")
                    .with(admin())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
            assertThat(s.get("check").get("consistent").asBoolean()).isTrue();
            assertThat(s.get("electorate").asLong()).isEqualTo(900);
            assertThat(s.get("participants").asLong()).isEqualTo(810);
            assertThat(List.of(s.get("complaints").get("received").asLong(), s.get("complaints").get("settled").asLong(),
                    s.get("complaints").get("forwarded").asLong())).containsExactly(6L, 3L, 3L);
        }
    }
}
