package vn.baucu.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import static vn.baucu.support.Api.admin;

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
import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.support.TestUsers;

/** Villages: created, imported (all or nothing), renamed, merged and split, each with history and audit. */
@BaucuIntegrationTest
class VillagesIT {

    /** Phường Phúc Xá and Phường Cống Vị (Ba Đình, Hà Nội) under the old structure: away from the Quảng Ninh demo. */
    static final String PHUC_XA = "00001";
    static final String CONG_VI = "00007";
    static final String ASOF = "2022-06-05";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Users users;
    @Autowired
    AuditLog audit;

    private static String unique(String base) {
        return base + " " + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    private int villageCount() {
        return jdbc.sql("select count(*) from admin_unit where level = 'VILLAGE'").query(Integer.class).single();
    }

    private static MockMultipartFile csv(String content) {
        return new MockMultipartFile("file", "thon.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBadFileIsRejectedWholeWithEveryRowNamed() throws Exception {
        String name = unique("Thôn Lặp");
        int before = villageCount();
        String file = "ma_xa,ten,loai,so_ho\n"
                + PHUC_XA + "," + name + ",thôn,120\n"
                + PHUC_XA + "," + name.replace("Thôn", "thôn") + ",thôn,80\n"
                + PHUC_XA + "," + unique("Khu Âm") + ",khu phố,-5\n"
                + "99999," + unique("Thôn Ma") + ",thôn,10\n"
                + PHUC_XA + "," + unique("Thôn Tốt") + ",thôn,200\n";
        mvc.perform(multipart("/api/v1/villages/imports").file(csv(file)).param("effective", ASOF).with(admin()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations", hasSize(3)))
                .andExpect(jsonPath("$.violations[0].code", is("G-205")))
                .andExpect(jsonPath("$.violations[0].row", is(3)))
                .andExpect(jsonPath("$.violations[1].code", is("G-204")))
                .andExpect(jsonPath("$.violations[1].row", is(4)))
                .andExpect(jsonPath("$.violations[2].code", is("G-201")))
                .andExpect(jsonPath("$.violations[2].row", is(5)))
                .andExpect(jsonPath("$.violations[2].message", containsString("99999")));
        assertThat(villageCount()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void aGoodCsvIsImportedAndAuditedWithItsHash() throws Exception {
        String a = unique("Thôn Đoàn Kết");
        String b = unique("Khu Hòa Bình");
        String file = "\uFEFFMã xã;Tên;Loại;Số hộ\n" + PHUC_XA + ";" + a + ";Thôn;150\n" + PHUC_XA + ";" + b + ";khu pho;210\n";
        mvc.perform(multipart("/api/v1/villages/imports").file(csv(file)).param("effective", ASOF).with(admin()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].name", is(a)))
                .andExpect(jsonPath("$[0].kind", is("thôn")))
                .andExpect(jsonPath("$[1].kind", is("khu phố")))
                .andExpect(jsonPath("$[1].households", is(210)));
        mvc.perform(get("/api/v1/admin-units?level=VILLAGE&parent=" + PHUC_XA + "&asOf=" + ASOF).with(admin()))
                .andExpect(jsonPath("$[*].name", hasItem(b)));
        String sha = vn.baucu.platform.Inputs.sha256(file.getBytes(StandardCharsets.UTF_8));
        assertThat(audit.latest("admin_unit", null, 50)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("VILLAGES_IMPORTED");
            assertThat(e.details()).contains(sha);
        });
        assertThat(audit.verify()).as("audit chain intact").isEmpty();
    }

    @Test
    void anXlsxFileImportsToo() throws Exception {
        String name = unique("Bản Nà Sa");
        var out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "baucu", "1.0")) {
            Worksheet ws = wb.newWorksheet("Thôn");
            ws.value(0, 0, "ma_xa");
            ws.value(0, 1, "ten");
            ws.value(0, 2, "loai");
            ws.value(0, 3, "so_ho");
            ws.value(1, 0, PHUC_XA);
            ws.value(1, 1, name);
            ws.value(1, 2, "bản");
            ws.value(1, 3, 95);
        }
        var file = new MockMultipartFile("file", "thon.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.toByteArray());
        mvc.perform(multipart("/api/v1/villages/imports").file(file).param("effective", ASOF).with(admin()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$[0].name", is(name)))
                .andExpect(jsonPath("$[0].households", is(95)));
    }

    @Test
    void fileLevelProblemsAreReported() throws Exception {
        mvc.perform(multipart("/api/v1/villages/imports").file(csv("ma_xa,ten,loai,so_ho\n")).with(admin()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", is("F-106")));
        mvc.perform(multipart("/api/v1/villages/imports").file(csv("ma_xa,ten\n06709,X\n")).with(admin()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[*].code", hasItem("G-200")));
        var binary = new MockMultipartFile("file", "thon.csv", "text/csv", new byte[] {0, 1, 2, 3, 0, (byte) 0xC3});
        mvc.perform(multipart("/api/v1/villages/imports").file(binary).with(admin()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", is("F-102")));
    }

    @Test
    void renameKeepsHistoryAndTheOldNameStaysVisibleInThePast() throws Exception {
        String name = unique("Thôn Cũ");
        String code = create(PHUC_XA, name, "2022-01-10");
        String renamed = unique("Thôn Mới");
        mvc.perform(post("/api/v1/villages/" + code + "/versions").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + renamed + "\",\"kind\":\"thôn\",\"households\":130,"
                                + "\"effective\":\"2023-01-01\",\"decisionRef\":\"NQ 12/NQ-HĐND\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code", is(code)))
                .andExpect(jsonPath("$.validFrom", is("2023-01-01")));
        mvc.perform(get("/api/v1/admin-units/" + code + "?asOf=2022-06-05").with(admin()))
                .andExpect(jsonPath("$.name", is(name)));
        mvc.perform(get("/api/v1/admin-units/" + code + "?asOf=2024-01-01").with(admin()))
                .andExpect(jsonPath("$.name", is(renamed)));
        mvc.perform(get("/api/v1/admin-units/" + code + "/history").with(admin()))
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].validTo", is("2023-01-01")));
    }

    @Test
    void mergeAndSplitLinkTheVersions() throws Exception {
        String a = create(PHUC_XA, unique("Thôn A"), "2022-01-10");
        String b = create(PHUC_XA, unique("Thôn B"), "2022-01-10");
        String mergedName = unique("Thôn Hợp Nhất");
        String merged = json(mvc.perform(post("/api/v1/villages/merges").with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"villageCodes\":[\"" + a + "\",\"" + b + "\"],\"into\":{\"name\":\"" + mergedName
                                + "\",\"kind\":\"thon\",\"households\":300},\"effective\":\"2023-03-01\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "code");
        mvc.perform(get("/api/v1/admin-units/" + merged + "?asOf=2023-03-01").with(admin()))
                .andExpect(jsonPath("$.mergedFrom", hasSize(2)))
                .andExpect(jsonPath("$.mergedFrom[0].relation", is("MERGED")));
        mvc.perform(get("/api/v1/admin-units/" + a + "?asOf=2023-03-01").with(admin()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/villages/" + merged + "/splits").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parts\":[{\"name\":\"" + unique("Thôn Đông") + "\",\"kind\":\"thôn\",\"households\":140},"
                                + "{\"name\":\"" + unique("Thôn Tây") + "\",\"kind\":\"thôn\",\"households\":160}],"
                                + "\"effective\":\"2024-03-01\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$", hasSize(2)));
        mvc.perform(get("/api/v1/admin-units/" + merged + "?asOf=2023-06-01").with(admin()))
                .andExpect(jsonPath("$.mergedInto", hasSize(2)))
                .andExpect(jsonPath("$.mergedInto[0].relation", is("SPLIT")));
    }

    @Test
    void aDuplicateNameInTheCommuneIsRefused() throws Exception {
        String name = unique("Thôn Hòa");
        create(PHUC_XA, name, "2022-01-10");
        mvc.perform(post("/api/v1/admin-units/" + PHUC_XA + "/villages").with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name.replace("Hòa", "Hoà") + "\",\"kind\":\"thôn\",\"households\":5,"
                                + "\"effective\":\"2022-02-01\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", is("G-206")));
    }

    @Test
    void aCommuneOfficialCannotTouchAnotherCommune() throws Exception {
        String official = TestUsers.create(users, Role.COMMUNE_OFFICIAL, PHUC_XA);
        RequestPostProcessor asOfficial = httpBasic(official, TestUsers.PASSWORD);
        create(CONG_VI, unique("Khu Bên Kia"), "2022-01-10");
        mvc.perform(get("/api/v1/admin-units?level=VILLAGE&parent=" + CONG_VI + "&asOf=" + ASOF).with(asOfficial))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type", is("urn:baucu:problem:forbidden")));
        mvc.perform(post("/api/v1/admin-units/" + CONG_VI + "/villages").with(asOfficial)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"X\",\"kind\":\"thôn\",\"households\":5,\"effective\":\"" + ASOF + "\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/admin-units?level=VILLAGE&parent=" + PHUC_XA + "&asOf=" + ASOF).with(asOfficial))
                .andExpect(status().isOk());
    }

    private String create(String commune, String name, String effective) throws Exception {
        String body = mvc.perform(post("/api/v1/admin-units/" + commune + "/villages").with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\",\"kind\":\"thôn\",\"households\":100,\"effective\":\""
                                + effective + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json(body, "code");
    }

    private static String json(String body, String field) {
        var m = java.util.regex.Pattern.compile("\"" + field + "\":\"([^\"]+)\"").matcher(body);
        assertThat(m.find()).as(field + " in " + body).isTrue();
        return m.group(1);
    }
}
