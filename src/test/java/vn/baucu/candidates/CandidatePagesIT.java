package vn.baucu.candidates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.baucu.support.Api.admin;
import static vn.baucu.support.Pages.login;
import static vn.baucu.support.Pages.page;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;

import vn.baucu.platform.Role;
import vn.baucu.platform.Users;
import vn.baucu.support.Api;
import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.support.TestUsers;

/**
 * The candidate pages: a village's candidates nominated, the Front working committee's meeting recorded
 * and the list settled from the page, each refusal shown with its rule; and an NA unit's consultation
 * rounds recorded from the consultation page.
 */
@BaucuIntegrationTest
class CandidatePagesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Users users;

    @Test
    void aVillageListIsBuiltFromThePages() throws Exception {
        String created = mvc.perform(post("/api/v1/admin-units/06709/villages").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Thôn Trang " + UUID.randomUUID().toString().substring(0, 5) + "\",\"kind\":\"thôn\","
                                + "\"households\":120,\"effective\":\"2025-07-01\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String village = created.replaceAll(".*\"code\":\"([^\"]+)\".*", "$1");
        long election = Api.createElection(mvc, "{\"kind\":\"VILLAGE_HEAD\",\"ruleSet\":\"VILLAGE_HEAD_2023\",\"name\":\"Bầu trưởng thôn trang\","
                + "\"term\":\"2027-2029\",\"electionDay\":\"2027-06-06\",\"scopeCode\":\"06709\"}");
        String official = TestUsers.create(users, Role.COMMUNE_OFFICIAL, "06709");
        Cookie clerk = login(mvc, official, TestUsers.PASSWORD);
        String base = "/elections/" + election + "/contests/" + village;

        assertThat(page(mvc, clerk, "/elections/" + election + "/candidates?q=" + village)).contains(base + "/candidates");

        String tooYoung = mvc.perform(post(base + "/candidates").cookie(clerk).with(csrf())
                        .param("fullName", "Lý Văn Non").param("birthDate", "2006-06-07").param("sex", "M")
                        .param("nominationSource", "INTRODUCED").param("residesInVillage", "true"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(tooYoung).contains("K-101").contains("Lý Văn Non");
        mvc.perform(post(base + "/candidates").cookie(clerk).with(csrf())
                        .param("fullName", "Hoàng Thị Thắm").param("birthDate", "1980-03-03").param("sex", "F")
                        .param("nominationSource", "INTRODUCED").param("residesInVillage", "true").param("ethnicity", "Tày")
                        .param("partyMember", "on").param("exclusions", ""))
                .andExpect(redirectedUrl(base + "/candidates"));
        long tham = jdbc.sql("select id from candidate where election_id = :e and full_name = 'Hoàng Thị Thắm'")
                .param("e", election).query(Long.class).single();

        assertThat(mvc.perform(post(base + "/final-list").cookie(clerk).with(csrf()))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("K-124").contains("Mẫu 05");
        mvc.perform(post(base + "/front-meeting").cookie(clerk).with(csrf())
                        .param("heldOn", "2027-05-10").param("attendance", "9").param("chairedBy", "Trần Văn Mặt Trận")
                        .param("cellAgreed", "true").param("cellAgreedOn", "2027-05-11").param("cellAgreementRef", "BB 2/CU")
                        .param("minutesSentOn", "2027-05-12").param("candidateIds", String.valueOf(tham)))
                .andExpect(redirectedUrl(base + "/candidates"));
        mvc.perform(post(base + "/final-list").cookie(clerk).with(csrf())).andExpect(redirectedUrl(base + "/candidates"));
        String view = page(mvc, clerk, base + "/candidates");
        assertThat(view).contains("Hoàng Thị Thắm").contains("Trong danh sách chính thức").contains("Chi ủy đã thống nhất ngày 11/05/2027")
                .contains("Người được giới thiệu: Hoàng Thị Thắm").contains("counting-minutes.pdf")
                .contains("<option value=\"STRUCK_OFF\">Bị xóa tên</option>").contains("front-meeting.pdf");

        // withdrawing needs a reason
        assertThat(mvc.perform(post(base + "/candidates/" + tham + "/status").cookie(clerk).with(csrf())
                        .param("status", "WITHDRAWN").param("date", "2027-05-20"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("K-108");

        // another commune's official cannot nominate here
        String stranger = TestUsers.create(users, Role.COMMUNE_OFFICIAL, "06712");
        mvc.perform(post(base + "/candidates").cookie(login(mvc, stranger, TestUsers.PASSWORD)).with(csrf())
                        .param("fullName", "Người Lạ").param("birthDate", "1980-01-01").param("sex", "M")
                        .param("nominationSource", "INTRODUCED"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from candidate where election_id = :e").param("e", election).query(Integer.class)
                .single()).isEqualTo(1);
    }

    @Test
    void consultationRoundsAreRecordedFromThePage() throws Exception {
        long na = Api.createElection(mvc, "{\"kind\":\"NATIONAL_ASSEMBLY\",\"ruleSet\":\"NATIONAL_ASSEMBLY_2025\",\"name\":\"QH trang\","
                + "\"term\":\"2027-2032\",\"electionDay\":\"2027-05-23\"}");
        List<String> qn = jdbc.sql("select code from admin_unit where level = 'COMMUNE' and province_code = '22' and valid_to is null")
                .query(String.class).list();
        mvc.perform(put("/api/v1/elections/" + na + "/provinces/22/units").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"number\":1,\"seats\":3,\"communeCodes\":[\"" + String.join("\",\"", qn) + "\"]}]"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/elections/" + na + "/contests/22-1/candidates").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fullName\":\"Vi Thị Hiệp\",\"birthDate\":\"1975-01-01\",\"sex\":\"F\",\"nominationSource\":\"INTRODUCED\"}"))
                .andExpect(status().isCreated());
        Cookie session = login(mvc, "admin", "admin-test-password");
        assertThat(page(mvc, session, "/elections/" + na + "/consultations?unit=22")).contains("Vi Thị Hiệp").contains("chưa lấy ý kiến cử tri");
        String refused = mvc.perform(post("/elections/" + na + "/consultations").cookie(session).with(csrf())
                        .param("unitCode", "22").param("round", "2").param("heldOn", "2027-02-02").param("attendance", "40"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("K-111");
        assertThat(mvc.perform(post("/elections/" + na + "/consultations").cookie(session).with(csrf())
                        .param("unitCode", "22").param("round", "hai").param("heldOn", "2027-02-02").param("attendance", "40")
                        .param("special-x", "lạ"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("P-405");
        mvc.perform(post("/elections/" + na + "/consultations").cookie(session).with(csrf())
                        .param("unitCode", "22").param("round", "1").param("heldOn", "2027-01-20").param("attendance", "40")
                        .param("plannedSeats", "5"))
                .andExpect(redirectedUrl("/elections/" + na + "/consultations?unit=22"));
        assertThat(page(mvc, session, "/elections/" + na + "/consultations?unit=22")).contains("Thỏa thuận cơ cấu, số lượng: 5 người");

        // the planned structure agreed at the first round, set on the statistics page and compared there
        assertThat(mvc.perform(post("/elections/" + na + "/candidates/statistics/plan").cookie(session).with(csrf())
                        .param("plan-WOMEN", "bốn mươi"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Q-203");
        mvc.perform(post("/elections/" + na + "/candidates/statistics/plan").cookie(session).with(csrf())
                        .param("plan-WOMEN", "40").param("plan-ETHNIC_MINORITY", "18,5"))
                .andExpect(redirectedUrl("/elections/" + na + "/candidates/statistics"));
        assertThat(page(mvc, session, "/elections/" + na + "/candidates/statistics")).contains("18.5").contains(">40<");
    }
}
