package vn.baucu.voters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.baucu.audit.AuditLog;
import vn.baucu.platform.Role;
import vn.baucu.platform.Users;
import vn.baucu.support.Api;
import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.support.Pages;
import vn.baucu.support.TestUsers;

/**
 * Personal ids and birth dates go only to those who administer the list's commune; every search and every read
 * of a list's entries is audited; a refused import says where a person is already listed only to a user who may
 * read that commune.
 */
@BaucuIntegrationTest
class PersonalDataIT {

    static final String HEADER = "Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân\n";

    @Autowired
    MockMvc mvc;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;

    long election;
    String areaKaLong;
    String areaOther;
    String id;

    @BeforeEach
    void lists() throws Exception {
        election = Api.createElection(mvc, "{\"kind\":\"NATIONAL_ASSEMBLY\",\"ruleSet\":\"NATIONAL_ASSEMBLY_2025\","
                + "\"name\":\"QH dữ liệu cá nhân\",\"term\":\"2027-2032\",\"electionDay\":\"2027-05-23\"}");
        areaKaLong = area("06709", "KV Ka Long kín");
        areaOther = area("06712", "KV xã khác");
        id = "022190" + String.format("%06d", (int) (Math.random() * 1_000_000));
        upload(areaKaLong, HEADER + "Nguyễn Thị Riêng Tư,14/03/1990,Nữ," + id + "\n", admin()).andExpect(status().isCreated());
    }

    @Test
    void anObserverSeesNeitherFullIdsNorBirthDatesAndCannotSearchById() throws Exception {
        String observer = TestUsers.create(users, Role.OBSERVER, "22");
        String body = mvc.perform(get("/api/v1/elections/" + election + "/voters").param("q", "nguyen thi rieng")
                        .with(httpBasic(observer, TestUsers.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("Nguyễn Thị Riêng Tư").contains("\"idEnding\":\"" + id.substring(8) + "\"")
                .contains("\"birthYear\":1990").doesNotContain(id).doesNotContain("1990-03-14").contains("\"full\":false");
        // a full id typed by someone who administers no list finds nobody: no look-up oracle
        assertThat(mvc.perform(get("/api/v1/elections/" + election + "/voters").param("q", id)
                        .with(httpBasic(observer, TestUsers.PASSWORD)))
                .andReturn().getResponse().getContentAsString()).isEqualTo("[]");
        // the page too
        String page = mvc.perform(get("/elections/" + election + "/voter-lists").param("find", "rieng tu")
                        .cookie(Pages.login(mvc, observer, TestUsers.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Nguyễn Thị Riêng Tư").contains("…" + id.substring(8)).doesNotContain(id)
                .doesNotContain("14/03/1990");

        assertThat(audit.latest("election", String.valueOf(election), 20)).filteredOn(e -> e.actor().equals(observer))
                .as("every search is audited").hasSize(3)
                .allSatisfy(e -> assertThat(e.action()).isEqualTo("VOTER_SEARCHED"))
                .allSatisfy(e -> assertThat(e.details()).doesNotContain(id));
    }

    @Test
    void theCommunesOwnOfficialSeesTheFullIdAndReadsOfEntriesAreAudited() throws Exception {
        String clerk = TestUsers.create(users, Role.COMMUNE_OFFICIAL, "06709");
        String body = mvc.perform(get("/api/v1/elections/" + election + "/voters").param("q", id)
                        .with(httpBasic(clerk, TestUsers.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("\"personalId\":\"" + id + "\"").contains("1990-03-14").contains("\"full\":true");

        long list = jdbc.sql("select id from voter_list where election_id = :e and polling_area_id = :a")
                .param("e", election).param("a", Long.parseLong(areaKaLong)).query(Long.class).single();
        String page = Pages.page(mvc, Pages.login(mvc, clerk, TestUsers.PASSWORD), "/voter-lists/" + list);
        assertThat(page).contains("Nguyễn Thị Riêng Tư").doesNotContain(id);
        assertThat(audit.latest("voter_list", String.valueOf(list), 5)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("VOTER_LIST_ENTRIES_READ");
            assertThat(e.actor()).isEqualTo(clerk);
        });
    }

    @Test
    void aRefusedImportSaysWhereSomeoneIsListedOnlyToThoseWhoMayReadThatCommune() throws Exception {
        String file = HEADER + "Nguyễn Thị Riêng Tư,14/03/1990,Nữ," + id + "\n";
        String neighbour = TestUsers.create(users, Role.COMMUNE_OFFICIAL, "06712");
        String refused = upload(areaOther, file, httpBasic(neighbour, TestUsers.PASSWORD))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("PERSONAL_ID_IN_OTHER_LIST").contains("\"row\":2")
                .contains("đã có trong danh sách cử tri khác").doesNotContain("06709").doesNotContain("KV Ka Long kín");

        String province = TestUsers.create(users, Role.PROVINCE_OFFICIAL, "22");
        String told = upload(areaOther, file, httpBasic(province, TestUsers.PASSWORD))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(told).contains("KV Ka Long kín").contains("06709");
    }

    private String area(String commune, String name) throws Exception {
        int number = 100_000 + (int) (Math.random() * 800_000);
        return mvc.perform(post("/api/v1/communes/" + commune + "/polling-areas").with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pollingDay\":\"2027-05-23\",\"number\":" + number + ",\"name\":\"" + name + "\",\"voters\":800}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()
                .replaceAll(".*?\"id\":(\\d+).*", "$1");
    }

    private org.springframework.test.web.servlet.ResultActions upload(String area, String csv, RequestPostProcessor who)
            throws Exception {
        return mvc.perform(multipart("/api/v1/elections/" + election + "/voter-lists")
                .file(new MockMultipartFile("file", "ds.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("pollingArea", area).with(who));
    }
}
