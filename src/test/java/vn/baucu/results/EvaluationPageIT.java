package vn.baucu.results;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.baucu.support.BaucuIntegrationTest;

/** The public calculator page, anonymous, with and without htmx. */
@BaucuIntegrationTest
class EvaluationPageIT {

    @Autowired
    MockMvc mvc;

    @Test
    void anyoneCanOpenIt() throws Exception {
        mvc.perform(get("/portal/evaluation")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Tính kết quả bầu cử")));
    }

    @Test
    void theThuvienphapluatCaseShowsNobodyElectedWithItsReasons() throws Exception {
        mvc.perform(post("/portal/evaluation").with(csrf()).header("HX-Request", "true")
                        .param("ruleSet", "VILLAGE_HEAD_2008").param("round", "FIRST").param("votingMethod", "SECRET_BALLOT")
                        .param("seats", "1").param("electorate", "310").param("participants", "216")
                        .param("ballotsIssued", "216").param("ballotsReturned", "216").param("validBallots", "210")
                        .param("invalidBallots", "6").param("name", "Nguyễn Văn Hùng").param("votes", "110"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Không ai trúng cử")))
                .andExpect(content().string(containsString("35.48")))
                .andExpect(content().string(containsString("NQLT 09/2008/NQLT-CP-UBTWMTTQVN, Điều 8")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void badFiguresAreListedNotThrown() throws Exception {
        mvc.perform(post("/portal/evaluation").with(csrf()).header("Accept-Language", "en")
                        .param("ruleSet", "NATIONAL_ASSEMBLY_2025").param("seats", "1").param("electorate", "100")
                        .param("participants", "120").param("ballotsIssued", "120").param("ballotsReturned", "120")
                        .param("validBallots", "120").param("invalidBallots", "0").param("name", "A").param("votes", "abc"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("E-010")))
                .andExpect(content().string(containsString("<html")));
    }
}
