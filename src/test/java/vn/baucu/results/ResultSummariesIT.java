package vn.baucu.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.baucu.platform.Role;
import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.support.MinutesBodies;
import vn.baucu.support.TestUsers;
import vn.baucu.support.UnitElections;

/**
 * An NA electoral unit with three polling areas adds up through the board's result minutes (Điều 77) to the provincial
 * committee's (Điều 83) and the national summary (Điều 84); a corrected polling-area minutes changes the unit's result
 * and both summaries; each level is checked against the sum of the level below, and a stored result that no longer
 * equals its minutes is reported, not hidden.
 */
@BaucuIntegrationTest
class ResultSummariesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    UnitElections unitElections;
    @Autowired
    JsonMapper json;

    JsonNode read(String url, RequestPostProcessor who) throws Exception {
        return json.readTree(mvc.perform(get(url).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    void enterTwiceAndCertify(UnitElections.Built u, long area, String body, int version, RequestPostProcessor province)
            throws Exception {
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/elections/" + u.electionId() + "/contests/22-1/minutes/entries")
                    .with(users.as(Role.ELECTION_TEAM, u.communeCode(), area))
                    .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                    .content(body)).andExpect(status().isCreated());
        }
        long id = jdbc.sql("select id from minutes where election_id = :e and polling_area_id = :a")
                .param("e", u.electionId()).param("a", area).query(Long.class).single();
        mvc.perform(post("/api/v1/elections/" + u.electionId() + "/contests/22-1/minutes/" + id + "/certification")
                .with(province).header("If-Match", "\"" + version + "\"")).andExpect(status().isOk());
    }

    @Test
    void threePollingAreasAddUpThroughTheBoardTheCommitteeAndTheNation() throws Exception {
        UnitElections.Built u = unitElections.frozen(330, 3);
        RequestPostProcessor province = users.as(Role.PROVINCE_OFFICIAL, "22");
        long[][] figures = {{330, 310, 200, 70, 40}, {330, 300, 150, 100, 50}, {330, 320, 180, 90, 50}};
        for (int a = 0; a < 3; a++) {
            long[] f = figures[a];
            enterTwiceAndCertify(u, u.areas().get(a), MinutesBodies.area(u, u.areas().get(a), f[0], f[1], f[2], f[3], f[4]),
                    1, province);
        }
        String committee = "/api/v1/elections/" + u.electionId() + "/summaries/committee?unit=22";
        JsonNode s = read(committee, users.as(Role.OBSERVER, "22"));
        assertThat(s.get("legalBasis").asString()).contains("Điều 83");
        assertThat(s.get("electoralUnits").asInt()).isEqualTo(2);
        assertThat(s.get("certified").asInt()).as("unit 2 has no polling areas yet").isEqualTo(1);
        assertThat(s.get("complete").asBoolean()).isFalse();
        assertThat(s.get("electorate").asLong()).isEqualTo(990);
        assertThat(s.get("participants").asLong()).isEqualTo(930);
        assertThat(s.get("validBallots").asLong()).isEqualTo(930);
        assertThat(s.get("turnoutPercent").asString()).isEqualTo("93.94");
        assertThat(s.get("check").get("consistent").asBoolean()).isTrue();
        JsonNode unit = s.get("units").get(0);
        assertThat(unit.get("place").asString()).isEqualTo("22-1");
        // 530 of 930 valid ballots: An is elected with 56.99%
        assertThat(unit.get("elected").get(0).get("name").asString()).isEqualTo("Nguyễn Văn An");
        assertThat(unit.get("elected").get(0).get("votes").asLong()).isEqualTo(530);
        assertThat(unit.get("elected").get(0).get("percent").asString()).isEqualTo("56.99");

        String national = "/api/v1/elections/" + u.electionId() + "/summaries/national";
        JsonNode n = read(national, province);
        assertThat(n.get("legalBasis").asString()).contains("Điều 84");
        assertThat(n.get("provinces").size()).isEqualTo(1);
        assertThat(n.get("participants").asLong()).isEqualTo(930);
        assertThat(n.get("seatsFilled").asLong()).isEqualTo(1);

        // a corrected polling-area minutes: area 2 counted again, An falls to 430 of 930 and nobody is elected
        long second = jdbc.sql("select id from minutes where election_id = :e and polling_area_id = :a")
                .param("e", u.electionId()).param("a", u.areas().get(1)).query(Long.class).single();
        mvc.perform(post("/api/v1/elections/" + u.electionId() + "/contests/22-1/minutes/" + second + "/corrections")
                .with(province).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"Kiểm phiếu lại\",\"decision\":\"QĐ 12/QĐ-UBBC\"}")).andExpect(status().isCreated());
        enterTwiceAndCertify(u, u.areas().get(1), MinutesBodies.area(u, u.areas().get(1), 330, 300, 50, 200, 50), 2, province);
        s = read(committee, province);
        unit = s.get("units").get(0);
        assertThat(unit.get("outcome").asString()).isEqualTo("NONE_ELECTED");
        assertThat(unit.get("elected").size()).isZero();
        assertThat(unit.get("followUp").get("kind").asString()).isEqualTo("ADDITIONAL_ELECTION");
        assertThat(unit.get("followUp").get("latestDate").asString()).isEqualTo("2026-03-22");
        assertThat(s.get("seatsFilled").asLong()).isZero();
        assertThat(read(national, province).get("seatsFilled").asLong()).isZero();
        assertThat(s.get("check").get("consistent").asBoolean()).isTrue();

        // a stored result that no longer equals its minutes is caught at the level above, field by field
        jdbc.sql("""
                update contest_result set figures = jsonb_set(figures, '{participants}', to_jsonb(931))
                where election_id = :e""").param("e", u.electionId()).update();
        s = read(committee, province);
        assertThat(s.get("check").get("consistent").asBoolean()).isFalse();
        assertThat(s.get("check").get("differences").get(0).get("field").asString()).isEqualTo("participants");
        assertThat(s.get("check").get("differences").get(0).get("pollingAreas").asLong()).isEqualTo(930);
        assertThat(read(national, province).get("check").get("consistent").asBoolean()).isFalse();
        // the recomputation on demand (a national election: the system administrator) puts it right
        mvc.perform(post("/api/v1/elections/" + u.electionId() + "/results/recomputation").with(vn.baucu.support.Api.admin()))
                .andExpect(status().isOk());
        assertThat(read(committee, province).get("check").get("consistent").asBoolean()).isTrue();

        // the documents
        for (String pdfUrl : new String[] {committee.replace("committee?", "committee.pdf?"), national + ".pdf"}) {
            byte[] pdf = mvc.perform(get(pdfUrl).with(province)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsByteArray();
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/documents"));
            java.nio.file.Files.write(java.nio.file.Path.of("target/documents/summary-"
                    + (pdfUrl.contains("national") ? "national" : "committee") + ".pdf"), pdf);
            assertThat(vn.baucu.support.Golden.pdfText(pdf)).contains("BIÊN BẢN").contains("93.94").contains("15/03/2026")
                    .contains("Luật 85/2015/QH13");
        }
        // another province's official reads nothing of it
        mvc.perform(get(committee).with(users.as(Role.COMMUNE_OFFICIAL, "00004"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/elections/" + u.electionId() + "/summaries/committee?unit=01")
                .with(users.as(Role.PROVINCE_OFFICIAL, "01"))).andExpect(status().isNotFound());
    }
}
