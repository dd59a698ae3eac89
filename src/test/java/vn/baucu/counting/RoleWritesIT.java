package vn.baucu.counting;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.baucu.platform.Role;
import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.support.VillageElections;

/**
 * Each role writes what its body does in law, and nothing else: the Front's committee records the Front working
 * committee's candidate meeting (NĐ 59/2023/NĐ-CP, Điều 6) and the consultation conferences (Luật 85/2015/QH13, Điều
 * 38–50) of its own unit, but settles no list; observers, Party committees and teams record neither.
 */
@BaucuIntegrationTest
class RoleWritesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    vn.baucu.support.TestUsers testUsers;
    @Autowired
    VillageElections villageElections;

    RequestPostProcessor user(Role role, String unit) {
        return testUsers.as(role, unit);
    }

    @Test
    void theFrontRecordsItsMeetingAndNothingElse() throws Exception {
        VillageElections.Built v = villageElections.nominated(30);
        String meeting = "/api/v1/elections/" + v.electionId() + "/contests/" + v.villageCode() + "/front-meeting";
        String body = ("{\"heldOn\":\"2022-05-18\",\"attendance\":9,\"chairedBy\":\"Trần Thị Mặt Trận\",\"cellAgreed\":true,"
                + "\"cellAgreedOn\":\"2022-05-19\",\"cellAgreementRef\":\"BB chi ủy 1\",\"minutesSentOn\":\"2022-05-20\","
                + "\"candidateIds\":[%s,%s]}").formatted(v.first(), v.second());
        for (RequestPostProcessor refused : new RequestPostProcessor[] {user(Role.OBSERVER, VillageElections.PROVINCE),
                user(Role.PARTY_COMMITTEE, v.communeCode()), user(Role.ELECTION_TEAM, v.villageCode()),
                user(Role.FRONT_COMMITTEE, "06712")}) {
            mvc.perform(put(meeting).with(refused).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isForbidden());
        }
        RequestPostProcessor front = user(Role.FRONT_COMMITTEE, v.communeCode());
        mvc.perform(put(meeting).with(front).contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk());
        // settling the official list is the commune's
        mvc.perform(post("/api/v1/elections/" + v.electionId() + "/contests/" + v.villageCode() + "/candidates/final-list")
                .with(front)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/elections/" + v.electionId() + "/contests/" + v.villageCode() + "/candidates/final-list")
                .with(user(Role.COMMUNE_OFFICIAL, v.communeCode()))).andExpect(status().isOk());
    }

    @Test
    void theProvincialFrontRecordsAConsultationButAnObserverCannot() throws Exception {
        String created = mvc.perform(post("/api/v1/elections").with(vn.baucu.support.Api.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"PEOPLES_COUNCIL\",\"councilLevel\":\"PROVINCE\",\"ruleSet\":\"PEOPLES_COUNCIL_2025\","
                                + "\"name\":\"Bầu cử HĐND tỉnh (kiểm thử)\",\"term\":\"2026-2031\",\"electionDay\":\"2026-03-15\","
                                + "\"scopeCode\":\"22\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll(".*?\"id\":(\\d+).*", "$1"));
        String round = "{\"unitCode\":\"22\",\"round\":1,\"heldOn\":\"2026-01-10\",\"attendance\":45,\"plannedSeats\":50,"
                + "\"candidateIds\":[]}";
        mvc.perform(post("/api/v1/elections/" + id + "/consultations").with(user(Role.OBSERVER, "22"))
                .contentType(MediaType.APPLICATION_JSON).content(round)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/elections/" + id + "/consultations").with(user(Role.PARTY_COMMITTEE, "22"))
                .contentType(MediaType.APPLICATION_JSON).content(round)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/elections/" + id + "/consultations").with(user(Role.FRONT_COMMITTEE, "22"))
                .contentType(MediaType.APPLICATION_JSON).content(round)).andExpect(status().isCreated());
    }
}
