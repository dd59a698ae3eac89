package vn.baucu.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.baucu.support.Api.admin;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.baucu.support.Api;
import vn.baucu.support.BaucuIntegrationTest;

/**
 * Inputs that used to end in a server error (found by reading the code): each now gets a 4xx problem that says
 * what is wrong or what is in the way, and stores nothing.
 */
@BaucuIntegrationTest
class ServerErrorsIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private String refused(MockHttpServletRequestBuilder request, String body, int expected) throws Exception {
        return vn.baucu.support.Api.refused(mvc, request, body, expected);
    }

    private long na() throws Exception {
        return Api.createElection(mvc, "{\"kind\":\"NATIONAL_ASSEMBLY\",\"ruleSet\":\"NATIONAL_ASSEMBLY_2025\","
                + "\"name\":\"QH lỗi\",\"term\":\"2026-2031\",\"electionDay\":\"2026-03-15\"}");
    }

    private List<String> quangNinh() {
        return jdbc.sql("select code from admin_unit where level = 'COMMUNE' and province_code = '22' and valid_to is null")
                .query(String.class).list();
    }

    @Test
    void nullsInTheUnitsBodyAreMalformedNotAServerError() throws Exception {
        long e = na();
        String units = "/api/v1/elections/" + e + "/provinces/22/units";
        refused(put(units), "[null]", 400);
        refused(put(units), "[{\"number\":1,\"seats\":3,\"communeCodes\":null}]", 400);
        refused(put(units), "[{\"number\":1,\"seats\":3}]", 400);
        refused(put(units), "[{\"number\":1,\"seats\":3,\"communeCodes\":[null]}]", 400);
        refused(put(units), "null", 400);
        assertThat(jdbc.sql("select count(*) from electoral_unit where election_id = :e").param("e", e).query(Integer.class)
                .single()).isZero();
    }

    @Test
    void aLongUnitNumberInAResolutionIsReportedOnItsLine() throws Exception {
        long e = na();
        String text = "26- Tỉnh Quảng Ninh\n\nSố đơn vị bầu cử là một.\n\nĐơn vị số 99999999999:\n\n"
                + "Gồm các phường: Hạ Long.\n\nSố đại biểu Quốc hội được bầu là ba.\n";
        MvcResult r = mvc.perform(multipart("/api/v1/elections/" + e + "/units/imports")
                .file(new MockMultipartFile("file", "nq.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8)))
                .with(admin())).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(422);
        assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("R-105").contains("99999999999");
    }

    @Test
    void aBodyForAnElectoralUnitWithALongNumberIsNotFound() throws Exception {
        long e = na();
        refused(post("/api/v1/elections/" + e + "/organisations"),
                "{\"kind\":\"ELECTION_BOARD\",\"name\":\"Ban bầu cử\",\"electoralUnit\":\"22-99999999999\"}", 404);
        refused(post("/api/v1/elections/" + e + "/organisations"),
                "{\"kind\":\"ELECTION_BOARD\",\"name\":\"Ban bầu cử\",\"electoralUnit\":\"22-x\"}", 404);
    }

    @Test
    void redefiningUnitsThatHaveNominationsSaysWhatIsInTheWay() throws Exception {
        long e = na();
        String units = "/api/v1/elections/" + e + "/provinces/22/units";
        String one = "[{\"number\":1,\"seats\":3,\"communeCodes\":[\"" + String.join("\",\"", quangNinh()) + "\"]}]";
        mvc.perform(put(units).with(admin()).contentType(MediaType.APPLICATION_JSON).content(one)).andExpect(status().isOk());
        String candidate = mvc.perform(post("/api/v1/elections/" + e + "/contests/22-1/candidates").with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fullName\":\"Trần Thị Đứng\",\"birthDate\":\"1975-01-01\",\"sex\":\"F\","
                                + "\"nominationSource\":\"INTRODUCED\",\"ethnicity\":\"Kinh\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()
                .replaceAll(".*?\"id\":(\\d+).*", "$1");
        // a voter conference without its place (residence or workplace) is malformed
        refused(post("/api/v1/candidates/" + candidate + "/voter-conferences"),
                "{\"heldOn\":\"2026-02-05\",\"voters\":320,\"present\":60,\"trustVotes\":40}", 400);
        String json = refused(put(units), one, 409);
        assertThat(json).contains("người ứng cử");
        assertThat(jdbc.sql("select count(*) from candidate c join contest k on k.id = c.contest_id where k.election_id = :e")
                .param("e", e).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aNominationForABlankOrUnknownPlaceIsNotFound() throws Exception {
        long e = na();
        String body = "{\"fullName\":\"Trần Thị Đứng\",\"birthDate\":\"1975-01-01\",\"sex\":\"F\","
                + "\"nominationSource\":\"INTRODUCED\"}";
        refused(post("/api/v1/elections/" + e + "/contests/ /candidates"), body, 404);
        refused(post("/api/v1/elections/" + e + "/contests/22-1/candidates"), "{\"fullName\":\"X\"}", 422);
    }
}
