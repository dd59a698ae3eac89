package vn.baucu.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.baucu.platform.Role;
import vn.baucu.rules.RuleSet;
import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.support.MinutesBodies;
import vn.baucu.support.TestUsers;
import vn.baucu.support.UnitElections;

/**
 * The 2016 National Assembly election (22/5/2016, Law 85 as first enacted) through the application, scaled down to one
 * single-seat unit per province (law.md §2.12: an additional election in Cần Thơ on 29/5/2016, seven days later; 496 of
 * 500 elected in the end, four provinces one deputy short). Bắc Kạn elects its deputy; Cần Thơ, Lâm Đồng, Sóc Trăng and
 * Sơn La elect nobody, so each result calls for an additional election by 6/6/2016 (15 days before the 2025
 * amendment). Cần Thơ holds it on 29/5 and again elects nobody: no second additional election (Điều 79 khoản 3). For the
 * other three the National Election Council decides to hold none (Điều 79 khoản 1). The committee summaries and the
 * national summary wait for those decisions and then finish with 1 of 5 seats filled and 4 vacant.
 */
@BaucuIntegrationTest
class AdditionalElections2016IT {

    static final LocalDate DAY = LocalDate.of(2016, 5, 22);
    static final List<String> PROVINCES = List.of("06", "92", "68", "94", "14");

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

