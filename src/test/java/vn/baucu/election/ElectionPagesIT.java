package vn.baucu.election;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;

import vn.baucu.support.BaucuIntegrationTest;

/** An official creates a village head election for one commune and works through its dashboard. */
@BaucuIntegrationTest
class ElectionPagesIT {

    @Autowired
    MockMvc mvc;

    @Test
    void createFollowAndMarkDone() throws Exception {
        mvc.perform(post("/api/v1/admin-units/00004/villages").with(httpBasic("admin", "admin-test-password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Tổ dân phố " + UUID.randomUUID().toString().substring(0, 5) + "\","
                                + "\"kind\":\"tổ dân phố\",\"households\":120,\"effective\":\"2023-01-01\"}"))
                .andExpect(status().isCreated());
        Cookie session = vn.baucu.support.Pages.login(mvc, "admin", "admin-test-password");
        String location = mvc.perform(post("/elections").cookie(session).with(csrf())
                        .param("kind", "VILLAGE_HEAD").param("ruleSet", "VILLAGE_HEAD_2023").param("name", "Bầu tổ trưởng")
                        .param("term", "2024–2026").param("electionDay", "2024-06-02").param("scopeCode", "00004"))
                .andExpect(redirectedUrlPattern("/elections/*"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("thành lập Tổ bầu cử")))
                .andExpect(content().string(containsString("overdue")));
        mvc.perform(post(location + "/milestones/ELECTION_TEAM_FORMED/done").cookie(session).with(csrf())
                        .param("communeCode", "00004").param("doneOn", "2024-05-30").param("decisionRef", "QĐ 12/QĐ-UBND"))
                .andExpect(redirectedUrlPattern("/elections/*/milestones/ELECTION_TEAM_FORMED"));
        mvc.perform(get(location + "/milestones/ELECTION_TEAM_FORMED").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Phường Trúc Bạch")));
        mvc.perform(post(location + "/organisations").cookie(session).with(csrf())
                        .param("kind", "COUNTING_COMMITTEE").param("name", "Ban kiểm phiếu phường Trúc Bạch")
                        .param("decisionNo", "2/QĐ").param("decisionDate", "2024-06-02")
                        .param("members", "Nguyễn Văn An; Trưởng ban; MTTQ\nTrần Thị Bình; Thành viên"))
                .andExpect(redirectedUrlPattern("/elections/*/organisations"));
        mvc.perform(get(location + "/organisations").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ban kiểm phiếu phường Trúc Bạch")))
                .andExpect(content().string(containsString("O-101")));
        mvc.perform(get(location + "/candidates/statistics").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Cơ cấu người ứng cử")));
        mvc.perform(get("/").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Việc quá hạn trong phạm vi của bạn")))
                .andExpect(content().string(containsString("Bầu tổ trưởng")));
        mvc.perform(post("/elections").cookie(session).with(csrf())
                        .param("kind", "VILLAGE_HEAD").param("ruleSet", "NATIONAL_ASSEMBLY_2025").param("name", "x")
                        .param("term", "x").param("electionDay", "2024-06-02").param("scopeCode", "00004"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("L-202")));
    }
}
