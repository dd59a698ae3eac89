package vn.baucu.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.baucu.platform.Role;
import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.support.MinutesBodies;
import vn.baucu.support.TestUsers;
import vn.baucu.support.UnitElections;

/**
 * The provincial People's Council (HĐND) elected the same day as the National Assembly, in the same polling areas
 * (issue 11: a polling area holds one minutes per contest voted there that day). The area's team enters both papers,
 * each against its own election's list and voter list; each election is certified and counted on its own, by its own
 * rule set; a team of another area may enter neither.
 */
@BaucuIntegrationTest
class CouncilSameDayIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    UnitElections unitElections;

    ResultActions enter(UnitElections.Built u, RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(post("/api/v1/elections/" + u.electionId() + "/contests/22-1/minutes/entries").with(who)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    long minutesOf(UnitElections.Built u, long area) {
        return jdbc.sql("select id from minutes where election_id = :e and polling_area_id = :a").param("e", u.electionId())
                .param("a", area).query(Long.class).single();
    }

    @Test
    void onePollingAreaHoldsTheMinutesOfEachContestVotedThereAndEachElectionCountsItsOwn() throws Exception {
        UnitElections.Built na = unitElections.frozen(300, 2);
        UnitElections.Built council = unitElections.councilOver(na);
        assertThat(council.areas()).isEqualTo(na.areas());
        RequestPostProcessor province = users.as(Role.PROVINCE_OFFICIAL, "22");
        long[][] naVotes = {{150, 90, 40}, {160, 80, 30}};
        long[][] councilVotes = {{60, 150, 70}, {50, 170, 50}};
        for (int a = 0; a < 2; a++) {
            long area = na.areas().get(a);
            RequestPostProcessor team = users.as(Role.ELECTION_TEAM, na.communeCode(), area);
            RequestPostProcessor team2 = users.as(Role.ELECTION_TEAM, na.communeCode(), area);
            long voted = a == 0 ? 280 : 270;
            String naPaper = MinutesBodies.area(na, area, 300, voted, naVotes[a][0], naVotes[a][1], naVotes[a][2]);
            String councilPaper = MinutesBodies.area(council, area, 300, voted, councilVotes[a][0], councilVotes[a][1],
                    councilVotes[a][2]);
            // the NA paper sent to the council's contest names candidates that are not on its ballot
            enter(council, team, naPaper).andExpect(status().isUnprocessableEntity());
            for (RequestPostProcessor who : new RequestPostProcessor[] {team, team2}) {
                enter(na, who, naPaper).andExpect(status().isCreated());
                enter(council, who, councilPaper).andExpect(status().isCreated());
            }
            // a team of the other area enters neither of this area's papers
            RequestPostProcessor other = users.as(Role.ELECTION_TEAM, na.communeCode(), na.areas().get(1 - a));
            enter(council, other, councilPaper).andExpect(status().isForbidden());
            for (UnitElections.Built u : new UnitElections.Built[] {na, council}) {
                mvc.perform(post("/api/v1/elections/" + u.electionId() + "/contests/22-1/minutes/" + minutesOf(u, area)
                        + "/certification").with(province).header("If-Match", "\"1\"")).andExpect(status().isOk());
            }
        }
        // one minutes per contest per area: two areas, two elections, four minutes
        assertThat(jdbc.sql("select count(*) from minutes where polling_area_id in (:a)").param("a", na.areas())
                .query(Long.class).single()).isEqualTo(4);
        mvc.perform(get("/api/v1/elections/" + na.electionId() + "/results").with(province))
                .andExpect(jsonPath("$.contests[0].status", is("CERTIFIED")))
                .andExpect(jsonPath("$.contests[0].electorate", is(600)))
                .andExpect(jsonPath("$.contests[0].candidates[0].votes", is(310)))
                .andExpect(jsonPath("$.contests[0].candidates[0].elected", is(true)))
                .andExpect(jsonPath("$.contests[0].candidates[1].elected", is(false)));
        mvc.perform(get("/api/v1/elections/" + council.electionId() + "/results").with(province))
                .andExpect(jsonPath("$.contests[0].status", is("CERTIFIED")))
                .andExpect(jsonPath("$.election.ruleSet", is("PEOPLES_COUNCIL_2025")))
                .andExpect(jsonPath("$.election.kind", is("PEOPLES_COUNCIL")))
                .andExpect(jsonPath("$.contests[0].electorate", is(600)))
                .andExpect(jsonPath("$.contests[0].candidates[1].id", is(council.candidate(1))))
                .andExpect(jsonPath("$.contests[0].candidates[1].votes", is(320)))
                .andExpect(jsonPath("$.contests[0].candidates[1].elected", is(true)))
                .andExpect(jsonPath("$.contests[0].candidates[0].elected", is(false)))
                .andExpect(jsonPath("$.contests[0].minutes", hasSize(2)));
        // the commune's workbook of the council election lists both areas
        mvc.perform(get("/api/v1/elections/" + council.electionId() + "/communes/" + na.communeCode()
                + "/minutes-template.xlsx").with(users.as(Role.COMMUNE_OFFICIAL, na.communeCode()))).andExpect(status().isOk());
        // and each election recomputes to what it stored
        for (UnitElections.Built u : new UnitElections.Built[] {na, council}) {
            mvc.perform(post("/api/v1/elections/" + u.electionId() + "/results/recomputation").with(vn.baucu.support.Api.admin()))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.differed", hasSize(0)));
        }
        assertThat(jdbc.sql("select count(distinct election_id) from contest_result where election_id in (:e)")
                .param("e", java.util.List.of(na.electionId(), council.electionId())).query(Long.class).single()).isEqualTo(2);
        mvc.perform(get("/api/v1/elections/" + council.electionId() + "/contests/22-1/minutes").with(province))
                .andExpect(jsonPath("$[*].status", containsInAnyOrder("CERTIFIED", "CERTIFIED")));
    }
}
