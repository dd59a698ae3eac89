package vn.baucu.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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
import vn.baucu.support.VillageElections;

/**
 * The counting minutes of a village meeting through the API (contracts/counting-minutes.md): two team members enter
 * the same paper, one with a typo; the commune resolves the difference and certifies; certified minutes are frozen
 * and corrected only as a new version entered twice; everything broken at once is listed and nothing is stored; a
 * resend stores nothing new; the wrong people are refused.
 */
@BaucuIntegrationTest
class CountingMinutesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    vn.baucu.support.TestUsers testUsers;
    @Autowired
    VillageElections villageElections;

    RequestPostProcessor user(Role role, String unit) {
        return testUsers.as(role, unit);
    }

    static String minutes(VillageElections.Built v, long electorate, long participants, long valid, long invalid,
                          long first, long second, String extra) {
        return vn.baucu.support.MinutesBodies.village(v, electorate, participants, valid, invalid, first, second, extra);
    }

    ResultActions enter(VillageElections.Built v, RequestPostProcessor who, String key, String body) throws Exception {
        return mvc.perform(post("/api/v1/elections/" + v.electionId() + "/contests/" + v.villageCode() + "/minutes/entries")
                .with(who).header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    String base(VillageElections.Built v) {
        return "/api/v1/elections/" + v.electionId() + "/contests/" + v.villageCode() + "/minutes";
    }

    long count(String table, long minutesId) {
        return jdbc.sql("select count(*) from " + table + " where minutes_id = :m").param("m", minutesId)
                .query(Long.class).single();
    }

    @Test
    void twoEntriesDifferTheCommuneResolvesCertifiesAndACorrectionIsEnteredTwice() throws Exception {
        VillageElections.Built v = villageElections.frozen(60);
        RequestPostProcessor teamA = user(Role.ELECTION_TEAM, v.villageCode());
        RequestPostProcessor teamB = user(Role.ELECTION_TEAM, v.villageCode());
        RequestPostProcessor commune = user(Role.COMMUNE_OFFICIAL, v.communeCode());

        // every invariant broken at once: each violation listed, nothing stored
        enter(v, teamA, UUID.randomUUID().toString(), minutes(v, 61, 70, 60, 20, 61, 5, ""))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[*].code", containsInAnyOrder("M-101", "M-102", "M-104", "M-105", "M-113")))
                .andExpect(jsonPath("$.violations[?(@.code == 'M-104')].message",
                        org.hamcrest.Matchers.contains(org.hamcrest.Matchers.containsString("Phạm Văn Kiểm"))));
        assertThat(jdbc.sql("select count(*) from minutes where election_id = :e").param("e", v.electionId())
                .query(Long.class).single()).isZero();
        // a plausibility warning is a 422 until the entry explains it
        enter(v, teamA, UUID.randomUUID().toString(), minutes(v, 60, 52, 48, 4, 30, 18, ""))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[*].code", containsInAnyOrder("W-102")));

        String keyA = UUID.randomUUID().toString();
        String explained = ",\"explanations\":[{\"code\":\"W-102\",\"text\":\"Nhiều phiếu gạch hết tên\"}]";
        String firstEntry = minutes(v, 60, 52, 48, 4, 30, 18, explained);
        String created = enter(v, teamA, keyA, firstEntry).andExpect(status().isCreated())
                .andExpect(jsonPath("$.minutes.status", is("ENTERED")))
                .andExpect(jsonPath("$.minutes.version", is(1)))
                .andExpect(jsonPath("$.minutes.entries", is(1)))
                .andExpect(jsonPath("$.warnings[0].code", is("W-102")))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll(".*?\"id\":(\\d+).*", "$1"));
        // a resend with the same key: the same answer, nothing new stored
        enter(v, teamA, keyA, firstEntry).andExpect(status().isOk()).andExpect(jsonPath("$.minutes.id", is((int) id)))
                .andExpect(jsonPath("$.minutes.entries", is(1)));
        assertThat(count("minutes_entry", id)).isEqualTo(1);
        // the same key for another body is a conflict, and the same user entering again too
        enter(v, teamA, keyA, minutes(v, 60, 52, 48, 4, 31, 17, explained)).andExpect(status().isConflict());
        enter(v, teamA, UUID.randomUUID().toString(), firstEntry).andExpect(status().isConflict());
        // nobody sees the first entry's figures before the second is made
        mvc.perform(get(base(v) + "/" + id).with(teamB)).andExpect(status().isOk())
                .andExpect(jsonPath("$.versions[0].entries[0].figures", nullValue()))
                .andExpect(jsonPath("$.versions[0].figures", nullValue()));

        // the second team member types 81 for 18, then 13: the difference is shown field by field
        enter(v, teamB, UUID.randomUUID().toString(), minutes(v, 60, 52, 48, 4, 30, 81, explained))
                .andExpect(status().isUnprocessableEntity());   // 30 + 81 > 48 valid ballots: refused outright
        enter(v, teamB, UUID.randomUUID().toString(), minutes(v, 60, 52, 48, 4, 30, 13, explained))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.minutes.status", is("DIFFERENT")))
                .andExpect(jsonPath("$.differences", hasSize(1)))
                .andExpect(jsonPath("$.differences[0].field", is("candidates[" + v.second() + "].votes")))
                .andExpect(jsonPath("$.differences[0].first", is(18)))
                .andExpect(jsonPath("$.differences[0].second", is(13)));
        // an entrant may not resolve; the commune's official keeps the first entry
        mvc.perform(post(base(v) + "/" + id + "/resolution").with(teamA).contentType(MediaType.APPLICATION_JSON)
                .content("{\"keep\":\"FIRST\"}")).andExpect(status().isForbidden());
        mvc.perform(post(base(v) + "/" + id + "/certification").with(commune).header("If-Match", "\"1\""))
                .andExpect(status().isConflict());
        mvc.perform(post(base(v) + "/" + id + "/resolution").with(commune).contentType(MediaType.APPLICATION_JSON)
                .content("{\"keep\":\"FIRST\"}")).andExpect(status().isOk()).andExpect(jsonPath("$.status", is("VERIFIED")));
        // certification: a stale version is 412; then frozen, and any entry on it is 409
        mvc.perform(post(base(v) + "/" + id + "/certification").with(commune).header("If-Match", "\"2\""))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(post(base(v) + "/" + id + "/certification").with(teamA).header("If-Match", "\"1\""))
                .andExpect(status().isForbidden());
        String sha = mvc.perform(post(base(v) + "/" + id + "/certification").with(commune).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"signedBy\":\"Phạm Văn Chủ Trì\"}"))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.status", is("CERTIFIED")))
                .andReturn().getResponse().getContentAsString().replaceAll(".*\"sha256\":\"([0-9a-f]{64})\".*", "$1");
        enter(v, teamB, UUID.randomUUID().toString(), firstEntry).andExpect(status().isConflict());
        assertThat(jdbc.sql("select votes from minutes_votes where minutes_id = :m and candidate_id = :c")
                .param("m", id).param("c", v.candidateIds().get(0)).query(Long.class).single()).isEqualTo(30);
        // the certified data is public by its SHA-256, exactly as hashed
        String published = mvc.perform(get("/api/v1/public/minutes/" + sha)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(vn.baucu.platform.Inputs.sha256(published.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(sha);
        assertThat(published).contains("\"validBallots\":48", "Phạm Văn Kiểm");
        byte[] publicPdf = mvc.perform(get("/api/v1/public/minutes/" + sha + ".pdf")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(vn.baucu.support.Golden.pdfText(publicPdf)).contains(sha).doesNotContain("BẢN NHÁP");

        // a correction opens version 2, linked to version 1 which stays readable; entered twice and certified
        mvc.perform(post(base(v) + "/" + id + "/corrections").with(commune).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"\",\"decision\":\"\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[*].code", containsInAnyOrder("M-121", "M-122")));
        mvc.perform(post(base(v) + "/" + id + "/corrections").with(commune).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Cộng nhầm phiếu của bà Phiếu\",\"decision\":\"QĐ 15/QĐ-UBND ngày 7/6/2022\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version", is(2)))
                .andExpect(jsonPath("$.status", is("OPEN")));
        String corrected = minutes(v, 60, 52, 48, 4, 30, 17, explained);
        enter(v, teamA, UUID.randomUUID().toString(), corrected).andExpect(status().isCreated())
                .andExpect(jsonPath("$.minutes.status", is("ENTERED")));
        enter(v, teamB, UUID.randomUUID().toString(), corrected).andExpect(status().isCreated())
                .andExpect(jsonPath("$.minutes.status", is("VERIFIED")))
                .andExpect(jsonPath("$.differences", hasSize(0)));
        mvc.perform(post(base(v) + "/" + id + "/certification").with(commune).header("If-Match", "\"1\""))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(post(base(v) + "/" + id + "/certification").with(commune).header("If-Match", "\"2\""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version", is(2)));
        mvc.perform(get(base(v) + "/" + id).with(commune)).andExpect(status().isOk())
                .andExpect(jsonPath("$.versions", hasSize(2)))
                .andExpect(jsonPath("$.versions[0].status", is("CERTIFIED")))
                .andExpect(jsonPath("$.versions[0].figures.candidates[1].votes", is(18)))
                .andExpect(jsonPath("$.versions[1].correctionReason", is("Cộng nhầm phiếu của bà Phiếu")))
                .andExpect(jsonPath("$.versions[1].figures.candidates[1].votes", is(17)));
        mvc.perform(get(base(v)).with(user(Role.OBSERVER, VillageElections.PROVINCE))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status", is("CERTIFIED"))).andExpect(jsonPath("$[0].version", is(2)));
        assertThat(jdbc.sql("select count(*) from audit_log where subject = 'minutes' and subject_id = :m")
                .param("m", String.valueOf(id)).query(Long.class).single()).isEqualTo(8);
    }

    @Test
    void onlyTheVillagesTeamAndItsCommuneEnter() throws Exception {
        VillageElections.Built v = villageElections.frozen(40);
        VillageElections.Built other = villageElections.frozen(30);
        String body = minutes(v, 40, 30, 30, 0, 20, 10, "");
        for (RequestPostProcessor refused : new RequestPostProcessor[] {user(Role.ELECTION_TEAM, other.villageCode()),
                user(Role.OBSERVER, VillageElections.PROVINCE), user(Role.FRONT_COMMITTEE, v.communeCode()),
                user(Role.PARTY_COMMITTEE, v.communeCode()), user(Role.COMMUNE_OFFICIAL, "06712")}) {
            enter(v, refused, UUID.randomUUID().toString(), body).andExpect(status().isForbidden());
        }
        assertThat(jdbc.sql("select count(*) from minutes where election_id = :e").param("e", v.electionId())
                .query(Long.class).single()).isZero();
        // the commune's official may type the paper too; its team member makes the second entry
        enter(v, user(Role.COMMUNE_OFFICIAL, v.communeCode()), UUID.randomUUID().toString(), body)
                .andExpect(status().isCreated());
        enter(v, user(Role.ELECTION_TEAM, v.villageCode()), UUID.randomUUID().toString(), body)
                .andExpect(status().isCreated()).andExpect(jsonPath("$.minutes.status", is("VERIFIED")));
        // a struck name must have 0 votes, every ballot name must be there, and no strangers
        VillageElections.Built w = villageElections.frozen(40);
        enter(w, user(Role.ELECTION_TEAM, w.villageCode()), UUID.randomUUID().toString(), """
                {"electorate":40,"participants":30,"ballotsIssued":30,"ballotsReturned":30,"validBallots":30,
                 "invalidBallots":0,"candidates":[{"id":"%s","votes":20},{"id":"999999999","votes":1}]}"""
                .formatted(w.first()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[*].code", containsInAnyOrder("M-110", "M-111")));
        enter(w, user(Role.ELECTION_TEAM, w.villageCode()), null, body).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].code", is("P-404")));
        enter(w, user(Role.ELECTION_TEAM, w.villageCode()), UUID.randomUUID().toString(),
                body.replace("{\"votingMethod\":\"SECRET_BALLOT\",", "{\"pollingArea\":1,"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", is("M-120")));
    }

    @Test
    void twoCertificationsAtTheSameMomentMakeOneWinner() throws Exception {
        VillageElections.Built v = villageElections.frozen(40);
        String body = minutes(v, 40, 30, 30, 0, 20, 10, "");
        String created = enter(v, user(Role.ELECTION_TEAM, v.villageCode()), UUID.randomUUID().toString(), body)
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll(".*?\"id\":(\\d+).*", "$1"));
        enter(v, user(Role.ELECTION_TEAM, v.villageCode()), UUID.randomUUID().toString(), body)
                .andExpect(jsonPath("$.minutes.status", is("VERIFIED")));
        RequestPostProcessor one = user(Role.COMMUNE_OFFICIAL, v.communeCode());
        RequestPostProcessor two = user(Role.PROVINCE_OFFICIAL, VillageElections.PROVINCE);
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var statuses = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (RequestPostProcessor who : new RequestPostProcessor[] {one, two}) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(post(base(v) + "/" + id + "/certification").with(who).header("If-Match", "\"1\""))
                            .andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            assertThat(java.util.List.of(statuses.get(0).get(), statuses.get(1).get())).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("minutes_votes", id)).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'MINUTES_CERTIFIED' and subject_id = :m")
                .param("m", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    }
}
