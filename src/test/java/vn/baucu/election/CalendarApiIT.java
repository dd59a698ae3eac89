package vn.baucu.election;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;
import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.support.Golden;

/** POST /api/v1/calendars/preview as contracts/calendar.md publishes it. */
@BaucuIntegrationTest
class CalendarApiIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    private static MockHttpServletRequestBuilder preview(String body) {
        return post("/api/v1/calendars/preview").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void the2026NationalAssemblyCalendarMatchesItsGoldenFile() throws Exception {
        String body = mvc.perform(preview("{\"ruleSet\": \"NATIONAL_ASSEMBLY_2025\", \"electionDay\": \"2026-03-15\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.milestones[?(@.code == 'ELECTION_COMMITTEES_FORMED')].date").value("2025-11-30"))
                .andExpect(jsonPath("$.milestones[?(@.code == 'ELECTION_COMMITTEES_FORMED')].offset").value("-105d"))
                .andExpect(jsonPath("$.milestones[?(@.code == 'ELECTION_COMMITTEES_FORMED')].relation").value("NO_LATER_THAN"))
                .andExpect(jsonPath("$.milestones[?(@.code == 'ELECTION_COMMITTEES_FORMED')].legalBasis")
                        .value("Luật 85/2015/QH13 (sửa đổi 2025), Điều 22"))
                .andExpect(jsonPath("$.milestones[?(@.code == 'ELECTION_COMMITTEES_FORMED')].title")
                        .value("Thành lập Ủy ban bầu cử"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Golden.assertMatches("calendar/na-2026.vi.json",
                json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(body)) + "\n");
    }

    @Test
    void villageHeadWorkingDaysAndEnglishTitles() throws Exception {
        mvc.perform(preview("{\"ruleSet\": \"VILLAGE_HEAD_2023\", \"electionDay\": \"2025-11-30\"}")
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.milestones", hasSize(8)))
                .andExpect(jsonPath("$.milestones[6].code", is("MINUTES_SENT")))
                .andExpect(jsonPath("$.milestones[6].offset", is("+5wd")))
                .andExpect(jsonPath("$.milestones[6].date", is("2025-12-05")))
                .andExpect(jsonPath("$.milestones[7].relation", is("WITHIN")))
                .andExpect(jsonPath("$.milestones[7].until", is("2025-12-12")))
                .andExpect(jsonPath("$.milestones[0].title", is("Decision to hold the election, plan")));
    }

    @Test
    void aSaturdayIsNotAnElectionDay() throws Exception {
        mvc.perform(preview("{\"ruleSet\": \"PEOPLES_COUNCIL_2025\", \"electionDay\": \"2026-03-14\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", is("C-101")))
                .andExpect(jsonPath("$.violations[0].field", is("electionDay")));
    }

    @Test
    void badInputIsA400NamingTheField() throws Exception {
        mvc.perform(preview("{\"ruleSet\": \"SENATE_2026\", \"electionDay\": \"2026-02-30\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field", is("ruleSet")))
                .andExpect(jsonPath("$.violations[1].field", is("electionDay")));
    }

    @Test
    void aYearWithoutAHolidayTableFailsLoudly() throws Exception {
        mvc.perform(preview("{\"ruleSet\": \"VILLAGE_HEAD_2023\", \"electionDay\": \"2029-05-06\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", is("C-102")));
    }

    @Test
    void aPartyCongressAfterAVillageHeadElection() throws Exception {
        mvc.perform(preview("{\"ruleSet\": \"PARTY_CELL_2024\", \"electionDay\": \"2022-07-03\", \"followsVillageHeadElection\": true}"))
                .andExpect(jsonPath("$.milestones[0].code", is("VILLAGE_HEAD_RECOGNISED")))
                .andExpect(jsonPath("$.milestones[0].date", is("2022-07-02")))
                .andExpect(jsonPath("$.milestones[1].code", is("CONGRESS")));
    }
}
