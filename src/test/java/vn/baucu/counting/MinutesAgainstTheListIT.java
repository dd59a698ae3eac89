package vn.baucu.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.baucu.candidates.Candidates;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.Role;
import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.support.Golden;
import vn.baucu.support.VillageElections;
import vn.baucu.voters.VoterLists;

/**
 * The minutes against what stood on election day: the list less those removed by then and those who took a
 * certificate to vote elsewhere (someone removed after the day still counts), and a name struck off after the ballots
 * were printed carried as "not counted" with 0 votes enforced, on the API and in the PDF.
 */
@BaucuIntegrationTest
class MinutesAgainstTheListIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    vn.baucu.support.TestUsers testUsers;
    @Autowired
    VillageElections villageElections;
    @Autowired
    VoterLists voterLists;
    @Autowired
    Candidates candidates;

    RequestPostProcessor user(Role role, String unit) {
        return testUsers.as(role, unit);
    }

    ResultActions enter(VillageElections.Built v, RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(post("/api/v1/elections/" + v.electionId() + "/contests/" + v.villageCode() + "/minutes/entries")
                .with(who).header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    /** Marks an entry of the list removed on a day, as the list's change log records it. */
    void removed(long listId, int row, LocalDate on) {
        long entry = jdbc.sql("select id from voter_entry where voter_list_id = :l and row_no = :r").param("l", listId)
                .param("r", row).query(Long.class).single();
        jdbc.sql("update voter_entry set status = 'REMOVED' where id = :e").param("e", entry).update();
        jdbc.sql("""
                        insert into voter_change (voter_list_id, entry_id, kind, reason, changed_on, changed_by)
                        values (:l, :e, 'REMOVE', 'DIED', :d, 'test')""")
                .param("l", listId).param("e", entry).param("d", java.sql.Date.valueOf(on)).update();
    }

    @Test
    void theElectorateIsTheListAsItStoodOnElectionDay() throws Exception {
        VillageElections.Built v = villageElections.frozen(40);
        LocalDate day = LocalDate.of(2022, 6, 5);
        long list = jdbc.sql("select id from voter_list where election_id = :e").param("e", v.electionId())
                .query(Long.class).single();
        removed(list, 2, day.minusDays(5));
        removed(list, 3, day.minusDays(1));
        removed(list, 4, day.plusDays(3));          // removed after the day: still on the list that day
        jdbc.sql("update voter_entry set certificate_on = :d where voter_list_id = :l and row_no = 6")
                .param("d", java.sql.Date.valueOf(day.minusDays(2))).param("l", list).update();
        var electorate = Authorization.runAsSystem(() -> voterLists.electorate(v.electionId(),
                new VoterLists.Target(null, v.villageCode()), day, false)).orElseThrow();
        assertThat(electorate.voters()).isEqualTo(37);
        assertThat(electorate.removed()).as("removed by election day").isEqualTo(2);
        assertThat(electorate.certificatesOut()).isEqualTo(1);
        enter(v, user(Role.ELECTION_TEAM, v.villageCode()), CountingMinutesIT.minutes(v, 40, 30, 30, 0, 20, 10, ""))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", is("M-113")))
                .andExpect(jsonPath("$.violations[0].message", org.hamcrest.Matchers.containsString("(37)")));
        enter(v, user(Role.ELECTION_TEAM, v.villageCode()), CountingMinutesIT.minutes(v, 37, 30, 30, 0, 20, 10, ""))
                .andExpect(status().isCreated());
    }

    @Test
    void aNameStruckOffAfterPrintingIsNotCounted() throws Exception {
        VillageElections.Built v = villageElections.frozen(40);
        Authorization.runAsSystem(() -> candidates.changeStatus(v.candidateIds().get(1), "STRUCK_OFF", LocalDate.of(2022, 6, 3),
                "Bị khởi tố", "QĐ 21/QĐ-UBND"));
        RequestPostProcessor a = user(Role.ELECTION_TEAM, v.villageCode());
        RequestPostProcessor b = user(Role.ELECTION_TEAM, v.villageCode());
        enter(v, a, CountingMinutesIT.minutes(v, 40, 30, 30, 0, 20, 10, "")).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[*].code", containsInAnyOrder("M-112")));
        String body = CountingMinutesIT.minutes(v, 40, 30, 30, 0, 22, 0, "");
        enter(v, a, body).andExpect(status().isCreated());
        enter(v, b, body).andExpect(status().isCreated()).andExpect(jsonPath("$.minutes.status", is("VERIFIED")));
        long id = jdbc.sql("select id from minutes where election_id = :e").param("e", v.electionId()).query(Long.class).single();
        RequestPostProcessor commune = user(Role.COMMUNE_OFFICIAL, v.communeCode());
        String base = "/api/v1/elections/" + v.electionId() + "/contests/" + v.villageCode() + "/minutes/" + id;
        mvc.perform(post(base + "/certification").with(commune).header("If-Match", "\"1\"")).andExpect(status().isOk());
        assertThat(jdbc.sql("select counted from minutes_votes where minutes_id = :m and candidate_id = :c").param("m", id)
                .param("c", v.candidateIds().get(1)).query(Boolean.class).single()).isFalse();
        byte[] pdf = mvc.perform(get(base + ".pdf").with(commune)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(Golden.pdfText(pdf).replaceAll("\\s+", " ")).contains("Lê Thị Phiếu (đã bị xóa tên khỏi danh sách)",
                "Không tính phiếu", "QĐ 21", "Bị khởi tố");
    }
}
