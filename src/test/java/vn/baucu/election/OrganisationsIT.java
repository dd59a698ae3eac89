package vn.baucu.election;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.util.UUID;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import static vn.baucu.support.Api.admin;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.baucu.support.Api;
import vn.baucu.support.BaucuIntegrationTest;

/** Bodies and polling areas: composition checks, formation deadlines, member import. */
@BaucuIntegrationTest
class OrganisationsIT {

    @Autowired
    MockMvc mvc;

    private long create(String json) throws Exception {
        return Api.createElection(mvc, json);
    }

    private static String members(int n) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"fullName\":\"Thành viên ").append(i + 1).append("\",\"role\":\"")
                    .append(i == 0 ? "Tổ trưởng" : i == 1 ? "Thư ký" : "Thành viên").append("\",\"represents\":\"MTTQ\"}");
        }
        return sb.append("]").toString();
    }

    @Test
    void aNationalAssemblyTeamOfEightIsFlaggedAndALateOneToo() throws Exception {
        long id = create("{\"kind\":\"NATIONAL_ASSEMBLY\",\"ruleSet\":\"NATIONAL_ASSEMBLY_2025\",\"name\":\"Quốc hội khóa XVI\","
                + "\"term\":\"2026-2031\",\"electionDay\":\"2026-03-15\"}");
        int number = 100 + (int) (Math.random() * 800);
        String area = mvc.perform(post("/api/v1/communes/06709/polling-areas").with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pollingDay\":\"2026-03-15\",\"number\":" + number + ",\"name\":\"Khu vực " + number
                                + "\",\"voters\":1200}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long areaId = Long.parseLong(area.replaceAll(".*?\"id\":(\\d+).*", "$1"));
        mvc.perform(post("/api/v1/elections/" + id + "/organisations").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"ELECTION_TEAM\",\"pollingAreaId\":" + areaId + ",\"name\":\"Tổ bầu cử số " + number
                                + "\",\"decisionNo\":\"15/QĐ-UBND\",\"decisionDate\":\"2026-01-20\",\"members\":" + members(8) + "}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.checks[*].code", hasItem("O-101")))
                .andExpect(jsonPath("$.checks[?(@.code == 'O-101')].message").value(hasItem(
                        org.hamcrest.Matchers.containsString("11"))));
        mvc.perform(post("/api/v1/elections/" + id + "/organisations").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"ELECTION_TEAM\",\"pollingAreaId\":" + areaId + ",\"name\":\"Tổ bầu cử số " + number
                                + "\",\"decisionNo\":\"16/QĐ-UBND\",\"decisionDate\":\"2026-02-05\",\"members\":" + members(12) + "}"))
                .andExpect(jsonPath("$.checks[*].code", not(hasItem("O-101"))))
                .andExpect(jsonPath("$.checks[*].code", hasItem("O-201")))
                .andExpect(jsonPath("$.body.deadline", is("2026-01-31")));
    }

    @Test
    void pollingAreaSizesFollowTheLaw() throws Exception {
        mvc.perform(post("/api/v1/communes/06709/polling-areas").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pollingDay\":\"2026-03-15\",\"number\":901,\"name\":\"Nhỏ\",\"voters\":200}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", is("A-102")));
        mvc.perform(post("/api/v1/communes/06709/polling-areas").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pollingDay\":\"2026-03-15\",\"number\":902,\"name\":\"Lớn\",\"voters\":4200}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", is("A-101")));
    }

    @Test
    void formingAVillageTeamMarksItsMilestoneAndMembersImportFromExcel() throws Exception {
        String village = "Tổ dân phố Hội Đồng " + UUID.randomUUID().toString().substring(0, 4);
        String created = mvc.perform(post("/api/v1/admin-units/00007/villages").with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + village + "\",\"kind\":\"tổ dân phố\",\"households\":150,\"effective\":\"2023-01-01\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String villageCode = created.replaceAll(".*\"code\":\"([^\"]+)\".*", "$1");
        long id = create("{\"kind\":\"VILLAGE_HEAD\",\"ruleSet\":\"VILLAGE_HEAD_2023\",\"name\":\"Bầu tổ trưởng\",\"term\":\"2024-2026\","
                + "\"electionDay\":\"2024-06-02\",\"scopeCode\":\"00007\"}");
        String body = mvc.perform(post("/api/v1/elections/" + id + "/organisations").with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"ELECTION_TEAM\",\"contestPlaceCode\":\"" + villageCode + "\",\"name\":\"Tổ bầu cử "
                                + village + "\",\"decisionNo\":\"7/QĐ-UBND\",\"decisionDate\":\"2024-05-20\",\"members\":" + members(3) + "}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.checks", hasSize(0)))
                .andReturn().getResponse().getContentAsString();
        long orgId = Long.parseLong(body.replaceAll(".*?\"id\":(\\d+).*", "$1"));
        mvc.perform(get("/api/v1/elections/" + id + "/progress?commune=00007").with(admin()))
                .andExpect(jsonPath("$[?(@.code == 'ELECTION_TEAM_FORMED')].done").value(hasItem(1)))
                .andExpect(jsonPath("$[?(@.code == 'ELECTION_TEAM_FORMED')].doneLate").value(hasItem(0)));

        var out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "baucu", "1.0")) {
            Worksheet ws = wb.newWorksheet("Thành viên");
            String[][] rows = {{"Họ tên", "Chức vụ", "Đại diện"}, {"Nguyễn Thị Hoà", "Tổ trưởng", "Ban công tác Mặt trận"},
                {"Trần Văn Bình", "Thư ký", "Chi hội Phụ nữ"}, {"Lê Văn Cường", "Thành viên", "Đại diện hộ gia đình"}};
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < 3; c++) {
                    ws.value(r, c, rows[r][c]);
                }
            }
        }
        mvc.perform(multipart("/api/v1/organisations/" + orgId + "/members/imports").with(admin())
                        .file(new MockMultipartFile("file", "to-bau-cu.xlsx", "application/octet-stream", out.toByteArray())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.body.members", hasSize(3)))
                .andExpect(jsonPath("$.body.members[0].role", is("CHAIR")))
                .andExpect(jsonPath("$.body.members[1].role", is("SECRETARY")));
        mvc.perform(multipart("/api/v1/organisations/" + orgId + "/members/imports").with(admin())
                        .file(new MockMultipartFile("file", "x.csv", "text/csv",
                                "ho_ten,chuc_vu\nA,Tổ trưởng\n,Thành viên\nC,Giám đốc\n".getBytes())))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].row", is(3)))
                .andExpect(jsonPath("$.violations[1].code", is("O-105")));
    }
}
