package vn.baucu.voters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.baucu.support.Api.admin;
import static vn.baucu.support.Pages.login;
import static vn.baucu.support.Pages.page;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import jakarta.servlet.http.Cookie;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import vn.baucu.audit.AuditLog;
import vn.baucu.platform.Role;
import vn.baucu.platform.Users;
import vn.baucu.support.Api;
import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.support.TestUsers;

/**
 * The pages of the lists themselves: the election's lists with their counts, one list with its entries,
 * changes (each with its legal reason and who made it) and complaints (5-day deadline, outcome), all
 * done from the page by the commune's official and refused to another commune's.
 */
@BaucuIntegrationTest
class VoterListChangePagesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Users users;
    @Autowired
    AuditLog audit;
    @Autowired
    java.time.Clock clock;

    @Test
    void theCommuneWorksItsListFromThePages() throws Exception {
        long election = Api.createElection(mvc, "{\"kind\":\"NATIONAL_ASSEMBLY\",\"ruleSet\":\"NATIONAL_ASSEMBLY_2025\","
                + "\"name\":\"QH trang\",\"term\":\"2027-2032\",\"electionDay\":\"2027-05-23\"}");
        int number = 100_000 + (int) (Math.random() * 800_000);
        String a = mvc.perform(post("/api/v1/communes/06709/polling-areas").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pollingDay\":\"2027-05-23\",\"number\":" + number + ",\"name\":\"KV trang " + number
                                + "\",\"voters\":800}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String area = a.replaceAll(".*?\"id\":(\\d+).*", "$1");
        String suffix = String.format("%06d", number % 1_000_000);
        String csv = "Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân\n"
                + "Đinh Thị Thu,01/01/1990,Nữ,022190" + suffix + "\n"
                + "Trần Văn Bảy,02/02/1980,Nam,022080" + suffix + "\n";
        mvc.perform(multipart("/api/v1/elections/" + election + "/voter-lists")
                        .file(new MockMultipartFile("file", "kv.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("pollingArea", area).with(admin()))
                .andExpect(status().isCreated());
        long list = jdbc.sql("select id from voter_list where election_id = :e").param("e", election).query(Long.class).single();
        long thu = jdbc.sql("select id from voter_entry where voter_list_id = :l and full_name = 'Đinh Thị Thu'")
                .param("l", list).query(Long.class).single();

        String official = TestUsers.create(users, Role.COMMUNE_OFFICIAL, "06709");
        Cookie clerk = login(mvc, official, TestUsers.PASSWORD);
        String overview = page(mvc, clerk, "/elections/" + election + "/voter-lists");
        assertThat(overview).contains("/voter-lists/" + list).contains("KV trang " + number);
        // search across the election's lists in the official's scope: without diacritics, by id, by household
        String inElection = mvc.perform(get("/elections/" + election + "/voter-lists").param("find", "tran van bay").cookie(clerk))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(inElection).contains("Trần Văn Bảy").contains("/voter-lists/" + list + "?q=").doesNotContain("Đinh Thị Thu");
        String province = TestUsers.create(users, Role.PROVINCE_OFFICIAL, "22");
        assertThat(mvc.perform(get("/elections/" + election + "/voter-lists").param("find", "022080" + suffix)
                        .cookie(login(mvc, province, TestUsers.PASSWORD)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Trần Văn Bảy");

        String view = page(mvc, clerk, "/voter-lists/" + list);
        assertThat(view).contains("2 cử tri.").contains("Đinh Thị Thu").contains("Trần Văn Bảy").contains("Chưa niêm yết")
                .contains("…" + ("190" + suffix).substring(5)).doesNotContain("022190" + suffix);
        String found = mvc.perform(get("/voter-lists/" + list).param("q", "dinh thi").cookie(clerk)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(found).contains("Đinh Thị Thu").doesNotContain("Trần Văn Bảy");

        // removal without a legal reason is refused on the page, naming the field; nothing changes
        String refused = mvc.perform(post("/voter-lists/" + list + "/entries/" + thu + "/removal").cookie(clerk).with(csrf())
                        .param("reason", "BORED"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("REASON_UNKNOWN").contains("BORED");
        mvc.perform(post("/voter-lists/" + list + "/entries/" + thu + "/removal").cookie(clerk).with(csrf())
                        .param("reason", "COURT_DEPRIVED").param("reasonText", "Bản án 12/2027/HS-ST"))
                .andExpect(redirectedUrl("/voter-lists/" + list));
        mvc.perform(post("/voter-lists/" + list + "/entries").cookie(clerk).with(csrf())
                        .param("fullName", "Vũ Văn Mới").param("birthDate", "1999-09-09").param("sex", "M")
                        .param("reason", "Trở về từ nước ngoài"))
                .andExpect(redirectedUrl("/voter-lists/" + list));

        // complaints: an incomplete one is refused; a complete one gets its 5-day deadline and an outcome
        mvc.perform(post("/voter-lists/" + list + "/complaints").cookie(clerk).with(csrf())
                        .param("complainant", "Trần Văn Bảy").param("receivedOn", "2027-04-20"))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(post("/voter-lists/" + list + "/complaints").cookie(clerk).with(csrf())
                        .param("complainant", "Trần Văn Bảy").param("content", "Ghi sai ngày sinh của tôi")
                        .param("receivedOn", "2027-04-20").param("entryId", String.valueOf(thu + 1)))
                .andExpect(redirectedUrl("/voter-lists/" + list));
        long complaint = jdbc.sql("select id from voter_complaint where voter_list_id = :l").param("l", list)
                .query(Long.class).single();
        view = page(mvc, clerk, "/voter-lists/" + list);
        assertThat(view).contains("Bị tòa án tước quyền bầu cử").contains("Bản án 12/2027/HS-ST").contains("Đã xóa tên")
                .contains("Vũ Văn Mới").contains(official)
                .contains("Ghi sai ngày sinh của tôi").contains("về cử tri Trần Văn Bảy").contains("25/04/2027");
        mvc.perform(post("/voter-lists/" + list + "/complaints/" + complaint + "/answer").cookie(clerk).with(csrf())
                        .param("outcome", "ACCEPTED").param("answer", "Đã sửa ngày sinh").param("answeredOn", "2027-04-23"))
                .andExpect(redirectedUrl("/voter-lists/" + list));
        assertThat(page(mvc, clerk, "/voter-lists/" + list)).contains("Chấp nhận").contains("Đã sửa ngày sinh");
        assertThat(audit.latest("voter_entry", String.valueOf(thu), 5))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("VOTER_LIST_REMOVE"));

        // another commune's official sees no list and cannot open or change this one
        String stranger = TestUsers.create(users, Role.COMMUNE_OFFICIAL, "06712");
        Cookie other = login(mvc, stranger, TestUsers.PASSWORD);
        assertThat(page(mvc, other, "/elections/" + election + "/voter-lists")).doesNotContain("/voter-lists/" + list + "\"");
        assertThat(mvc.perform(get("/elections/" + election + "/voter-lists").param("find", "tran van bay").cookie(other))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Trần Văn Bảy");
        mvc.perform(get("/voter-lists/" + list).cookie(other)).andExpect(status().isForbidden());
        mvc.perform(post("/voter-lists/" + list + "/complaints").cookie(other).with(csrf())
                        .param("complainant", "X").param("content", "Y").param("receivedOn", "2027-04-20"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from voter_complaint where voter_list_id = :l").param("l", list)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aVillageListShowsItsHouseholdsBesideTheRecordedNumber() throws Exception {
        String created = mvc.perform(post("/api/v1/admin-units/00008/villages").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Tổ trang " + UUID.randomUUID().toString().substring(0, 5) + "\",\"kind\":\"tổ dân phố\","
                                + "\"households\":5,\"effective\":\"2023-01-01\"}"))
                .andReturn().getResponse().getContentAsString();
        String village = created.replaceAll(".*\"code\":\"([^\"]+)\".*", "$1");
        long election = Api.createElection(mvc, "{\"kind\":\"VILLAGE_HEAD\",\"ruleSet\":\"VILLAGE_HEAD_2023\",\"name\":\"Bầu tổ trưởng\","
                + "\"term\":\"2027-2029\",\"electionDay\":\"" + LocalDate.now(clock).plusMonths(2) + "\",\"scopeCode\":\"00008\"}");
        String csv = "Họ và tên,Ngày sinh,Giới tính,Mã hộ,Đại diện hộ\nTrần Văn Bình,1970,Nam,H1,x\nNguyễn Thị An,1971,Nữ,H2,x\n";
        mvc.perform(multipart("/api/v1/elections/" + election + "/voter-lists")
                        .file(new MockMultipartFile("file", "t.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("village", village).with(admin()))
                .andExpect(status().isCreated());
        long list = jdbc.sql("select id from voter_list where election_id = :e").param("e", election).query(Long.class).single();
        Cookie session = login(mvc, "admin", "admin-test-password");
        assertThat(page(mvc, session, "/voter-lists/" + list)).contains("Danh sách có 2 hộ, khác số hộ xã ghi nhận cho thôn (5)");
        assertThat(page(mvc, session, "/elections/" + election + "/voter-lists")).contains("xã ghi 5 hộ");

        // one representative per household: adding needs a household without one, and the counts follow
        mvc.perform(post("/voter-lists/" + list + "/entries").cookie(session).with(csrf())
                        .param("fullName", "Lò Văn Thêm").param("birthDate", "1990-01-01").param("sex", "M"))
                .andExpect(status().isUnprocessableEntity());
        assertThat(mvc.perform(post("/voter-lists/" + list + "/entries").cookie(session).with(csrf())
                        .param("fullName", "Lò Văn Thêm").param("birthDate", "1990-01-01").param("sex", "M").param("household", "H1"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("HOUSEHOLD_TWO_REPRESENTATIVES").contains("H1");
        mvc.perform(post("/voter-lists/" + list + "/entries").cookie(session).with(csrf())
                        .param("fullName", "Lò Văn Thêm").param("birthDate", "1990-01-01").param("sex", "M").param("household", "H3"))
                .andExpect(redirectedUrl("/voter-lists/" + list));
        assertThat(page(mvc, session, "/voter-lists/" + list)).contains("3 cử tri, 3 hộ.")
                .contains("Danh sách có 3 hộ, khác số hộ xã ghi nhận cho thôn (5)");
        long them = jdbc.sql("select id from voter_entry where voter_list_id = :l and full_name = 'Lò Văn Thêm'")
                .param("l", list).query(Long.class).single();
        mvc.perform(post("/voter-lists/" + list + "/entries/" + them + "/removal").cookie(session).with(csrf())
                        .param("reason", "MOVED"))
                .andExpect(redirectedUrl("/voter-lists/" + list));
        assertThat(page(mvc, session, "/voter-lists/" + list)).contains("2 cử tri, 2 hộ.");

        // posting is recorded from the page (a POST); the demo's 2008-rules election checks the milestone it completes
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        mvc.perform(post("/voter-lists/" + list + "/posting").cookie(session).with(csrf()).param("postedOn", yesterday.toString()))
                .andExpect(redirectedUrl("/voter-lists/" + list));
        assertThat(page(mvc, session, "/voter-lists/" + list)).contains("Đã niêm yết ngày "
                + yesterday.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    }
}