    /** Two team members enter the area's minutes and the province certifies them. */
    void count(UnitElections.Built u, String province, long a, long b, long c) throws Exception {
        long area = u.areas().get(0);
        String body = MinutesBodies.area(u, area, u.voters(), a + b + c, a, b, c);
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/elections/" + u.electionId() + "/contests/" + u.contest() + "/minutes/entries")
                    .with(users.as(Role.ELECTION_TEAM, u.communeCode(), area))
                    .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                    .content(body)).andExpect(status().isCreated());
        }
        long id = jdbc.sql("select id from minutes where election_id = :e and polling_area_id = :a")
                .param("e", u.electionId()).param("a", area).query(Long.class).single();
        mvc.perform(post("/api/v1/elections/" + u.electionId() + "/contests/" + u.contest() + "/minutes/" + id
                + "/certification").with(users.as(Role.PROVINCE_OFFICIAL, province)).header("If-Match", "\"1\""))
                .andExpect(status().isOk());
    }

    String unheld(String ref, String on, String reason) {
        return "{\"decisionRef\":\"%s\",\"decidedOn\":\"%s\",\"reason\":\"%s\"}".formatted(ref, on, reason);
    }

    @Test
    void cầnThơHoldsItsAdditionalElectionTheOthersAreLeftVacantAndTheNationFinishesWithFourSeatsShort() throws Exception {
        List<UnitElections.Built> built = unitElections.nationalIn(RuleSet.NATIONAL_ASSEMBLY_2015, DAY, PROVINCES, 300);
        long election = built.get(0).electionId();
        RequestPostProcessor nation = vn.baucu.support.Api.admin();
        // Bắc Kạn: 170 of 290 valid ballots elect An; the others: 45%, 32%, 23%, nobody above half
        count(built.get(0), "06", 170, 80, 40);
        for (int p = 1; p < PROVINCES.size(); p++) {
            count(built.get(p), PROVINCES.get(p), 130, 93, 67);
        }
        String national = "/api/v1/elections/" + election + "/summaries/national";
        JsonNode n = read(national, nation);
        assertThat(n.get("legalBasis").asString()).isEqualTo("Luật 85/2015/QH13, Điều 84");
        assertThat(n.get("certified").asInt()).isEqualTo(5);
        assertThat(n.get("seatsFilled").asLong()).isEqualTo(1);
        assertThat(n.get("followUpsPending").asInt()).as("four additional elections neither held nor decided against")
                .isEqualTo(4);
        assertThat(n.get("complete").asBoolean()).isFalse();
        assertThat(n.get("vacantSeats").isNull()).isTrue();
        String cầnThơ = "/api/v1/elections/" + election + "/summaries/committee?unit=92";
        JsonNode unit = read(cầnThơ, users.as(Role.PROVINCE_OFFICIAL, "92")).get("units").get(0);
        assertThat(unit.get("followUp").get("kind").asString()).isEqualTo("ADDITIONAL_ELECTION");
        assertThat(unit.get("followUp").get("latestDate").asString()).as("15 days under Law 85 as first enacted")
                .isEqualTo("2016-06-06");
        assertThat(unit.get("followUp").get("decision").get("held").isNull()).isTrue();

        // Cần Thơ: the additional election on 29/5/2016, seven days after, with the first round's list and candidates
        String followUp = "/api/v1/elections/" + election + "/contests/92-1/follow-up";
        String created = mvc.perform(post(followUp).with(users.as(Role.PROVINCE_OFFICIAL, "92"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"electionDay\":\"2016-05-29\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long again = Long.parseLong(created.replaceAll(".*?\"id\":(\\d+).*", "$1"));
        // once started it cannot also be decided against
        mvc.perform(post(followUp + "/unheld").with(nation).contentType(MediaType.APPLICATION_JSON)
                        .content(unheld("NQ 1/NQ-HĐBCQG (kiểm thử)", "2016-05-25", "Thử")))
                .andExpect(status().isConflict());
        assertThat(read(cầnThơ, nation).get("units").get(0).get("followUp").get("decision").get("status").asString())
                .isEqualTo("NOT_REPORTED");
        mvc.perform(post("/api/v1/elections/" + again + "/freeze").with(nation)).andExpect(status().isOk());
        List<Long> areas = jdbc.sql("select polling_area_id from voter_list where election_id = :e").param("e", again)
                .query(Long.class).list();
        List<Long> ids = jdbc.sql("select id from candidate where election_id = :e order by list_position")
                .param("e", again).query(Long.class).list();
        UnitElections.Built second = new UnitElections.Built(again, "92-1", built.get(1).communeCode(), areas, ids, 300);
        // 44%, 34%, 22%: again nobody above half, and the law allows no further additional election
        count(second, "92", 120, 93, 60);
        mvc.perform(get("/api/v1/elections/" + again + "/results").with(nation))
                .andExpect(jsonPath("$.election.ruleSet").value("NATIONAL_ASSEMBLY_2015"))
                .andExpect(jsonPath("$.contests[0].outcome").value("NONE_ELECTED"))
                .andExpect(jsonPath("$.contests[0].followUp.kind").value("NONE"));
        mvc.perform(post("/api/v1/elections/" + again + "/contests/92-1/follow-up").with(nation)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"electionDay\":\"2016-06-05\"}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.violations[0].code").value("H-104"));

        // Lâm Đồng, Sóc Trăng, Sơn La: the National Election Council holds no additional election
        String lâmĐồng = "/api/v1/elections/" + election + "/contests/68-1/follow-up/unheld";
        // a commune official may not record it; a decision needs its reference, a date from election day and a reason
        mvc.perform(post(lâmĐồng).with(users.as(Role.COMMUNE_OFFICIAL, built.get(2).communeCode()))
                        .contentType(MediaType.APPLICATION_JSON).content(unheld("NQ 1", "2016-05-25", "Lý do")))
                .andExpect(status().isForbidden());
        mvc.perform(post(lâmĐồng).with(nation).contentType(MediaType.APPLICATION_JSON)
                        .content(unheld(" ", "2016-05-20", "")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[*].code", Matchers.contains("H-111")));
        // Bắc Kạn's seat is filled: there is nothing to decide against
        mvc.perform(post("/api/v1/elections/" + election + "/contests/06-1/follow-up/unheld").with(nation)
                        .contentType(MediaType.APPLICATION_JSON).content(unheld("NQ 1", "2016-05-25", "Lý do")))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.violations[0].code").value("H-110"));
        for (String province : List.of("68", "94", "14")) {
            mvc.perform(post("/api/v1/elections/" + election + "/contests/" + province + "-1/follow-up/unheld")
                            .with(nation).contentType(MediaType.APPLICATION_JSON)
                            .content(unheld("NQ 1/NQ-HĐBCQG (kiểm thử)", "2016-05-26",
                                    "Không tổ chức bầu cử thêm; khuyết một đại biểu")))
                    .andExpect(status().isCreated()).andExpect(jsonPath("$.legalBasis").value("Luật 85/2015/QH13, Điều 79 khoản 1"));
        }
        // recorded once; and an additional election can no longer be started there
        mvc.perform(post(lâmĐồng).with(nation).contentType(MediaType.APPLICATION_JSON)
                        .content(unheld("NQ 2", "2016-05-27", "Lần nữa")))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/elections/" + election + "/contests/68-1/follow-up").with(nation)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"electionDay\":\"2016-05-29\"}"))
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'FOLLOW_UP_LEFT_UNHELD' and subject_id in "
                        + "(select id::text from contest where election_id = :e)").param("e", election)
                .query(Long.class).single()).isEqualTo(3);

        // the officials' results and the published snapshot say what was decided, and the public contest page shows it
        mvc.perform(get("/api/v1/elections/" + election + "/results").with(nation))
                .andExpect(jsonPath("$.contests[?(@.place == '92-1')].followUp.decision.held").value(Matchers.contains(true)))
                .andExpect(jsonPath("$.contests[?(@.place == '92-1')].followUp.decision.electionDay")
                        .value(Matchers.contains("2016-05-29")))
                .andExpect(jsonPath("$.contests[?(@.place == '94-1')].followUp.decision.held").value(Matchers.contains(false)))
                .andExpect(jsonPath("$.contests[?(@.place == '06-1')].followUp.decision").isEmpty());
        mvc.perform(post("/api/v1/elections/" + election + "/results/publications").with(nation))
                .andExpect(status().isCreated());
        String page = mvc.perform(get("/portal/results/" + election + "/contests/94-1")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"follow-up-decision\"").contains("Không tổ chức bầu thêm (quyết định NQ 1/NQ-HĐBCQG (kiểm thử)");

        // the nation finishes: 1 of 5 seats filled, 4 vacant
        n = read(national, nation);
        assertThat(n.get("followUpsPending").asInt()).isZero();
        assertThat(n.get("complete").asBoolean()).isTrue();
        assertThat(n.get("seats").asLong()).isEqualTo(5);
        assertThat(n.get("seatsFilled").asLong()).isEqualTo(1);
        assertThat(n.get("vacantSeats").asLong()).isEqualTo(4);
        JsonNode c = read(cầnThơ, nation);
        assertThat(c.get("legalBasis").asString()).isEqualTo("Luật 85/2015/QH13, Điều 83");
        JsonNode decision = c.get("units").get(0).get("followUp").get("decision");
        assertThat(decision.get("held").asBoolean()).isTrue();
        assertThat(decision.get("election").asLong()).isEqualTo(again);
        assertThat(decision.get("electionDay").asString()).isEqualTo("2016-05-29");
        assertThat(decision.get("status").asString()).isEqualTo("CERTIFIED");
        assertThat(decision.get("elected").size()).isZero();
        assertThat(c.get("units").get(0).get("vacant").asInt()).isEqualTo(1);
        decision = read("/api/v1/elections/" + election + "/summaries/committee?unit=94", nation).get("units").get(0)
                .get("followUp").get("decision");
        assertThat(decision.get("held").asBoolean()).isFalse();
        assertThat(decision.get("decisionRef").asString()).isEqualTo("NQ 1/NQ-HĐBCQG (kiểm thử)");
        assertThat(decision.get("decidedOn").asString()).isEqualTo("2016-05-26");
        byte[] pdf = mvc.perform(get("/api/v1/elections/" + election + "/summaries/committee.pdf?unit=94").with(nation))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/documents"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/documents/summary-2016-soc-trang.pdf"), pdf);
        assertThat(vn.baucu.support.Golden.pdfText(pdf).replaceAll("\\s+", " ")).contains("Không tổ chức bầu thêm")
                .contains("NQ 1/NQ-HĐBCQG (kiểm thử)").contains("Số ghế còn khuyết: 1").contains("22/05/2016");
        pdf = mvc.perform(get(national + ".pdf").with(nation)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        java.nio.file.Files.write(java.nio.file.Path.of("target/documents/summary-2016-national.pdf"), pdf);
        assertThat(vn.baucu.support.Golden.pdfText(pdf)).contains("Số ghế còn khuyết: 4");
    }
}
