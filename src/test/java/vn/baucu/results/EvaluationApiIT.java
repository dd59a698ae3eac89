package vn.baucu.results;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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

/** POST /api/v1/evaluations exactly as contracts/contest-evaluation.md publishes it: public, stateless. */
@BaucuIntegrationTest
class EvaluationApiIT {

    /** The contract's own example request. */
    static final String CONTRACT_EXAMPLE = """
            {
              "ruleSet": "NATIONAL_ASSEMBLY_2025",
              "round": "FIRST",
              "seats": 3,
              "electionDay": "2026-03-15",
              "votingMethod": "SECRET_BALLOT",
              "electorate": 120000,
              "electorateExcluded": 0,
              "participants": 118500,
              "ballotsIssued": 118500,
              "ballotsReturned": 118500,
              "validBallots": 117900,
              "invalidBallots": 600,
              "candidates": [
                { "id": "c1", "name": "Nguyễn Văn An", "birthDate": "1968-04-02", "votes": 90100 },
                { "id": "c2", "name": "Trần Thị Bình", "birthDate": "1975-10-30", "votes": 80050 }
              ]
            }""";

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    private static MockHttpServletRequestBuilder evaluate(String body) {
        return post("/api/v1/evaluations").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void theContractExampleMatchesItsGoldenResponse() throws Exception {
        String body = mvc.perform(evaluate(CONTRACT_EXAMPLE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.elected", contains("c1", "c2")))
                .andExpect(jsonPath("$.candidates[0].percent", is("76.42")))
                .andExpect(jsonPath("$.candidates[1].percent", is("67.90")))
                .andExpect(jsonPath("$.bar.denominator", is(117900)))
                .andExpect(jsonPath("$.bar.mustExceed", is(58950)))
                .andExpect(jsonPath("$.turnoutPercent", is("98.75")))
                .andExpect(jsonPath("$.followUp.kind", is("ADDITIONAL_ELECTION")))
                .andExpect(jsonPath("$.followUp.latestDate", is("2026-03-22")))
                .andExpect(jsonPath("$.followUp.decidedBy", is("NATIONAL_ELECTION_COUNCIL")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Golden.assertMatches("evaluation/na-2026-contract-example.vi.json",
                json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(body)) + "\n");
    }

    @Test
    void reasonsSpeakTheCallersLanguage() throws Exception {
        mvc.perform(evaluate(CONTRACT_EXAMPLE).header("Accept-Language", "en"))
                .andExpect(jsonPath("$.reasons[0].code", is("BAR_VALID_BALLOTS")))
                .andExpect(jsonPath("$.reasons[0].text", containsString("more than half of the valid ballots")))
                .andExpect(jsonPath("$.reasons[0].legalBasis", is("Luật 85/2015/QH13 (sửa đổi 2025), Điều 78 khoản 2")));
        mvc.perform(evaluate(CONTRACT_EXAMPLE))
                .andExpect(jsonPath("$.reasons[0].text", containsString("quá một nửa số phiếu hợp lệ")));
    }

    @Test
    void theVillageCaseThatFoolsNaiveSoftware() throws Exception {
        mvc.perform(evaluate("""
                        {"ruleSet": "VILLAGE_HEAD_2023", "seats": 1, "electorate": 310, "participants": 216,
                         "ballotsIssued": 216, "ballotsReturned": 216, "validBallots": 210, "invalidBallots": 6,
                         "candidates": [{"id": "c1", "votes": 110}]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome", is("NONE_ELECTED")))
                .andExpect(jsonPath("$.candidates[0].percent", is("35.48")))
                .andExpect(jsonPath("$.percentBase.base", is("HOUSEHOLDS")))
                .andExpect(jsonPath("$.followUp.kind", is("REELECTION")))
                .andExpect(jsonPath("$.followUp.latestDate").doesNotExist());
    }

    @Test
    void malformedJsonIsA400Problem() throws Exception {
        mvc.perform(evaluate("{\"ruleSet\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type", is("urn:baucu:problem:bad-request")));
    }

    @Test
    void missingAndUnknownFieldsAreNamed() throws Exception {
        mvc.perform(evaluate("{\"ruleSet\": \"VILLAGE_HEAD_1999\", \"seats\": 1, \"candidates\": [{\"id\": \"a\", \"votes\": 1}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[*].field", contains("ruleSet", "electorate", "participants")));
        mvc.perform(evaluate("""
                        {"ruleSet": "NATIONAL_ASSEMBLY_2025", "seats": 0, "electorate": 10, "participants": 5,
                         "candidates": [{"id": "a", "votes": 1}, {"id": "a", "votes": -1}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[*].code",
                        contains("E-002", "E-004", "E-004", "E-004", "E-004", "E-007", "E-003")));
    }

    @Test
    void everyBrokenInvariantIsA422AtOnce() throws Exception {
        mvc.perform(evaluate("""
                        {"ruleSet": "NATIONAL_ASSEMBLY_2025", "seats": 1, "electorate": 100, "participants": 120,
                         "ballotsIssued": 100, "ballotsReturned": 110, "validBallots": 100, "invalidBallots": 20,
                         "candidates": [{"id": "a", "votes": 110}]}""").header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.violations", hasSize(5)))
                .andExpect(jsonPath("$.violations[*].code", contains("M-101", "M-102", "M-103", "M-104", "M-105")))
                .andExpect(jsonPath("$.violations[0].message", is("Participants (120) exceed the electorate (100).")));
    }

    @Test
    void aTieThatNeedsBirthDatesWithoutThemIsA422() throws Exception {
        mvc.perform(evaluate("""
                        {"ruleSet": "NATIONAL_ASSEMBLY_2025", "seats": 2, "electorate": 100, "participants": 90,
                         "ballotsIssued": 90, "ballotsReturned": 90, "validBallots": 90, "invalidBallots": 0,
                         "candidates": [{"id": "a", "votes": 60}, {"id": "b", "votes": 46},
                                        {"id": "c", "votes": 46, "birthDate": "1970-01-01"}]}"""))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", is("E-201")));
    }
}
