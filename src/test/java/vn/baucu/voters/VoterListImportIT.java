package vn.baucu.voters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static vn.baucu.support.Api.admin;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.baucu.audit.AuditLog;
import vn.baucu.platform.Role;
import vn.baucu.platform.Users;
import vn.baucu.support.Api;
import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.support.Golden;
import vn.baucu.support.TestUsers;

/** Confirmed imports: all or nothing, idempotent, one list only across the election, posted as PDF. */
@BaucuIntegrationTest
class VoterListImportIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Users users;
    @Autowired
    AuditLog audit;

    private long create(String json) throws Exception {
        return Api.createElection(mvc, json);
    }

    private ResultActions upload(long election, String param, String value, String csv, RequestPostProcessor who) throws Exception {
        return mvc.perform(multipart("/api/v1/elections/" + election + "/voter-lists")
                .file(new MockMultipartFile("file", "ds.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param(param, value).with(who));
    }

    private long area(String commune, int voters) throws Exception {
        return area(commune, voters, "2027-05-23");
    }

    private long area(String commune, int voters, String day) throws Exception {
        int number = 10_000 + (int) (Math.random() * 80_000);
        String body = mvc.perform(post("/api/v1/communes/" + commune + "/polling-areas").with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pollingDay\":\"" + day + "\",\"number\":" + number + ",\"name\":\"KV " + number
                                + "\",\"voters\":" + voters + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll(".*?\"id\":(\\d+).*", "$1"));
    }

    static String pid(int sexCentury, int yy) {
        return "022" + sexCentury + String.format("%02d", yy) + String.format("%06d", (int) (Math.random() * 999_999));
    }

    @Test
    void aVillageListImportsOnceAndWarnsWhenHouseholdsDiffer() throws Exception {
        String created = mvc.perform(post("/api/v1/admin-units/00008/villages").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Tổ " + UUID.randomUUID().toString().substring(0, 5) + "\",\"kind\":\"tổ dân phố\","
                                + "\"households\":3,\"effective\":\"2023-01-01\"}"))
                .andReturn().getResponse().getContentAsString();
        String village = created.replaceAll(".*\"code\":\"([^\"]+)\".*", "$1");
        long election = create("{\"kind\":\"VILLAGE_HEAD\",\"ruleSet\":\"VILLAGE_HEAD_2023\",\"name\":\"Bầu tổ trưởng\",\"term\":\"2024-2026\","
                + "\"electionDay\":\"2024-06-02\",\"scopeCode\":\"00008\"}");
        String csv = "Họ và tên,Ngày sinh,Giới tính,Mã hộ,Đại diện hộ,Nơi cư trú\n"
                + "Trần Văn Bình,1970,Nam,H1,x,Số 1\nNguyễn Thị An,1971,Nữ,H2,x,Số 2\nLê Thị Ân,1972,Nữ,H3,x,Số 3\n"
                + "Lê Văn Con,1995,Nam,H3,,Số 3\n";
        upload(election, "village", village, csv, admin())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.accepted", is(4)))
                .andExpect(jsonPath("$.households", is(3)))
                .andExpect(jsonPath("$.warnings", is(4)));   // every row gives only the year of birth
        upload(election, "village", village, csv, admin())
                .andExpect(jsonPath("$.encoding.detected", is("UNCHANGED")));
        upload(election, "village", village, csv.substring(0, csv.indexOf("Lê Thị Ân")), admin())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.errors[0].code", is("HOUSEHOLDS_DIFFER")));
        assertThat(audit.latest("voter_list", null, 5)).anySatisfy(e -> assertThat(e.details()).contains("sha256"));
        // the 2024 election is long past: its list closed 24 hours before polls opened
        long listId = jdbc.sql("select id from voter_list where election_id = :e").param("e", election).query(Long.class).single();
        mvc.perform(post("/api/v1/voter-lists/" + listId + "/entries").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fullName\":\"Muộn Quá\",\"birthDate\":\"1980-01-01\",\"sex\":\"M\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void onePersonOnTwoListsIsRefusedAndNothingChanges() throws Exception {
        long election = create("{\"kind\":\"NATIONAL_ASSEMBLY\",\"ruleSet\":\"NATIONAL_ASSEMBLY_2025\",\"name\":\"QH\","
                + "\"term\":\"2027-2032\",\"electionDay\":\"2027-05-23\"}");
        long a = area("06709", 900);
        long b = area("06712", 900);
        String shared = pid(0, 80);
        String second = pid(1, 90);
        String listA = "Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân\nNguyễn Văn Hai Nơi,01/01/1980,Nam," + shared + "\n"
                + "Phạm Thị Một,02/02/1990,Nữ," + second + "\n";
        upload(election, "pollingArea", String.valueOf(a), listA, admin()).andExpect(status().isCreated());
        String listB = "Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân\nĐỗ Văn Khác,03/03/1985,Nam," + pid(0, 85) + "\n"
                + "Nguyễn Văn Hai Nơi,01/01/1980,Nam," + shared + "\n"
                + "Phạm Thị Một,02/02/1990,Nữ," + second + "\n";
        // every clash is named, with its row and the list the person is already on
        upload(election, "pollingArea", String.valueOf(b), listB, admin())
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations.length()", is(2)))
                .andExpect(jsonPath("$.violations[0].code", is("PERSONAL_ID_IN_OTHER_LIST")))
                .andExpect(jsonPath("$.violations[0].row", is(3)))
                .andExpect(jsonPath("$.violations[0].message", containsString(shared)))
                .andExpect(jsonPath("$.violations[0].message", containsString("06709")))
                .andExpect(jsonPath("$.violations[1].row", is(4)))
                .andExpect(jsonPath("$.violations[1].message", containsString(second)));
        assertThat(jdbc.sql("select count(*) from voter_list where election_id = :e").param("e", election)
                .query(Integer.class).single()).as("only list A stands").isEqualTo(1);

        String bad = "Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân\nTrẻ Quá,24/05/2009,Nam," + pid(2, 9) + "\n";
        upload(election, "pollingArea", String.valueOf(b), bad, admin())
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", is("VOTER_TOO_YOUNG")))
                .andExpect(jsonPath("$.violations[0].row", is(2)));

        mvc.perform(get("/api/v1/elections/" + election + "/voters").param("q", "nguyen van hai").with(admin()))
                .andExpect(jsonPath("$[0].fullName", is("Nguyễn Văn Hai Nơi")));
        String official = TestUsers.create(users, Role.COMMUNE_OFFICIAL, "06712");
        upload(election, "pollingArea", String.valueOf(a), listA, httpBasic(official, TestUsers.PASSWORD))
                .andExpect(status().isForbidden());

        long listId = jdbc.sql("select id from voter_list where election_id = :e").param("e", election).query(Long.class).single();

        // changes after posting: each with a reason and who did it; entries are never deleted
        long entry = jdbc.sql("select id from voter_entry where voter_list_id = :l and personal_id = :p")
                .param("l", listId).param("p", shared).query(Long.class).single();
        mvc.perform(post("/api/v1/voter-entries/" + entry + "/removal").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"COURT_DEPRIVED\",\"reasonText\":\"Bản án số 12/2026/HS-ST\"}"))
                .andExpect(status().isOk());
        // now the person may be listed elsewhere (the earlier entry is removed, not deleted)
        String other = mvc.perform(multipart("/api/v1/elections/" + election + "/voter-lists")
                        .file(new MockMultipartFile("file", "b.csv", "text/csv",
                                listB.substring(0, listB.indexOf("Phạm Thị Một")).getBytes(StandardCharsets.UTF_8)))
                        .param("pollingArea", String.valueOf(b)).with(admin()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(other).contains("\"accepted\":2");
        String added = mvc.perform(post("/api/v1/voter-lists/" + listId + "/entries").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fullName\":\"Bùi Thị Mới\",\"birthDate\":\"1999-09-09\",\"sex\":\"F\",\"personalId\":\""
                                + pid(1, 99) + "\",\"reason\":\"Chuyển đến\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long newEntry = Long.parseLong(added.replaceAll(".*\"id\":(\\d+).*", "$1"));
        mvc.perform(post("/api/v1/voter-entries/" + newEntry + "/restriction").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"TEMPORARY_RESIDENT\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/voter-lists/" + listId + "/changes").with(admin()))
                .andExpect(jsonPath("$[*].kind").value(org.hamcrest.Matchers.contains("REMOVE", "ADD", "RESTRICT")))
                .andExpect(jsonPath("$[0].reason", is("COURT_DEPRIVED")))
                .andExpect(jsonPath("$[0].changedBy", is("admin")));
        // recording the posting is a POST (a GET that a link can trigger never changes the list)
        java.time.LocalDate posted = java.time.LocalDate.now().minusDays(1);
        mvc.perform(get("/api/v1/voter-lists/" + listId + "/posting.pdf").param("postedOn", posted.toString()).with(admin()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/voter-lists/" + listId + "/posting").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"postedOn\":\"" + posted.plusDays(3) + "\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", is("POSTED_ON_FUTURE")));
        mvc.perform(post("/api/v1/voter-lists/" + listId + "/posting").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"postedOn\":\"" + posted + "\"}"))
                .andExpect(status().isOk());
        byte[] pdf = mvc.perform(get("/api/v1/voter-lists/" + listId + "/posting.pdf").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text = Golden.pdfText(pdf);
        assertThat(text).contains("DANH SÁCH CỬ TRI")
                .contains("Niêm yết ngày " + posted.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                .doesNotContain(shared).as("a removed voter is off the posted list").doesNotContain("Nguyễn Văn Hai Nơi");
        assertThat(text).contains("Bùi Thị Mới");
        assertThat(audit.latest("voter_list", String.valueOf(listId), 10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("VOTER_LIST_EXPORTED");
            assertThat(e.details()).contains("sha256");
        });
        // another commune's official can neither read, export nor search this list
        var stranger = httpBasic(official, TestUsers.PASSWORD);
        mvc.perform(get("/api/v1/voter-lists/" + listId + "/posting.pdf").with(stranger)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/voter-lists/" + listId + "/changes").with(stranger)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/elections/" + election + "/voters").param("q", "pham thi mot").with(stranger))
                .andExpect(jsonPath("$", org.hamcrest.Matchers.hasSize(0)));   // on list A only, in 06709
        mvc.perform(get("/api/v1/elections/" + election + "/voters").param("q", "pham thi mot").with(admin()))
                .andExpect(jsonPath("$", org.hamcrest.Matchers.hasSize(1)));

        // the citizen look-up finds the voter with name (any diacritics), birth date and 4 digits; no hint otherwise
        String last4 = jdbc.sql("select right(personal_id, 4) from voter_entry where voter_list_id = :l and full_name = 'Phạm Thị Một'")
                .param("l", listId).query(String.class).single();
        mvc.perform(post("/portal/lookup").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .with(r -> { r.setRemoteAddr("10.9.8." + (int) (Math.random() * 200)); return r; })
                        .param("fullName", "pham thi mot").param("birthDate", "1990-02-02").param("idLast4", last4))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Có tên trong danh sách cử tri")));
        String client = "10.7.7." + (int) (Math.random() * 200);
        for (int i = 0; i < 10; i++) {
            mvc.perform(post("/portal/lookup").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                            .with(r -> { r.setRemoteAddr(client); return r; })
                            .param("fullName", "pham thi mot").param("birthDate", "1990-02-02").param("idLast4", "0000"))
                    .andExpect(status().isOk())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                            .string(org.hamcrest.Matchers.containsString("Không tìm thấy")));
        }
        mvc.perform(post("/portal/lookup").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .with(r -> { r.setRemoteAddr(client); return r; })
                        .param("fullName", "pham thi mot").param("birthDate", "1990-02-02").param("idLast4", last4))
                .andExpect(status().isTooManyRequests());

        // complaints: within 30 days of posting, answer due in 5 days
        mvc.perform(post("/api/v1/voter-lists/" + listId + "/complaints").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"entryId\":" + newEntry + ",\"complainant\":\"Bùi Thị Mới\",\"content\":\"Sai năm sinh\","
                                + "\"receivedOn\":\"" + posted.plusDays(7) + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.answerDue", is(posted.plusDays(12).toString())));
        mvc.perform(post("/api/v1/voter-lists/" + listId + "/complaints").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"complainant\":\"X\",\"content\":\"Muộn\",\"receivedOn\":\"" + posted.plusDays(31) + "\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", is("COMPLAINT_LATE")));
    }
}
