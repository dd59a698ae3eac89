package vn.baucu.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.support.Golden;

/** Official documents: their text layer against golden files, every Vietnamese diacritic intact. */
@BaucuIntegrationTest
class DocumentsIT {

    /** Every vowel with every tone, and đ, in member names. */
    static final String[] NAMES = {"Nguyễn Thị Ánh Ầu Ẩn Ẫu Ậm", "Trần Ắt Ằng Ẳng Ẵng Ặc", "Lê Éo Ềnh Ểu Ễnh Ệu",
        "Phạm Ích Ìm Ỉm Ĩm Ịt", "Hoàng Óc Ồn Ổn Ỗn Ộc Ớn Ờn Ởn Ỡn Ợn", "Đỗ Úc Ừng Ửng Ững Ựng Ùn Ủn Ũn Ụn",
        "Vũ Ýn Ỳn Ỷn Ỹn Ỵn Đức Ơn Ưng"};

    @Autowired
    MockMvc mvc;

    @Test
    void theFormingDecisionOfAnElectionCommittee() throws Exception {
        String e = mvc.perform(post("/api/v1/elections").with(httpBasic("admin", "admin-test-password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"NATIONAL_ASSEMBLY\",\"ruleSet\":\"NATIONAL_ASSEMBLY_2025\",\"name\":\"Bầu cử đại biểu "
                                + "Quốc hội khóa XVI\",\"term\":\"2026-2031\",\"electionDay\":\"2026-03-15\"}"))
                .andReturn().getResponse().getContentAsString();
        long election = Long.parseLong(e.replaceAll(".*\"id\":(\\d+).*", "$1"));
        StringBuilder members = new StringBuilder("[");
        for (int i = 0; i < NAMES.length; i++) {
            members.append(i == 0 ? "" : ",").append("{\"fullName\":\"").append(NAMES[i]).append("\",\"role\":\"")
                    .append(i == 0 ? "Chủ tịch" : i == 1 ? "Phó Chủ tịch" : i == 2 ? "Thư ký" : "Ủy viên")
                    .append("\",\"represents\":\"Ủy ban MTTQ Việt Nam tỉnh\"}");
        }
        members.append("]");
        String body = mvc.perform(post("/api/v1/elections/" + election + "/organisations")
                        .with(httpBasic("admin", "admin-test-password")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"ELECTION_COMMITTEE\",\"level\":\"PROVINCE\",\"unitCode\":\"22\","
                                + "\"name\":\"Ủy ban bầu cử tỉnh Quảng Ninh\",\"decisionNo\":\"3456/QĐ-UBND\","
                                + "\"decisionDate\":\"2025-11-25\",\"issuingBody\":\"Ủy ban nhân dân tỉnh Quảng Ninh\","
                                + "\"members\":" + members + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(body.replaceAll(".*?\"id\":(\\d+).*", "$1"));
        byte[] pdf = mvc.perform(get("/api/v1/organisations/" + id + "/decision.pdf").with(httpBasic("admin", "admin-test-password")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        Files.createDirectories(Path.of("target/documents"));
        Files.write(Path.of("target/documents/formation-decision.pdf"), pdf);
        String text = text(pdf);
        String flat = text.replaceAll("\\s+", " ");
        for (String name : NAMES) {
            assertThat(flat).contains(name);
        }
        Golden.assertMatches("documents/formation-decision.txt", text);

        byte[] plan = mvc.perform(get("/api/v1/elections/" + election + "/plan.pdf").with(httpBasic("admin", "admin-test-password")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        Files.write(Path.of("target/documents/election-plan.pdf"), plan);
        String planText = text(plan);
        assertThat(planText.replaceAll("\\s+", " ")).contains("Thành lập Ủy ban bầu cử 30/11/2025")
                .contains("Công bố kết quả bầu cử và danh sách người trúng cử 25/03/2026");
        Golden.assertMatches("documents/election-plan-na-2026.txt", planText);
    }

    static String text(byte[] pdf) {
        return Golden.pdfText(pdf);
    }
}
