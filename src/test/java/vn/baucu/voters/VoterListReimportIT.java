package vn.baucu.voters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.baucu.support.Api.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import vn.baucu.audit.AuditLog;
import vn.baucu.support.Api;
import vn.baucu.support.BaucuIntegrationTest;

/**
 * Replacing a list by a new file: allowed (and audited with the replaced file's SHA-256) only while nothing has
 * happened to it; a list with changes or complaints, or a posted one, is refused with 409 and stays as it was.
 */
@BaucuIntegrationTest
class VoterListReimportIT {

    static final String HEADER = "Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân\n";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;

    @Test
    void anUnpostedUntouchedListIsReplacedAndAuditedOtherwiseRefused() throws Exception {
        long election = Api.createElection(mvc, "{\"kind\":\"NATIONAL_ASSEMBLY\",\"ruleSet\":\"NATIONAL_ASSEMBLY_2025\","
                + "\"name\":\"QH nhập lại\",\"term\":\"2027-2032\",\"electionDay\":\"2027-05-23\"}");
        String area = area();
        String v1 = HEADER + "Lò Văn Một,01/01/1980,Nam,022080700001\n";
        String v2 = v1 + "Lò Thị Hai,02/02/1982,Nữ,022182700002\n";
        upload(election, area, v1).andExpect(status().isCreated());
        upload(election, area, v2).andExpect(status().isCreated()).andExpect(jsonPath("$.accepted", Matchers.is(2)));
        long list = jdbc.sql("select id from voter_list where election_id = :e").param("e", election).query(Long.class).single();
        assertThat(audit.latest("voter_list", String.valueOf(list), 1)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("VOTER_LIST_REPLACED");
            assertThat(e.details()).contains(sha256(v1)).contains(sha256(v2));
        });

        long entry = jdbc.sql("select id from voter_entry where voter_list_id = :l and personal_id = '022080700001'")
                .param("l", list).query(Long.class).single();
        mvc.perform(post("/api/v1/voter-entries/" + entry + "/removal").with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"DIED\"}")).andExpect(status().isOk());
        String v3 = v2 + "Lò Văn Ba,03/03/1983,Nam,022083700003\n";
        upload(election, area, v3).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", Matchers.containsString("đã có thay đổi")));
        assertThat(jdbc.sql("select count(*) from voter_entry where voter_list_id = :l").param("l", list)
                .query(Integer.class).single()).as("the list and its change are kept").isEqualTo(2);

        // a posted list: never replaced by a file
        String other = area();
        upload(election, other, HEADER + "Lò Văn Bốn,04/04/1984,Nam,022084700004\n").andExpect(status().isCreated());
        long posted = jdbc.sql("select id from voter_list where election_id = :e and polling_area_id = :a")
                .param("e", election).param("a", Long.parseLong(other)).query(Long.class).single();
        mvc.perform(post("/api/v1/voter-lists/" + posted + "/posting").with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"postedOn\":\"" + java.time.LocalDate.now().minusDays(1) + "\"}")).andExpect(status().isOk());
        upload(election, other, HEADER + "Lò Văn Năm,05/05/1985,Nam,022085700005\n").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", Matchers.containsString("đã niêm yết")));
        assertThat(jdbc.sql("select full_name from voter_entry where voter_list_id = :l").param("l", posted)
                .query(String.class).list()).containsExactly("Lò Văn Bốn");
    }

    private String area() throws Exception {
        int number = 100_000 + (int) (Math.random() * 800_000);
        return mvc.perform(post("/api/v1/communes/06709/polling-areas").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pollingDay\":\"2027-05-23\",\"number\":" + number + ",\"name\":\"KV\",\"voters\":800}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()
                .replaceAll(".*?\"id\":(\\d+).*", "$1");
    }

    private ResultActions upload(long election, String area, String csv) throws Exception {
        return mvc.perform(multipart("/api/v1/elections/" + election + "/voter-lists")
                .file(new MockMultipartFile("file", "ds.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("pollingArea", area).with(admin()));
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
