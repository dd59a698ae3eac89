package vn.baucu.candidates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.baucu.support.Api.admin;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

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
 * Wrong input to the candidate-process and list-change endpoints: every malformed or rule-breaking body
 * gets a 4xx problem in the one error shape (type, title, status), never a server error, and nothing
 * is stored.
 */
@BaucuIntegrationTest
class BadInputIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private String refused(MockHttpServletRequestBuilder request, String body, int expected) throws Exception {
        return vn.baucu.support.Api.refused(mvc, request, body, expected);
    }

    @Test
    void malformedAndRuleBreakingBodiesAreRefusedWithAProblem() throws Exception {
        String created = mvc.perform(post("/api/v1/admin-units/06709/villages").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Thôn Sai " + UUID.randomUUID().toString().substring(0, 5) + "\",\"kind\":\"thôn\","
                                + "\"households\":3,\"effective\":\"2025-07-01\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String village = created.replaceAll(".*\"code\":\"([^\"]+)\".*", "$1");
        long election = Api.createElection(mvc, "{\"kind\":\"VILLAGE_HEAD\",\"ruleSet\":\"VILLAGE_HEAD_2023\",\"name\":\"Sai\","
                + "\"term\":\"2027-2029\",\"electionDay\":\"2027-06-06\",\"scopeCode\":\"06709\"}");
        String meeting = "/api/v1/elections/" + election + "/contests/" + village + "/front-meeting";
        refused(put(meeting), "{}", 422);
        refused(put(meeting), "{\"heldOn\":\"ngày mai\"}", 400);
        refused(put(meeting), "{\"heldOn\":\"2027-05-10\",\"attendance\":-3,\"chairedBy\":\" \",\"candidateIds\":[null]}", 422);
        refused(put(meeting), "{\"heldOn\":\"2027-05-10\",\"attendance\":5,\"chairedBy\":\"A\",\"candidateIds\":[987654321]}", 422);
        refused(put(meeting), "[1,2]", 400);
        refused(put("/api/v1/elections/" + election + "/contests/KHONG-CO/front-meeting"),
                "{\"heldOn\":\"2027-05-10\",\"attendance\":5,\"chairedBy\":\"A\",\"candidateIds\":[]}", 404);

        String consultations = "/api/v1/elections/" + election + "/consultations";
        refused(post(consultations), "{}", 422);
        refused(post(consultations), "{\"round\":\"hai\"}", 400);
        refused(post(consultations), "{\"unitCode\":\"06709\",\"round\":4,\"heldOn\":\"2027-01-01\",\"attendance\":9}", 422);
        refused(post(consultations), "{\"unitCode\":\"99999\",\"round\":1,\"heldOn\":\"2027-01-01\",\"attendance\":9}", 404);

        String candidates = "/api/v1/elections/" + election + "/contests/" + village + "/candidates";
        refused(post(candidates), "{\"fullName\":\"\",\"sex\":\"X\",\"nominationSource\":\"BẠN BÈ\"}", 422);
        refused(post(candidates), "{\"fullName\":\"A B\",\"birthDate\":\"1980-13-40\",\"sex\":\"M\"}", 400);
        refused(post("/api/v1/candidates/987654321/status"), "{\"status\":\"ELECTED\"}", 404);
        refused(put(meeting), "{\"heldOn\":\"2027-05-10\",\"attendance\":5,\"chairedBy\":\"A\"}", 422);
        String nominated = mvc.perform(post(candidates).with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fullName\":\"Lò Thị Thử\",\"birthDate\":\"1980-01-01\",\"sex\":\"F\","
                                + "\"nominationSource\":\"INTRODUCED\",\"residesInVillage\":true}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long candidate = Long.parseLong(nominated.replaceAll(".*?\"id\":(\\d+).*", "$1"));
        refused(post("/api/v1/candidates/" + candidate + "/status"), "{}", 422);
        refused(post("/api/v1/candidates/" + candidate + "/status"), "{\"status\":\"BAY_MAU\"}", 400);   // an unknown status is malformed
        refused(post("/api/v1/candidates/" + candidate + "/voter-conferences"), "{\"place\":\"NHA\",\"heldOn\":\"2027-01-01\","
                + "\"voters\":10,\"present\":9,\"trustVotes\":5}", 400);
        refused(post("/api/v1/candidates/" + candidate + "/voter-conferences"), "{\"place\":\"RESIDENCE\",\"heldOn\":\"2027-01-01\","
                + "\"voters\":10,\"present\":9,\"trustVotes\":50}", 422);
        assertThat(mvc.perform(get("/api/v1/candidate-documents/987654321").with(admin())).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(jdbc.sql("select status || ':' || (select count(*) from voter_conference v where v.candidate_id = k.id) "
                        + "from candidate k where election_id = :e").param("e", election).query(String.class).list())
                .as("only the candidate nominated on purpose, unchanged").containsExactly("NOMINATED:0");

        mvc.perform(multipart("/api/v1/elections/" + election + "/voter-lists")
                        .file(new MockMultipartFile("file", "t.csv", "text/csv",
                                "Họ và tên,Ngày sinh,Giới tính,Mã hộ,Đại diện hộ\nLò Văn Một,1970,Nam,H1,x\n".getBytes(StandardCharsets.UTF_8)))
                        .param("village", village).with(admin()))
                .andExpect(status().isCreated());
        long list = jdbc.sql("select id from voter_list where election_id = :e").param("e", election).query(Long.class).single();
        refused(post("/api/v1/voter-lists/" + list + "/posting"), "{}", 422);
        refused(post("/api/v1/voter-lists/" + list + "/posting"), "{\"postedOn\":\"hôm qua\"}", 400);
        refused(post("/api/v1/voter-lists/" + list + "/entries"), "{\"fullName\":\"Lò Văn Hai\",\"birthDate\":\"1980-01-01\"}", 400);
        refused(post("/api/v1/voter-lists/" + list + "/entries"),
                "{\"fullName\":\"Lò Văn Hai\",\"birthDate\":\"1980-01-01\",\"sex\":\"M\",\"household\":\"H1\"}", 422);
        refused(post("/api/v1/voter-lists/" + list + "/complaints"), "{\"entryId\":1}", 422);
        refused(post("/api/v1/voter-complaints/987654321/answer"), "{\"outcome\":\"ACCEPTED\",\"answeredOn\":\"2027-01-01\"}", 404);
        assertThat(jdbc.sql("select entries || '/' || households from voter_list where id = :l").param("l", list)
                .query(String.class).single()).isEqualTo("1/1");
    }
}
