package vn.baucu.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.baucu.support.Api.admin;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.baucu.platform.Role;
import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.support.TestUsers;
import vn.baucu.support.UnitElections;
import vn.baucu.support.VillageElections;

/**
 * Outcomes follow from certified minutes: a village's head is elected by the rule engine (the same answer as
 * {@code POST /api/v1/evaluations} on the contest's own figures), a correction changes the outcome and the
 * candidates' status, an electoral unit adds up its polling areas, nobody types ELECTED, and a recomputation from
 * scratch finds nothing different.
 */
@BaucuIntegrationTest
class ContestResultsIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    VillageElections villageElections;
    @Autowired
    UnitElections unitElections;
    @Autowired
    JsonMapper json;

    void enterTwice(long election, String place, String body, RequestPostProcessor a, RequestPostProcessor b) throws Exception {
        for (RequestPostProcessor who : new RequestPostProcessor[] {a, b}) {
            mvc.perform(post("/api/v1/elections/" + election + "/contests/" + place + "/minutes/entries").with(who)
                    .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                    .content(body)).andExpect(status().isCreated());
        }
    }

    void certify(long election, String place, long minutesId, int version, RequestPostProcessor who) throws Exception {
        mvc.perform(post("/api/v1/elections/" + election + "/contests/" + place + "/minutes/" + minutesId + "/certification")
                .with(who).header("If-Match", "\"" + version + "\"")).andExpect(status().isOk());
    }

    String statusOf(long candidate) {
        return jdbc.sql("select status from candidate where id = :c").param("c", candidate).query(String.class).single();
    }

    @Test
    void aVillageHeadIsElectedByTheCertifiedMinutesAndACorrectionUndoesIt() throws Exception {
        VillageElections.Built v = villageElections.frozen(60);
        RequestPostProcessor commune = users.as(Role.COMMUNE_OFFICIAL, v.communeCode());
        String body = vn.baucu.support.MinutesBodies.village(v, 60, 50, 49, 1, 40, 9, "");
        enterTwice(v.electionId(), v.villageCode(), body, users.as(Role.ELECTION_TEAM, v.villageCode()),
                users.as(Role.ELECTION_TEAM, v.villageCode()));
        String results = "/api/v1/elections/" + v.electionId() + "/results";
        mvc.perform(get(results).with(commune)).andExpect(status().isOk())
                .andExpect(jsonPath("$.contests[0].status", is("REPORTED")))
                .andExpect(jsonPath("$.summary.reported", is(1))).andExpect(jsonPath("$.summary.certified", is(0)));
        long id = jdbc.sql("select id from minutes where election_id = :e").param("e", v.electionId()).query(Long.class).single();
        certify(v.electionId(), v.villageCode(), id, 1, commune);

        String doc = mvc.perform(get(results).with(users.as(Role.OBSERVER, VillageElections.PROVINCE))).andExpect(status().isOk())
                .andExpect(jsonPath("$.contests[0].status", is("CERTIFIED")))
                .andExpect(jsonPath("$.contests[0].outcome", is("ELECTED_ALL")))
                .andExpect(jsonPath("$.contests[0].candidates[0].elected", is(true)))
                .andExpect(jsonPath("$.contests[0].candidates[0].percent", is("66.67")))
                .andExpect(jsonPath("$.contests[0].minutes[0].level", is("MEETING")))
                .andExpect(jsonPath("$.summary.seatsFilled", is(1)))
                .andExpect(jsonPath("$.summary.outcomes.ELECTED_ALL", is(1)))
                .andExpect(jsonPath("$.units[?(@.code == '" + v.communeCode() + "')].participants", contains(50)))
                .andReturn().getResponse().getContentAsString();
        assertThat(statusOf(v.candidateIds().get(0))).isEqualTo("ELECTED");
        assertThat(statusOf(v.candidateIds().get(1))).isEqualTo("NOT_ELECTED");
        // the same outcome, elected and percentages as the published evaluation API on the contest's own figures
        JsonNode contest = json.readTree(doc).get("contests").get(0);
        String evaluation = """
                {"ruleSet":"VILLAGE_HEAD_2008","seats":1,"electionDay":"2022-06-05","votingMethod":"SECRET_BALLOT",
                 "electorate":%d,"participants":%d,"ballotsIssued":%d,"ballotsReturned":%d,"validBallots":%d,"invalidBallots":%d,
                 "candidates":[{"id":"%s","votes":%d},{"id":"%s","votes":%d}]}""".formatted(
                contest.get("electorate").asLong(), contest.get("participants").asLong(), contest.get("ballotsIssued").asLong(),
                contest.get("ballotsReturned").asLong(), contest.get("validBallots").asLong(),
                contest.get("invalidBallots").asLong(), contest.get("candidates").get(0).get("id").asString(),
                contest.get("candidates").get(0).get("votes").asLong(), contest.get("candidates").get(1).get("id").asString(),
                contest.get("candidates").get(1).get("votes").asLong());
        mvc.perform(post("/api/v1/evaluations").contentType(MediaType.APPLICATION_JSON).content(evaluation))
                .andExpect(jsonPath("$.outcome", is(contest.get("outcome").asString())))
                .andExpect(jsonPath("$.elected", contains(v.first())))
                .andExpect(jsonPath("$.candidates[0].percent", is(contest.get("candidates").get(0).get("percent").asString())));

        // nobody types a result
        mvc.perform(post("/api/v1/candidates/" + v.candidateIds().get(1) + "/status").with(admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"ELECTED\"}"))
                .andExpect(status().isConflict());
        // a correction: 28 of 60 is not more than half; nobody is elected and the village goes to a re-election
        mvc.perform(post("/api/v1/elections/" + v.electionId() + "/contests/" + v.villageCode() + "/minutes/" + id
                        + "/corrections").with(commune).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Đếm lại phiếu\",\"decision\":\"QĐ 30/QĐ-UBND\"}"))
                .andExpect(status().isCreated());
        enterTwice(v.electionId(), v.villageCode(), vn.baucu.support.MinutesBodies.village(v, 60, 50, 49, 1, 28, 21, ""),
                users.as(Role.ELECTION_TEAM, v.villageCode()), users.as(Role.ELECTION_TEAM, v.villageCode()));
        certify(v.electionId(), v.villageCode(), id, 2, commune);
        mvc.perform(get(results).with(commune))
                .andExpect(jsonPath("$.contests[0].outcome", is("NONE_ELECTED")))
                .andExpect(jsonPath("$.contests[0].minutes[0].version", is(2)))
                .andExpect(jsonPath("$.summary.seatsFilled", is(0)))
                .andExpect(jsonPath("$.summary.followUps.REELECTION", is(1)));
        assertThat(statusOf(v.candidateIds().get(0))).isEqualTo("NOT_ELECTED");
        // nobody elected: the commune starts the re-election, with the same list and both candidates, and runs it
        String followUp = "/api/v1/elections/" + v.electionId() + "/contests/" + v.villageCode() + "/follow-up";
        mvc.perform(post(followUp).with(users.as(Role.ELECTION_TEAM, v.villageCode())).contentType(MediaType.APPLICATION_JSON)
                .content("{\"electionDay\":\"2022-06-19\"}")).andExpect(status().isForbidden());
        mvc.perform(post(followUp).with(commune).contentType(MediaType.APPLICATION_JSON).content("{\"electionDay\":\"2022-06-01\"}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.violations[0].code", is("L-209")));
        String created = mvc.perform(post(followUp).with(commune).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"electionDay\":\"2022-06-19\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long again = Long.parseLong(created.replaceAll(".*?\"id\":(\\d+).*", "$1"));
        mvc.perform(post(followUp).with(commune).contentType(MediaType.APPLICATION_JSON).content("{\"electionDay\":\"2022-06-19\"}"))
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("select count(*) from voter_entry where election_id = :e").param("e", again).query(Long.class).single())
                .isEqualTo(60);
        assertThat(jdbc.sql("select count(*) from candidate where election_id = :e and status = 'ON_LIST'").param("e", again)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from milestone where election_id = :e").param("e", again).query(Long.class).single())
                .isPositive();
        mvc.perform(post("/api/v1/elections/" + again + "/freeze").with(commune)).andExpect(status().isOk());
        var ids = jdbc.sql("select id from candidate where election_id = :e order by list_position").param("e", again)
                .query(Long.class).list();
        VillageElections.Built re = new VillageElections.Built(again, v.villageCode(), v.communeCode(), ids, 60);
        enterTwice(again, v.villageCode(), vn.baucu.support.MinutesBodies.village(re, 60, 52, 52, 0, 35, 17, ""),
                users.as(Role.ELECTION_TEAM, v.villageCode()), users.as(Role.ELECTION_TEAM, v.villageCode()));
        long reMinutes = jdbc.sql("select id from minutes where election_id = :e").param("e", again).query(Long.class).single();
        certify(again, v.villageCode(), reMinutes, 1, commune);
        mvc.perform(get("/api/v1/elections/" + again + "/results").with(commune))
                .andExpect(jsonPath("$.contests[0].outcome", is("ELECTED_ALL")))
                .andExpect(jsonPath("$.contests[0].candidates[0].elected", is(true)));
        assertThat(jdbc.sql("select round from election where id = :e").param("e", again).query(String.class).single())
                .isEqualTo("REELECTION");
        // the recomputation from scratch finds nothing different; another commune's official may not read
        mvc.perform(post(results + "/recomputation").with(commune)).andExpect(status().isOk())
                .andExpect(jsonPath("$.differed", hasSize(0)));
        mvc.perform(get(results).with(users.as(Role.COMMUNE_OFFICIAL, "06712"))).andExpect(status().isForbidden());
    }

    @Test
    void anElectoralUnitAddsUpItsPollingAreas() throws Exception {
        UnitElections.Built u = unitElections.frozen(330);
        RequestPostProcessor commune = users.as(Role.COMMUNE_OFFICIAL, u.communeCode());
        int[][] votes = {{200, 90, 20}, {150, 100, 60}};
        int[] voted = {310, 310};
        for (int a = 0; a < 2; a++) {
            long area = u.areas().get(a);
            String body = vn.baucu.support.MinutesBodies.area(u, area, 330, voted[a], votes[a][0], votes[a][1], votes[a][2]);
            enterTwice(u.electionId(), "22-1", body, users.as(Role.ELECTION_TEAM, u.communeCode(), area),
                    users.as(Role.ELECTION_TEAM, u.communeCode(), area));
            long id = jdbc.sql("select id from minutes where election_id = :e and polling_area_id = :a")
                    .param("e", u.electionId()).param("a", area).query(Long.class).single();
            certify(u.electionId(), "22-1", id, 1, commune);
            mvc.perform(get("/api/v1/elections/" + u.electionId() + "/results").with(admin()))
                    .andExpect(jsonPath("$.contests[0].status", is(a == 0 ? "REPORTED" : "CERTIFIED")));
        }
        mvc.perform(get("/api/v1/elections/" + u.electionId() + "/results").with(admin()))
                .andExpect(jsonPath("$.contests[0].electorate", is(660)))
                .andExpect(jsonPath("$.contests[0].validBallots", is(620)))
                .andExpect(jsonPath("$.contests[0].candidates[0].votes", is(350)))
                .andExpect(jsonPath("$.contests[0].candidates[0].elected", is(true)))
                .andExpect(jsonPath("$.contests[0].outcome", is("ELECTED_ALL")))
                .andExpect(jsonPath("$.contests[0].minutes", hasSize(2)))
                .andExpect(jsonPath("$.contests[0].minutes[0].level", is("TEAM")))
                .andExpect(jsonPath("$.units[?(@.code == '" + u.communeCode() + "')].participants", contains(620)));
        // the board's minutes of the unit: the sum of its polling areas, each with the hash of its certified minutes
        byte[] pdf = mvc.perform(get("/api/v1/elections/" + u.electionId() + "/contests/22-1/result-minutes.pdf").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/documents"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/documents/unit-result-minutes.pdf"), pdf);
        String text = vn.baucu.support.Golden.pdfText(pdf).replaceAll("\\s+", " ");
        assertThat(text).contains("BIÊN BẢN XÁC ĐỊNH KẾT QUẢ BẦU CỬ", "Tổng số cử tri của đơn vị bầu cử: 660",
                "số cử tri đã tham gia bỏ phiếu: 620 (đạt 93.94%)", "Nguyễn Văn An 350 56.45 x")
                .doesNotContain("CHƯA ĐỦ");
    }

    @Test
    void theCommuneRecognisesTheElectedHeadAndTheDecisionPrints() throws Exception {
        VillageElections.Built v = villageElections.frozen(60);
        RequestPostProcessor commune = users.as(Role.COMMUNE_OFFICIAL, v.communeCode());
        String recognition = "/api/v1/elections/" + v.electionId() + "/contests/" + v.villageCode() + "/recognition";
        String decision = "{\"decisionNo\":\"45/QĐ-UBND\",\"decidedOn\":\"2022-06-08\",\"signedBy\":\"Nguyễn Văn Chủ Tịch\"}";
        mvc.perform(post(recognition).with(commune).contentType(MediaType.APPLICATION_JSON).content(decision))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.violations[0].code", is("H-101")));
        enterTwice(v.electionId(), v.villageCode(), vn.baucu.support.MinutesBodies.village(v, 60, 55, 54, 1, 45, 9, ""),
                users.as(Role.ELECTION_TEAM, v.villageCode()), users.as(Role.ELECTION_TEAM, v.villageCode()));
        long id = jdbc.sql("select id from minutes where election_id = :e").param("e", v.electionId()).query(Long.class).single();
        certify(v.electionId(), v.villageCode(), id, 1, commune);
        String results = "/api/v1/elections/" + v.electionId() + "/results";
        mvc.perform(get(results).with(commune)).andExpect(jsonPath("$.contests[0].pendingRecognition", is(true)));
        mvc.perform(post(recognition).with(commune).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decisionNo\":\"\",\"decidedOn\":\"2022-06-01\"}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.violations[0].code", is("H-102")));
        mvc.perform(post(recognition).with(commune).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decisionNo\":\"45/QĐ-UBND\",\"decidedOn\":\"2022-06-01\"}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.violations[0].code", is("H-103")));
        for (RequestPostProcessor refused : new RequestPostProcessor[] {users.as(Role.ELECTION_TEAM, v.villageCode()),
                users.as(Role.OBSERVER, VillageElections.PROVINCE), users.as(Role.FRONT_COMMITTEE, v.communeCode())}) {
            mvc.perform(post(recognition).with(refused).contentType(MediaType.APPLICATION_JSON).content(decision))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post(recognition).with(commune).contentType(MediaType.APPLICATION_JSON).content(decision))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.candidateId", is(v.candidateIds().get(0).intValue())));
        mvc.perform(post(recognition).with(commune).contentType(MediaType.APPLICATION_JSON).content(decision))
                .andExpect(status().isConflict());
        mvc.perform(get(results).with(commune)).andExpect(jsonPath("$.contests[0].pendingRecognition", is(false)))
                .andExpect(jsonPath("$.contests[0].recognition.decisionNo", is("45/QĐ-UBND")));
        byte[] pdf = mvc.perform(get(recognition + ".pdf").with(commune)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/documents"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/documents/recognition.pdf"), pdf);
        String sha = jdbc.sql("select sha256 from minutes_version where minutes_id = :m").param("m", id).query(String.class).single();
        vn.baucu.support.Golden.assertMatches("documents/recognition-village.txt", vn.baucu.support.Golden.pdfText(pdf)
                .replace(sha, "SHA").replaceAll("Thôn Kiểm Phiếu \\d+", "Thôn X").replaceAll("[0-9a-f]{64}", "HASH"));
    }

    @Test
    void theCommuneAppointsAnInterimHeadWhereNobodyWasElectedForSixMonthsAtMost() throws Exception {
        VillageElections.Built v = villageElections.frozen(60);
        RequestPostProcessor commune = users.as(Role.COMMUNE_OFFICIAL, v.communeCode());
        String interim = "/api/v1/elections/" + v.electionId() + "/contests/" + v.villageCode() + "/interim-head";
        String body = "{\"fullName\":\"Lê Văn Tạm\",\"decisionNo\":\"50/QĐ-UBND\",\"appointedOn\":\"2022-06-10\","
                + "\"frontAgreed\":true}";
        // nothing certified yet: nothing is vacant
        mvc.perform(post(interim).with(commune).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.violations[0].code", is("H-106")));
        // 28 of 60 households is not more than half: nobody is elected
        enterTwice(v.electionId(), v.villageCode(), vn.baucu.support.MinutesBodies.village(v, 60, 50, 49, 1, 28, 21, ""),
                users.as(Role.ELECTION_TEAM, v.villageCode()), users.as(Role.ELECTION_TEAM, v.villageCode()));
        long id = jdbc.sql("select id from minutes where election_id = :e").param("e", v.electionId()).query(Long.class).single();
        certify(v.electionId(), v.villageCode(), id, 1, commune);
        // the 2008 rules: 6 months at most (TT 04/2012 as amended), with the Front's agreement
        mvc.perform(post(interim).with(commune).contentType(MediaType.APPLICATION_JSON).content(
                        "{\"fullName\":\"Lê Văn Tạm\",\"decisionNo\":\"50/QĐ-UBND\",\"appointedOn\":\"2022-06-10\","
                                + "\"servesUntil\":\"2023-01-10\",\"frontAgreed\":false}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[*].code", containsInAnyOrder("H-108", "H-109")));
        mvc.perform(post(interim).with(users.as(Role.OBSERVER, VillageElections.PROVINCE))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(post(interim).with(commune).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.servesUntil", is("2022-12-10")));
        mvc.perform(post(interim).with(commune).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/elections/" + v.electionId() + "/results").with(commune))
                .andExpect(jsonPath("$.contests[0].outcome", is("NONE_ELECTED")))
                .andExpect(jsonPath("$.contests[0].interimHead.name", is("Lê Văn Tạm")))
                .andExpect(jsonPath("$.contests[0].interimHead.servesUntil", is("2022-12-10")));
    }

    @Test
    void anUnfilledNaSeatGoesToAnAdditionalElectionWithTheCandidatesNotElected() throws Exception {
        UnitElections.Built u = unitElections.frozen(330);
        RequestPostProcessor province = users.as(Role.PROVINCE_OFFICIAL, "22");
        // 45%, 32%, 23% of the valid ballots: nobody has more than half, the seat stays empty
        for (long area : u.areas()) {
            enterTwice(u.electionId(), "22-1", vn.baucu.support.MinutesBodies.area(u, area, 330, 310, 140, 100, 70),
                    users.as(Role.ELECTION_TEAM, u.communeCode(), area), users.as(Role.ELECTION_TEAM, u.communeCode(), area));
            long id = jdbc.sql("select id from minutes where election_id = :e and polling_area_id = :a")
                    .param("e", u.electionId()).param("a", area).query(Long.class).single();
            certify(u.electionId(), "22-1", id, 1, province);
        }
        String results = "/api/v1/elections/" + u.electionId() + "/results";
        mvc.perform(get(results).with(province)).andExpect(jsonPath("$.contests[0].outcome", is("NONE_ELECTED")))
                .andExpect(jsonPath("$.contests[0].followUp.kind", is("ADDITIONAL_ELECTION")))
                .andExpect(jsonPath("$.contests[0].followUp.latestDate", is("2026-03-22")));
        String followUp = "/api/v1/elections/" + u.electionId() + "/contests/22-1/follow-up";
        mvc.perform(post(followUp).with(province).contentType(MediaType.APPLICATION_JSON).content("{\"electionDay\":\"2026-03-23\"}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.violations[0].code", is("H-105")));
        mvc.perform(post(followUp).with(users.as(Role.COMMUNE_OFFICIAL, u.communeCode())).contentType(MediaType.APPLICATION_JSON)
                .content("{\"electionDay\":\"2026-03-22\"}")).andExpect(status().isForbidden());
        String created = mvc.perform(post(followUp).with(province).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"electionDay\":\"2026-03-22\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long again = Long.parseLong(created.replaceAll(".*?\"id\":(\\d+).*", "$1"));
        assertThat(jdbc.sql("select round from election where id = :e").param("e", again).query(String.class).single())
                .isEqualTo("ADDITIONAL");
        List<Long> areas = jdbc.sql("select polling_area_id from voter_list where election_id = :e order by polling_area_id")
                .param("e", again).query(Long.class).list();
        assertThat(areas).hasSize(2).doesNotContainAnyElementsOf(u.areas());
        assertThat(jdbc.sql("select count(*) from voter_entry where election_id = :e").param("e", again).query(Long.class).single())
                .isEqualTo(660);
        List<Long> ids = jdbc.sql("select id from candidate where election_id = :e order by list_position").param("e", again)
                .query(Long.class).list();
        assertThat(ids).hasSize(3);
        mvc.perform(post("/api/v1/elections/" + again + "/freeze").with(admin())).andExpect(status().isOk());
        UnitElections.Built re = new UnitElections.Built(again, "22-1", u.communeCode(), areas, ids, 330);
        for (long area : areas) {
            enterTwice(again, "22-1", vn.baucu.support.MinutesBodies.area(re, area, 330, 300, 170, 90, 40),
                    users.as(Role.ELECTION_TEAM, u.communeCode(), area), users.as(Role.ELECTION_TEAM, u.communeCode(), area));
            long id = jdbc.sql("select id from minutes where election_id = :e and polling_area_id = :a")
                    .param("e", again).param("a", area).query(Long.class).single();
            certify(again, "22-1", id, 1, province);
        }
        mvc.perform(get("/api/v1/elections/" + again + "/results").with(province))
                .andExpect(jsonPath("$.contests[0].outcome", is("ELECTED_ALL")))
                .andExpect(jsonPath("$.contests[0].candidates[0].elected", is(true)))
                .andExpect(jsonPath("$.contests[0].followUp.kind", is("NONE")));
    }

    @Test
    void publishedResultsAreImmutableVersionedSnapshotsAndARehearsalNeverPublishes() throws Exception {
        VillageElections.Built v = villageElections.frozen(40);
        RequestPostProcessor commune = users.as(Role.COMMUNE_OFFICIAL, v.communeCode());
        String pub = "/api/v1/public/elections/" + v.electionId() + "/results";
        mvc.perform(get(pub)).andExpect(status().isNotFound());
        enterTwice(v.electionId(), v.villageCode(), vn.baucu.support.MinutesBodies.village(v, 40, 35, 35, 0, 30, 5, ""),
                users.as(Role.ELECTION_TEAM, v.villageCode()), users.as(Role.ELECTION_TEAM, v.villageCode()));
        long id = jdbc.sql("select id from minutes where election_id = :e").param("e", v.electionId()).query(Long.class).single();
        certify(v.electionId(), v.villageCode(), id, 1, commune);
        String publications = "/api/v1/elections/" + v.electionId() + "/results/publications";
        mvc.perform(post(publications).with(users.as(Role.ELECTION_TEAM, v.villageCode()))).andExpect(status().isForbidden());
        mvc.perform(post(publications).with(commune)).andExpect(status().isCreated()).andExpect(jsonPath("$.version", is(1)));
        var first = mvc.perform(get(pub)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Cache-Control",
                        org.hamcrest.Matchers.containsString("public")))
                .andExpect(jsonPath("$.snapshot.version", is(1)))
                .andExpect(jsonPath("$.contests[0].outcome", is("ELECTED_ALL")))
                .andReturn().getResponse();
        String body = first.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        String sha = json.readTree(body).get("snapshot").get("sha256").asString();
        assertThat(first.getHeader("ETag")).isEqualTo("\"" + sha + "\"");
        // anyone can check the hash: the document with snapshot.sha256 left out
        var tree = (tools.jackson.databind.node.ObjectNode) json.readTree(body);
        ((tools.jackson.databind.node.ObjectNode) tree.get("snapshot")).remove("sha256");
        assertThat(vn.baucu.platform.Inputs.sha256(json.writeValueAsString(tree).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo(sha);
        mvc.perform(post(publications).with(commune)).andExpect(status().isCreated()).andExpect(jsonPath("$.version", is(2)));
        mvc.perform(get(pub)).andExpect(jsonPath("$.snapshot.version", is(2)));
        mvc.perform(get(pub).param("version", "1")).andExpect(jsonPath("$.snapshot.version", is(1)))
                .andExpect(jsonPath("$.snapshot.sha256", is(sha)));
        String csv = mvc.perform(get(pub + ".csv")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).startsWith("# snapshot 2 published ").contains("Phạm Văn Kiểm,30,75.00,true");
        mvc.perform(get("/api/v1/public/elections/" + v.electionId() + "/contests/" + v.villageCode()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.snapshot.version", is(2)))
                .andExpect(jsonPath("$.minutes[0].level", is("MEETING")))
                .andExpect(jsonPath("$.minutes[0].figures.validBallots", is(35)))
                .andExpect(jsonPath("$.minutes[0].pdf", org.hamcrest.Matchers.endsWith(".pdf")));
        mvc.perform(get("/api/v1/public/elections/" + v.electionId() + "/contests/nowhere")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/public/elections")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + v.electionId() + ")].snapshot.version", contains(2)));
        assertThat(jdbc.sql("select count(*) from result_snapshot where election_id = :e").param("e", v.electionId())
                .query(Long.class).single()).isEqualTo(2);
        // a rehearsal never publishes
        String rehearsal = mvc.perform(post("/api/v1/elections/" + v.electionId() + "/rehearsals").with(commune))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long r = Long.parseLong(rehearsal.replaceAll(".*?\"id\":(\\d+).*", "$1"));
        mvc.perform(post("/api/v1/elections/" + r + "/results/publications").with(commune)).andExpect(status().isConflict());
        mvc.perform(get("/api/v1/public/elections/" + r + "/results")).andExpect(status().isNotFound());
    }
}
