package vn.baucu.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.baucu.support.Api.admin;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.baucu.support.Api;
import vn.baucu.support.BaucuIntegrationTest;

/**
 * The one scope guard: nothing of another province can be attached to an election scoped to Quảng Ninh — not its
 * electoral units (by hand or from a resolution), not a body, not a voter list, not a consultation round — even by
 * the system administrator, whose rights cover every unit. Each is refused with SCOPE-001 and nothing is stored.
 */
@BaucuIntegrationTest
class ScopeGuardIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    long election;
    String haNoiCommune;

    @BeforeEach
    void provincialCouncilOfQuangNinh() throws Exception {
        election = Api.createElection(mvc, "{\"kind\":\"PEOPLES_COUNCIL\",\"ruleSet\":\"PEOPLES_COUNCIL_2025\","
                + "\"councilLevel\":\"PROVINCE\",\"scopeCode\":\"22\",\"name\":\"HĐND tỉnh thử\",\"term\":\"2026-2031\","
                + "\"electionDay\":\"2026-03-15\"}");
        haNoiCommune = jdbc.sql("select code from admin_unit where level = 'COMMUNE' and province_code = '01' "
                + "and valid_to is null order by code limit 1").query(String.class).single();
    }

    private String outsideScope(MvcResult r) throws Exception {
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getResponse().getStatus()).as(body).isEqualTo(422);
        assertThat(body).contains("SCOPE-001").contains("không thuộc phạm vi");
        return body;
    }

    @Test
    void anotherProvincesElectoralUnitsByHandOrByResolution() throws Exception {
        outsideScope(mvc.perform(put("/api/v1/elections/" + election + "/provinces/01/units").with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("[{\"number\":1,\"seats\":3,\"communeCodes\":[\"" + haNoiCommune + "\"]}]")).andReturn());
        String text = "1- Thành phố Hà Nội\n\nSố đơn vị bầu cử là một.\n\nSố đại biểu Quốc hội được bầu là ba.\n\n"
                + "Đơn vị số 1:\n\nGồm các phường: Ba Đình.\n\nSố đại biểu Quốc hội được bầu là ba.\n";
        outsideScope(mvc.perform(multipart("/api/v1/elections/" + election + "/units/imports")
                .file(new MockMultipartFile("file", "nq.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8)))
                .with(admin())).andReturn());
        assertThat(jdbc.sql("select count(*) from electoral_unit where election_id = :e").param("e", election)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aBodyOfAnotherProvince() throws Exception {
        outsideScope(mvc.perform(post("/api/v1/elections/" + election + "/organisations").with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"ELECTION_COMMITTEE\",\"name\":\"Ủy ban bầu cử lạc chỗ\",\"unitCode\":\"01\"}"))
                .andReturn());
        assertThat(jdbc.sql("select count(*) from organisation where election_id = :e").param("e", election)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aVoterListOfAnotherProvincesPollingArea() throws Exception {
        String area = mvc.perform(post("/api/v1/communes/" + haNoiCommune + "/polling-areas").with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pollingDay\":\"2026-03-15\",\"number\":" + (100_000 + (int) (Math.random() * 800_000))
                                + ",\"name\":\"KV Hà Nội\",\"voters\":800}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()
                .replaceAll(".*?\"id\":(\\d+).*", "$1");
        outsideScope(mvc.perform(multipart("/api/v1/elections/" + election + "/voter-lists")
                .file(new MockMultipartFile("file", "ds.csv", "text/csv",
                        "Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân\nKhách Lạ,01/01/1980,Nam,001080000001\n"
                                .getBytes(StandardCharsets.UTF_8)))
                .param("pollingArea", area).with(admin())).andReturn());
        assertThat(jdbc.sql("select count(*) from voter_list where election_id = :e").param("e", election)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aConsultationRoundOfAnotherProvince() throws Exception {
        outsideScope(mvc.perform(post("/api/v1/elections/" + election + "/consultations").with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"unitCode\":\"01\",\"round\":1,\"heldOn\":\"2026-01-10\",\"attendance\":40,\"plannedSeats\":5}"))
                .andReturn());
        assertThat(jdbc.sql("select count(*) from consultation where election_id = :e").param("e", election)
                .query(Integer.class).single()).isZero();
    }
}
