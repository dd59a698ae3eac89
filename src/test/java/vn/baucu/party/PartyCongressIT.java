package vn.baucu.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.baucu.platform.Role;
import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.support.MinutesBodies;
import vn.baucu.support.TestUsers;
import vn.baucu.support.VillageElections;

/**
 * Party cell congresses through the API, as law.md §3 and the Party cases of §4 C describe them: the recognised village
 * head proposed and elected secretary ("Dân tin – Đảng cử"), the count entered twice and resolved, the roll with
 * absences and exempted members, the 30% rules of the list, a second round in the same sitting, ratification, the
 * unified-post report with each shortfall's reason, and Party data kept from everyone without a Party role.
 */
@BaucuIntegrationTest
class PartyCongressIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    VillageElections villageElections;
    @Autowired
    JsonMapper json;

    JsonNode call(MockHttpServletRequestBuilder request, RequestPostProcessor who, String body, int expected) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        var r = mvc.perform(request.with(who)).andReturn();
        String text = r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(r.getResponse().getStatus()).as(text).isEqualTo(expected);
        return text.isEmpty() || !text.startsWith("{") && !text.startsWith("[") ? null : json.readTree(text);
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    static List<String> field(JsonNode array, String name) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(name).asString()));
        return out;
    }

    /** A village head election of a new Trúc Bạch village whose first candidate is elected and recognised. */
    VillageElections.Built recognisedHead() throws Exception {
        VillageElections.Built v = villageElections.frozen(60);
        RequestPostProcessor commune = users.as(Role.COMMUNE_OFFICIAL, v.communeCode());
        for (RequestPostProcessor who : new RequestPostProcessor[] {users.as(Role.ELECTION_TEAM, v.villageCode()),
                users.as(Role.ELECTION_TEAM, v.villageCode())}) {
            call(post("/api/v1/elections/" + v.electionId() + "/contests/" + v.villageCode() + "/minutes/entries")
                    .header("Idempotency-Key", UUID.randomUUID().toString()), who,
                    MinutesBodies.village(v, 60, 55, 54, 1, 45, 9, ""), 201);
        }
        long id = jdbc.sql("select id from minutes where election_id = :e").param("e", v.electionId()).query(Long.class).single();
        call(post("/api/v1/elections/" + v.electionId() + "/contests/" + v.villageCode() + "/minutes/" + id + "/certification")
                .header("If-Match", "\"1\""), commune, null, 200);
        call(post("/api/v1/elections/" + v.electionId() + "/contests/" + v.villageCode() + "/recognition"), commune,
                "{\"decisionNo\":\"45/QĐ-UBND\",\"decidedOn\":\"2022-06-10\"}", 201);
        return v;
    }

    String personalIdOf(long candidate) {
        return jdbc.sql("select personal_id from candidate where id = :c").param("c", candidate).query(String.class).single();
    }

    /** {@code full} full members (the first {@code withHead} the head), one probationary; the last full one exempted. */
    String members(String headId, int full, boolean withHead) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < full; i++) {
            String id = i == 0 && withHead ? headId : String.format("%012d", java.util.concurrent.ThreadLocalRandom.current()
                    .nextLong(0, 1_000_000_000_000L));
            rows.add("{\"fullName\":\"" + (i == 0 && withHead ? "Phạm Văn Kiểm" : "Đảng Viên Số " + (i + 1))
                    + "\",\"birthDate\":\"1970-03-04\",\"personalId\":\"" + id + "\",\"membership\":\"FULL\",\"exempted\":"
                    + (i == full - 1) + "}");
        }
        rows.add("{\"fullName\":\"Dự Bị Một\",\"birthDate\":\"1998-01-01\",\"personalId\":\"" + String.format("%012d",
                java.util.concurrent.ThreadLocalRandom.current().nextLong(0, 1_000_000_000_000L))
                + "\",\"membership\":\"PROBATIONARY\"}");
        return "[" + String.join(",", rows) + "]";
    }

    long cell(String village, RequestPostProcessor party) throws Exception {
        return call(post("/api/v1/party/cells"), party, "{\"village\":\"" + village + "\",\"since\":\"2022-06-05\"}", 201)
                .get("id").asLong();
    }

    JsonNode enter(long vote, RequestPostProcessor who, String body, int expected) throws Exception {
        return call(post("/api/v1/party/votes/" + vote + "/entries").header("Idempotency-Key", UUID.randomUUID().toString()),
                who, body, expected);
    }

    static String count(long present, String... votes) {
        return "{\"participants\":" + present + ",\"ballotsIssued\":" + present + ",\"ballotsReturned\":" + present
                + ",\"validBallots\":" + present + ",\"invalidBallots\":0,\"candidates\":[" + String.join(",", votes) + "]}";
    }

    static String votes(long member, long votes) {
        return "{\"member\":" + member + ",\"votes\":" + votes + "}";
    }

    JsonNode report(String scope, String asOf, RequestPostProcessor who) throws Exception {
        return call(get("/api/v1/party/unified-post").param("scope", scope).param("asOf", asOf), who, null, 200);
    }

    @Test
    void theRecognisedHeadIsProposedAndElectedSecretaryAndTheReportCountsTheVillage() throws Exception {
        VillageElections.Built v = recognisedHead();
        String headId = personalIdOf(v.candidateIds().get(0));
        RequestPostProcessor party = users.as(Role.PARTY_COMMITTEE, v.communeCode());
        RequestPostProcessor party2 = users.as(Role.PARTY_COMMITTEE, v.communeCode());
        RequestPostProcessor party3 = users.as(Role.PARTY_COMMITTEE, v.communeCode());
        RequestPostProcessor communeOfficial = users.as(Role.COMMUNE_OFFICIAL, v.communeCode());
        call(post("/api/v1/party/cells"), communeOfficial, "{\"village\":\"" + v.villageCode() + "\",\"since\":\"2022-06-05\"}", 403);
        long cell = cell(v.villageCode(), party);
        call(post("/api/v1/party/cells"), party, "{\"village\":\"" + v.villageCode() + "\",\"since\":\"2022-06-05\"}", 409);

        // members all or nothing: every bad row named, nothing stored
        JsonNode bad = call(post("/api/v1/party/cells/" + cell + "/members"), party,
                "[{\"fullName\":\"\",\"birthDate\":\"1970-01-01\",\"personalId\":\"12345\"},"
                        + "{\"fullName\":\"A\",\"birthDate\":\"1970-01-01\",\"personalId\":\"" + headId + "\"},"
                        + "{\"fullName\":\"B\",\"birthDate\":\"1970-01-01\",\"personalId\":\"" + headId + "\"}]", 422);
        assertThat(field(bad.get("violations"), "code")).containsExactly("B-101", "B-102", "B-103");
        assertThat(jdbc.sql("select count(*) from party_member where cell_id = :c").param("c", cell).query(Integer.class)
                .single()).isZero();
        JsonNode added = call(post("/api/v1/party/cells/" + cell + "/members"), party, members(headId, 7, true), 201);
        long head = added.get(0).get("id").asLong();
        long exempted = added.get(6).get("id").asLong();
        long other = added.get(1).get("id").asLong();

        // before the congress: the head is recognised and a member, the congress not held
        assertThat(report(v.villageCode(), "2022-07-01", party).get("shortfalls").get(0).get("reason").asString())
                .isEqualTo("CONGRESS_NOT_HELD");

        JsonNode congress = call(post("/api/v1/party/cells/" + cell + "/congresses"), party,
                "{\"term\":\"2022-2025\",\"heldOn\":\"2022-07-03\"}", 201);
        long id = congress.get("id").asLong();
        assertThat(congress.get("mode").asString()).isEqualTo("SECRETARY_DIRECT");
        assertThat(congress.get("proposedSecretary").asLong()).as("Dân tin – Đảng cử").isEqualTo(head);
        // attendance: the exempted member and one other stay away, the other's reason accepted: out of the roll
        congress = call(put("/api/v1/party/congresses/" + id + "/attendance"), party, "{\"absences\":[{\"member\":" + exempted
                + "},{\"member\":" + added.get(5).get("id").asLong() + ",\"reason\":\"đi công tác\",\"approved\":true}]}", 200);
        assertThat(congress.get("roll").get("convened").asInt()).isEqualTo(7);
        assertThat(congress.get("roll").get("adjusted").asInt()).isEqualTo(5);
        assertThat(congress.get("roll").get("present").asInt()).isEqualTo(5);
        assertThat(congress.get("status").asString()).isEqualTo("OPENED");

        // the list: someone else than the head needs the committee's reason; one seat takes one name; the floor's 30%
        JsonNode refused = call(post("/api/v1/party/congresses/" + id + "/votes"), party,
                "{\"nominees\":[" + other + "],\"floor\":[{\"member\":" + head + ",\"support\":1}],\"listFor\":5}", 422);
        assertThat(field(refused.get("violations"), "code")).contains("B-105", "B-107");
        refused = call(post("/api/v1/party/congresses/" + id + "/votes"), party,
                "{\"nominees\":[" + other + "],\"listFor\":5}", 422);
        assertThat(field(refused.get("violations"), "code")).containsExactly("B-112");
        refused = call(post("/api/v1/party/congresses/" + id + "/votes"), party, "{\"nominees\":[" + head + "],\"listFor\":2}", 422);
        assertThat(field(refused.get("violations"), "code")).containsExactly("B-109");
        JsonNode vote = call(post("/api/v1/party/congresses/" + id + "/votes"), party,
                "{\"nominees\":[" + head + "],\"listFor\":5,\"listAgainst\":0}", 201);
        long voteId = vote.get("id").asLong();
        assertThat(vote.get("body").asString()).isEqualTo("SECRETARY");

        // the count entered twice; a resend replays; the same person twice is refused; a difference is resolved by a third
        String key = UUID.randomUUID().toString();
        call(post("/api/v1/party/votes/" + voteId + "/entries").header("Idempotency-Key", key), party, count(5, votes(head, 5)), 201);
        call(post("/api/v1/party/votes/" + voteId + "/entries").header("Idempotency-Key", key), party, count(5, votes(head, 5)), 200);
        enter(voteId, party, count(5, votes(head, 5)), 409);
        JsonNode tooMany = enter(voteId, party2, count(6, votes(head, 6)), 422);
        assertThat(field(tooMany.get("violations"), "code")).contains("B-118");
        JsonNode second = enter(voteId, party2, count(5, votes(head, 4)), 201);
        assertThat(second.get("vote").get("status").asString()).isEqualTo("DIFFERENT");
        assertThat(second.get("differences").get(0).get("field").asString()).isEqualTo("candidates[" + head + "].votes");
        call(post("/api/v1/party/votes/" + voteId + "/resolution"), party2, "{\"keep\":\"FIRST\"}", 409);
        JsonNode resolved = call(post("/api/v1/party/votes/" + voteId + "/resolution"), party3, "{\"keep\":\"FIRST\"}", 200);
        int version = resolved.get("version").asInt();
        call(post("/api/v1/party/votes/" + voteId + "/certification"), party3, null, 422);
        call(post("/api/v1/party/votes/" + voteId + "/certification").header("If-Match", "\"" + (version - 1) + "\""), party3, null, 412);
        JsonNode certified = call(post("/api/v1/party/votes/" + voteId + "/certification")
                .header("If-Match", "\"" + version + "\""), party3, null, 200);
        assertThat(certified.get("outcome").asString()).isEqualTo("ELECTED_ALL");
        assertThat(certified.get("nominees").get(0).get("percent").asString()).as("of the adjusted roll").isEqualTo("100.00");
        assertThat(jdbc.sql("select count(*) from congress_count_entry where vote_id = :v").param("v", voteId)
                .query(Integer.class).single()).as("the resend stored nothing").isEqualTo(2);

        congress = call(post("/api/v1/party/congresses/" + id + "/closing"), party, null, 200);
        assertThat(congress.get("secretaryId").asLong()).isEqualTo(head);
        call(post("/api/v1/party/congresses/" + id + "/ratification"), party, "{\"decisionNo\":\"12-QĐ/ĐU\",\"decidedOn\":\"2022-07-01\"}", 422);
        congress = call(post("/api/v1/party/congresses/" + id + "/ratification"), party,
                "{\"decisionNo\":\"12-QĐ/ĐU\",\"decidedOn\":\"2022-07-08\"}", 200);
        assertThat(congress.get("status").asString()).isEqualTo("RATIFIED");
        // its calendar: the head recognised first, the congress held, ratified; the term runs 2.5 years
        assertThat(congress.get("termEnds").asString()).isEqualTo("2025-01-03");
        java.util.Map<String, Boolean> steps = new java.util.LinkedHashMap<>();
        congress.get("calendar").forEach(st -> steps.put(st.get("code").asString(), st.get("done").asBoolean()));
        assertThat(steps).containsExactly(java.util.Map.entry("VILLAGE_HEAD_RECOGNISED", true),
                java.util.Map.entry("CONGRESS", true), java.util.Map.entry("RATIFIED", true));
        call(post("/api/v1/party/congresses/" + id + "/ratification"), party, "{\"decisionNo\":\"13-QĐ/ĐU\",\"decidedOn\":\"2022-07-08\"}", 409);

        JsonNode r = report(v.villageCode(), "2022-07-03", party);
        assertThat(r.get("villages").asInt()).isEqualTo(1);
        assertThat(r.get("congressesHeld").asInt()).isEqualTo(1);
        assertThat(r.get("secretariesAreHeads").asInt()).isEqualTo(1);
        assertThat(r.get("percent").asString()).isEqualTo("100.00");
        assertThat(r.get("shortfalls").size()).isZero();

        // the documents: the minutes and the report to the superior committee
        for (String doc : List.of("minutes", "report")) {
            byte[] pdf = mvc.perform(get("/api/v1/party/congresses/" + id + "/" + doc + ".pdf").with(party))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/documents"));
            java.nio.file.Files.write(java.nio.file.Path.of("target/documents/party-congress-" + doc + ".pdf"), pdf);
            String text = vn.baucu.support.Golden.pdfText(pdf);
            assertThat(text).contains("Phạm Văn Kiểm").contains("ĐẢNG CỘNG SẢN VIỆT NAM")
                    .contains(doc.equals("minutes") ? "BIÊN BẢN BẦU CỬ" : "BÁO CÁO KẾT QUẢ ĐẠI HỘI").contains("12-QĐ/ĐU");
        }
        byte[] xlsx = mvc.perform(get("/api/v1/party/unified-post.xlsx").param("scope", v.villageCode())
                .param("asOf", "2022-07-03").with(party)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var rows = wb.getFirstSheet().read();
            assertThat(rows.get(1).getCell(5).getRawValue()).isEqualTo("1");
            assertThat(rows.get(1).getCell(6).getRawValue()).isEqualTo("100.00");
        }

        // confidentiality: no Party data for anyone without a Party role, officials of the same commune included
        for (RequestPostProcessor refusedUser : new RequestPostProcessor[] {communeOfficial,
                users.as(Role.PROVINCE_OFFICIAL, VillageElections.PROVINCE), users.as(Role.OBSERVER, VillageElections.PROVINCE),
                users.as(Role.FRONT_COMMITTEE, v.communeCode()), users.as(Role.PARTY_COMMITTEE, "00001")}) {
            // every Party endpoint, read or write
            for (MockHttpServletRequestBuilder request : List.of(get("/api/v1/party/congresses/" + id),
                    get("/api/v1/party/cells/" + cell), get("/api/v1/party/cells/" + cell + "/members"),
                    get("/api/v1/party/cells/" + cell + "/congresses"),
                    get("/api/v1/party/cells").param("scope", v.communeCode()).param("asOf", "2022-07-03"),
                    get("/api/v1/party/congresses/" + id + "/minutes.pdf"), get("/api/v1/party/congresses/" + id + "/report.pdf"),
                    get("/api/v1/party/unified-post").param("scope", v.villageCode()).param("asOf", "2022-07-03"),
                    get("/api/v1/party/unified-post.xlsx").param("scope", v.villageCode()).param("asOf", "2022-07-03"),
                    json(post("/api/v1/party/cells"), "{\"village\":\"" + v.villageCode() + "\",\"since\":\"2022-06-05\"}"),
                    json(post("/api/v1/party/cells/" + cell + "/members"), members(headId, 1, false)),
                    json(post("/api/v1/party/cells/" + cell + "/congresses"), "{\"term\":\"2030\",\"heldOn\":\"2022-07-03\"}"),
                    json(put("/api/v1/party/congresses/" + id + "/attendance"), "{\"absences\":[]}"),
                    json(post("/api/v1/party/congresses/" + id + "/votes"), "{\"nominees\":[" + head + "],\"listFor\":5}"),
                    json(post("/api/v1/party/votes/" + voteId + "/resolution"), "{\"keep\":\"FIRST\"}"),
                    post("/api/v1/party/votes/" + voteId + "/certification").header("If-Match", "\"1\""),
                    post("/api/v1/party/congresses/" + id + "/closing"),
                    json(post("/api/v1/party/congresses/" + id + "/ratification"),
                            "{\"decisionNo\":\"1\",\"decidedOn\":\"2022-07-08\"}"))) {
                assertThat(mvc.perform(request.with(refusedUser)).andReturn().getResponse().getStatus())
                        .as(request.toString()).isEqualTo(403);
            }
            enter(voteId, refusedUser, count(5, votes(head, 5)), 403);
        }
        // the page, for the Party committee signed in; 403 for the commune's official signed in
        var partySession = vn.baucu.support.Pages.login(mvc, users.create(Role.PARTY_COMMITTEE, v.communeCode(), null),
                TestUsers.PASSWORD);
        String page = mvc.perform(get("/party/unified-post").param("scope", v.villageCode()).param("asOf", "2022-07-03")
                .cookie(partySession)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("100.00").contains("unified-post.xlsx");
        var officialSession = vn.baucu.support.Pages.login(mvc, users.create(Role.COMMUNE_OFFICIAL, v.communeCode(), null),
                TestUsers.PASSWORD);
        mvc.perform(get("/party/unified-post").param("scope", v.villageCode()).param("asOf", "2022-07-03")
                .cookie(officialSession)).andExpect(status().isForbidden());
        // reads of Party data are audited
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'PARTY_DATA_READ' and subject_id = :c")
                .param("c", String.valueOf(id)).query(Integer.class).single()).isPositive();
    }

    @Test
    void aHeadWhoIsNoMemberOrASecretaryWhoIsNotTheHeadIsThatVillagesShortfall() throws Exception {
        VillageElections.Built notMember = recognisedHead();
        RequestPostProcessor party = users.as(Role.PARTY_COMMITTEE, notMember.communeCode());
        RequestPostProcessor party2 = users.as(Role.PARTY_COMMITTEE, notMember.communeCode());
        long cell1 = cell(notMember.villageCode(), party);
        call(post("/api/v1/party/cells/" + cell1 + "/members"), party, members(null, 5, false), 201);
        assertThat(report(notMember.villageCode(), "2022-07-03", party).get("shortfalls").get(0).get("reason").asString())
                .isEqualTo("HEAD_NOT_PARTY_MEMBER");

        VillageElections.Built other = recognisedHead();
        long cell2 = cell(other.villageCode(), party);
        JsonNode added = call(post("/api/v1/party/cells/" + cell2 + "/members"), party,
                members(personalIdOf(other.candidateIds().get(0)), 5, true), 201);
        long head = added.get(0).get("id").asLong();
        long someoneElse = added.get(1).get("id").asLong();
        long id = call(post("/api/v1/party/cells/" + cell2 + "/congresses"), party,
                "{\"term\":\"2022-2025\",\"heldOn\":\"2022-07-03\"}", 201).get("id").asLong();
        call(put("/api/v1/party/congresses/" + id + "/attendance"), party, "{\"absences\":[]}", 200);
        // the cell committee proposes someone else, with its reason on record
        long vote = call(post("/api/v1/party/congresses/" + id + "/votes"), party, "{\"nominees\":[" + someoneElse
                + "],\"listFor\":4,\"insteadOfHead\":\"Trưởng thôn mới chuyển sinh hoạt đảng về chi bộ\"}", 201).get("id").asLong();
        enter(vote, party, count(5, votes(someoneElse, 4)), 201);
        JsonNode v = enter(vote, party2, count(5, votes(someoneElse, 4)), 201);
        call(post("/api/v1/party/votes/" + vote + "/certification").header("If-Match", "\"" + v.get("vote").get("version").asInt() + "\""),
                party, null, 200);
        call(post("/api/v1/party/congresses/" + id + "/closing"), party, null, 200);
        JsonNode r = report(other.villageCode(), "2022-07-03", party);
        assertThat(r.get("shortfalls").get(0).get("reason").asString()).isEqualTo("SECRETARY_NOT_HEAD");
        assertThat(r.get("congressesHeld").asInt()).isEqualTo(1);
        assertThat(r.get("secretariesAreHeads").asInt()).isZero();
        // not ratified: no shortfall of its own while in time, but once the deadline has passed
        assertThat(report(other.villageCode(), "2022-12-01", party).get("shortfalls").get(0).get("reason").asString())
                .isEqualTo("SECRETARY_NOT_HEAD");
        assertThat(head).isNotEqualTo(someoneElse);
    }

    @Test
    void aLargeCellElectsItsCommitteeInTwoRoundsThenTheSecretaryFromIt() throws Exception {
        // a village with no head election: the secretary is elected on its own (no proposal)
        VillageElections.Built v = villageElections.nominated(40);
        RequestPostProcessor party = users.as(Role.PARTY_COMMITTEE, v.communeCode());
        RequestPostProcessor party2 = users.as(Role.PARTY_COMMITTEE, v.communeCode());
        long cell = cell(v.villageCode(), party);
        // 12 full members (the last exempted) and one probationary
        JsonNode added = call(post("/api/v1/party/cells/" + cell + "/members"), party, members(null, 12, false), 201);
        long[] m = new long[13];
        for (int i = 0; i < 13; i++) {
            m[i] = added.get(i).get("id").asLong();
        }
        call(post("/api/v1/party/cells/" + cell + "/congresses"), party, "{\"term\":\"2022-2025\",\"heldOn\":\"2022-07-03\"}", 422);
        long id = call(post("/api/v1/party/cells/" + cell + "/congresses"), party,
                "{\"term\":\"2022-2025\",\"heldOn\":\"2022-07-03\",\"committeeSeats\":3}", 201).get("id").asLong();
        // no quorum: 5 of the 11 counted present (the exempted member stays away, 6 others without an accepted reason)
        StringBuilder absences = new StringBuilder("{\"absences\":[{\"member\":" + m[11] + "}");
        for (int i = 0; i < 6; i++) {
            absences.append(",{\"member\":").append(m[i + 4]).append("}");
        }
        JsonNode congress = call(put("/api/v1/party/congresses/" + id + "/attendance"), party, absences + "]}", 200);
        assertThat(congress.get("status").asString()).isEqualTo("CONVENED");
        assertThat(congress.get("roll").get("quorum").asBoolean()).isFalse();
        call(post("/api/v1/party/congresses/" + id + "/votes"), party, "{\"nominees\":[" + m[0] + "," + m[1] + "," + m[2]
                + "],\"listFor\":5}", 422);
        // law.md case 26: 11 full members, one away with an accepted reason (and the exempted one away): roll 10, bar 6
        congress = call(put("/api/v1/party/congresses/" + id + "/attendance"), party, "{\"absences\":[{\"member\":" + m[11]
                + "},{\"member\":" + m[10] + ",\"reason\":\"ốm\",\"approved\":true}]}", 200);
        assertThat(congress.get("roll").get("adjusted").asInt()).isEqualTo(10);
        assertThat(congress.get("status").asString()).isEqualTo("OPENED");
        // the probationary member cannot stand; the secretary cannot be elected before the committee
        JsonNode refused = call(post("/api/v1/party/congresses/" + id + "/votes"), party,
                "{\"nominees\":[" + m[0] + "," + m[1] + "," + m[12] + "],\"listFor\":9}", 422);
        assertThat(field(refused.get("violations"), "code")).containsExactly("B-110");
        call(post("/api/v1/party/congresses/" + id + "/votes"), party, "{\"body\":\"SECRETARY\",\"nominees\":[" + m[0]
                + "],\"listFor\":9}", 409);
        long round1 = call(post("/api/v1/party/congresses/" + id + "/votes"), party,
                "{\"nominees\":[" + m[0] + "," + m[1] + "," + m[2] + "],\"listFor\":9}", 201).get("id").asLong();
        String counted = count(9, votes(m[0], 8), votes(m[1], 6), votes(m[2], 5));
        enter(round1, party, counted, 201);
        int version = enter(round1, party2, counted, 201).get("vote").get("version").asInt();
        JsonNode first = call(post("/api/v1/party/votes/" + round1 + "/certification").header("If-Match", "\"" + version + "\""),
                party, null, 200);
        assertThat(first.get("outcome").asString()).isEqualTo("ELECTED_SOME");
        assertThat(first.get("followUp").asString()).isEqualTo("NEXT_ROUND");
        assertThat(field(first.get("nominees"), "percent")).containsExactly("80.00", "60.00", "50.00");
        // the second round in the same sitting, for the one seat left; the elected cannot stand again
        call(post("/api/v1/party/congresses/" + id + "/votes"), party, "{\"nominees\":[" + m[0] + "],\"listFor\":9}", 422);
        JsonNode round2 = call(post("/api/v1/party/congresses/" + id + "/votes"), party,
                "{\"nominees\":[" + m[2] + "],\"listFor\":9}", 201);
        assertThat(round2.get("round").asInt()).isEqualTo(2);
        assertThat(round2.get("seats").asInt()).isEqualTo(1);
        long r2 = round2.get("id").asLong();
        enter(r2, party, count(9, votes(m[2], 7)), 201);
        version = enter(r2, party2, count(9, votes(m[2], 7)), 201).get("vote").get("version").asInt();
        assertThat(call(post("/api/v1/party/votes/" + r2 + "/certification").header("If-Match", "\"" + version + "\""),
                party, null, 200).get("outcome").asString()).isEqualTo("ELECTED_ALL");
        // the secretary from among the committee
        refused = call(post("/api/v1/party/congresses/" + id + "/votes"), party, "{\"nominees\":[" + m[3] + "],\"listFor\":9}", 422);
        assertThat(field(refused.get("violations"), "code")).containsExactly("B-111");
        long sec = call(post("/api/v1/party/congresses/" + id + "/votes"), party, "{\"nominees\":[" + m[1] + "],\"listFor\":9}", 201)
                .get("id").asLong();
        enter(sec, party, count(9, votes(m[1], 6)), 201);
        version = enter(sec, party2, count(9, votes(m[1], 6)), 201).get("vote").get("version").asInt();
        call(post("/api/v1/party/votes/" + sec + "/certification").header("If-Match", "\"" + version + "\""), party, null, 200);
        congress = call(post("/api/v1/party/congresses/" + id + "/closing"), party, null, 200);
        assertThat(congress.get("secretaryId").asLong()).isEqualTo(m[1]);
        assertThat(congress.get("votes").size()).isEqualTo(3);
        call(post("/api/v1/party/congresses/" + id + "/votes"), party, "{\"nominees\":[" + m[3] + "],\"listFor\":9}", 409);
        // the village has no head: that is its shortfall, whatever its cell did
        mvc.perform(get("/api/v1/party/unified-post").param("scope", v.villageCode()).param("asOf", "2022-07-03").with(party))
                .andExpect(jsonPath("$.shortfalls[*].reason", hasItem("HEAD_NOT_ELECTED")))
                .andExpect(jsonPath("$.shortfalls[0].village", is(v.villageCode())));
        mvc.perform(get("/api/v1/party/congresses/" + id).with(party)).andExpect(jsonPath("$.proposedSecretary", nullValue()));
        // law.md case 30: 7 committee seats take at most 9 names (a surplus of 30%, rounded down)
        long next = call(post("/api/v1/party/cells/" + cell + "/congresses"), party,
                "{\"term\":\"2025-2027\",\"heldOn\":\"2025-01-05\",\"committeeSeats\":7}", 201).get("id").asLong();
        call(put("/api/v1/party/congresses/" + next + "/attendance"), party, "{\"absences\":[]}", 200);
        StringBuilder ten = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            ten.append(i == 0 ? "" : ",").append(m[i]);
        }
        refused = call(post("/api/v1/party/congresses/" + next + "/votes"), party, "{\"nominees\":[" + ten + "],\"listFor\":11}", 422);
        assertThat(field(refused.get("violations"), "code")).containsExactly("B-105");
        String nine = ten.substring(0, ten.lastIndexOf(","));
        assertThat(call(post("/api/v1/party/congresses/" + next + "/votes"), party, "{\"nominees\":[" + nine
                + "],\"listFor\":11}", 201).get("seats").asInt()).isEqualTo(7);
        // another cell (not a village's): its name and superior committee required; it holds congresses too
        JsonNode missing = call(post("/api/v1/party/cells"), party, "{\"since\":\"2022-06-05\"}", 422);
        assertThat(field(missing.get("violations"), "field")).containsExactly("name", "superior");
        JsonNode school = call(post("/api/v1/party/cells"), party, "{\"name\":\"Chi bộ Trường Tiểu học Trúc Bạch\","
                + "\"superior\":\"" + v.communeCode() + "\",\"since\":\"2022-06-05\"}", 201);
        assertThat(school.get("villageCode").isNull()).isTrue();
        long schoolCell = school.get("id").asLong();
        call(post("/api/v1/party/cells/" + schoolCell + "/members"), party, members(null, 4, false), 201);
        JsonNode schoolCongress = call(post("/api/v1/party/cells/" + schoolCell + "/congresses"), party,
                "{\"term\":\"2022-2025\",\"heldOn\":\"2022-07-03\"}", 201);
        assertThat(schoolCongress.get("mode").asString()).isEqualTo("SECRETARY_DIRECT");
        assertThat(field(schoolCongress.get("calendar"), "code")).doesNotContain("VILLAGE_HEAD_RECOGNISED");
        // a cell congress is never a state election (whose pages and public results anyone may reach)
        JsonNode asElection = call(post("/api/v1/elections"), vn.baucu.support.Api.admin(), "{\"kind\":\"PARTY_CELL\","
                + "\"ruleSet\":\"PARTY_CELL_2024\",\"name\":\"Đại hội chi bộ\",\"term\":\"2022-2025\","
                + "\"electionDay\":\"2022-07-03\",\"scopeCode\":\"" + v.villageCode() + "\"}", 422);
        assertThat(field(asElection.get("violations"), "code")).contains("L-210");
    }

    /**
     * law.md §4 C case 29 through the application: a commune's Party organisation holds a delegates' congress of 100
     * full delegates (5 of them the convening committee's members) and 10 alternates. 3 delegates absent for the whole
     * congress with no alternate leave a roll of 97 and a bar of 49 (QĐ 244-QĐ/TW, Điều 32 khoản 3); 2 more absent with
     * an alternate in the seat stay on it; a convening committee member absent is taken out and nobody takes the seat.
     */
    @Test
    void case29ADelegatesCongressCountsTheDelegatesConvenedLessThoseAbsentWithNoAlternate() throws Exception {
        VillageElections.Built v = villageElections.nominated(40);
        RequestPostProcessor party = users.as(Role.PARTY_COMMITTEE, v.communeCode());
        RequestPostProcessor party2 = users.as(Role.PARTY_COMMITTEE, v.communeCode());
        long organisation = call(post("/api/v1/party/cells"), party, "{\"name\":\"Đảng bộ xã (đại hội đại biểu)\",\"superior\":\""
                + v.communeCode() + "\",\"since\":\"2022-06-05\"}", 201).get("id").asLong();
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 111; i++) {
            rows.add("{\"fullName\":\"Đại Biểu Số " + (i + 1) + "\",\"birthDate\":\"1975-05-05\",\"personalId\":\""
                    + String.format("%012d", 700_000_000_000L + v.electionId() * 1000 + i) + "\",\"membership\":\""
                    + (i == 110 ? "PROBATIONARY" : "FULL") + "\"}");
        }
        JsonNode added = call(post("/api/v1/party/cells/" + organisation + "/members"), party, "[" + String.join(",", rows) + "]", 201);
        long[] m = new long[111];
        for (int i = 0; i < 111; i++) {
            m[i] = added.get(i).get("id").asLong();
        }
        // every problem of the delegates' list at once, nothing written
        JsonNode refused = call(post("/api/v1/party/cells/" + organisation + "/congresses"), party, "{\"term\":\"2020-2025\","
                + "\"heldOn\":\"2020-07-05\",\"kind\":\"DELEGATES\",\"delegates\":[{\"member\":" + m[0] + ",\"standing\":\"FULL\"},"
                + "{\"member\":" + m[0] + ",\"standing\":\"FULL\"},{\"member\":" + m[110] + ",\"standing\":\"FULL\"},"
                + "{\"member\":" + m[1] + ",\"standing\":\"ALTERNATE\",\"conveningCommittee\":true},"
                + "{\"member\":" + m[2] + ",\"standing\":\"GUEST\"}]}", 422);
        assertThat(field(refused.get("violations"), "code")).containsExactly("B-124", "B-122", "B-122", "B-123", "B-123");
        assertThat(field(refused.get("violations"), "field")).containsExactly("committeeSeats", "delegates[1].member",
                "delegates[2].member", "delegates[3].standing", "delegates[4].standing");
        refused = call(post("/api/v1/party/cells/" + organisation + "/congresses"), party, "{\"term\":\"2020-2025\","
                + "\"heldOn\":\"2020-07-05\",\"committeeSeats\":3,\"kind\":\"DELEGATES\",\"delegates\":[]}", 422);
        assertThat(field(refused.get("violations"), "code")).containsExactly("B-121");
        refused = call(post("/api/v1/party/cells/" + organisation + "/congresses"), party, "{\"term\":\"2020-2025\","
                + "\"heldOn\":\"2020-07-05\",\"committeeSeats\":3,\"kind\":\"CONFERENCE\"}", 422);
        assertThat(field(refused.get("violations"), "code")).containsExactly("P-402");
        assertThat(jdbc.sql("select count(*) from party_congress where cell_id = :c").param("c", organisation).query(Long.class).single())
                .isZero();

        StringBuilder delegates = new StringBuilder();
        for (int i = 0; i < 110; i++) {
            delegates.append(i == 0 ? "" : ",").append("{\"member\":").append(m[i]).append(",\"standing\":\"")
                    .append(i < 100 ? "FULL" : "ALTERNATE").append("\",\"conveningCommittee\":").append(i < 5).append("}");
        }
        JsonNode congress = call(post("/api/v1/party/cells/" + organisation + "/congresses"), party, "{\"term\":\"2020-2025\","
                + "\"heldOn\":\"2020-07-05\",\"committeeSeats\":3,\"kind\":\"DELEGATES\",\"delegates\":[" + delegates + "]}", 201);
        long id = congress.get("id").asLong();
        assertThat(congress.get("kind").asString()).isEqualTo("DELEGATES");
        assertThat(congress.get("mode").asString()).isEqualTo("COMMITTEE_THEN_SECRETARY");
        assertThat(congress.get("delegates").size()).isEqualTo(110);
        int version = congress.get("version").asInt();

        // the attendance's problems, every one: an alternate is no full delegate, a full delegate is no alternate, one
        // alternate in two seats, an alternate in a convening committee member's seat
        refused = call(put("/api/v1/party/congresses/" + id + "/attendance"), party, "{\"absences\":["
                + "{\"member\":" + m[100] + "},{\"member\":" + m[10] + ",\"alternate\":" + m[11] + "},"
                + "{\"member\":" + m[12] + ",\"alternate\":" + m[101] + "},{\"member\":" + m[13] + ",\"alternate\":" + m[101] + "},"
                + "{\"member\":" + m[0] + ",\"alternate\":" + m[102] + "}]}", 422);
        assertThat(field(refused.get("violations"), "code")).containsExactly("B-115", "B-125", "B-125", "B-126");
        assertThat(field(refused.get("violations"), "field")).containsExactly("absences[0].member",
                "absences[1].alternate", "absences[3].alternate", "absences[4].alternate");
        assertThat(call(get("/api/v1/party/congresses/" + id), party, null, 200).get("version").asInt()).isEqualTo(version);

        // a convening committee member away for the whole congress leaves the roll with the 3 delegates who have no
        // alternate; the 2 delegates whose alternates took their seats stay on it, and the alternates are present
        congress = call(put("/api/v1/party/congresses/" + id + "/attendance"), party, "{\"absences\":[{\"member\":" + m[0]
                + "},{\"member\":" + m[10] + ",\"reason\":\"ốm\"},{\"member\":" + m[11] + "},{\"member\":" + m[12] + "},"
                + "{\"member\":" + m[13] + ",\"alternate\":" + m[100] + "},{\"member\":" + m[14] + ",\"alternate\":" + m[101]
                + "}]}", 200);
        assertThat(congress.get("roll").get("convened").asInt()).isEqualTo(100);
        assertThat(congress.get("roll").get("excluded").asInt()).isEqualTo(4);
        assertThat(congress.get("roll").get("adjusted").asInt()).isEqualTo(96);
        assertThat(congress.get("roll").get("present").asInt()).isEqualTo(96);
        // case 29 itself, on the congress's page: the convening committee member came after all
        var session = vn.baucu.support.Pages.login(mvc, users.create(Role.PARTY_COMMITTEE, v.communeCode(), null),
                TestUsers.PASSWORD);
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        String form = vn.baucu.support.Pages.page(mvc, session, "/party/congresses/" + id);
        assertThat(form).contains("name=\"alt-" + m[13] + "\"").doesNotContain("name=\"alt-" + m[0] + "\"")
                .doesNotContain("name=\"m-" + m[100] + "\"");
        mvc.perform(post("/party/congresses/" + id + "/attendance").cookie(session).with(csrf)
                        .param("version", String.valueOf(congress.get("version").asInt()))
                        .param("m-" + m[10], "ABSENT").param("r-" + m[10], "ốm").param("m-" + m[11], "ABSENT")
                        .param("m-" + m[12], "ABSENT").param("m-" + m[13], "ABSENT").param("alt-" + m[13], String.valueOf(m[100]))
                        .param("m-" + m[14], "ABSENT").param("alt-" + m[14], String.valueOf(m[101])))
                .andExpect(status().is3xxRedirection());
        congress = call(get("/api/v1/party/congresses/" + id), party, null, 200);
        assertThat(congress.get("roll").get("convened").asInt()).isEqualTo(100);
        assertThat(congress.get("roll").get("excluded").asInt()).isEqualTo(3);
        assertThat(congress.get("roll").get("adjusted").asInt()).isEqualTo(97);
        assertThat(congress.get("roll").get("present").asInt()).isEqualTo(97);
        assertThat(congress.get("roll").get("quorum").asBoolean()).isTrue();
        assertThat(congress.get("status").asString()).isEqualTo("OPENED");
        assertThat(jdbc.sql("select count(*) from congress_absence where congress_id = :c and alternate_id is not null")
                .param("c", id).query(Long.class).single()).isEqualTo(2);

        // the committee's list of 3 for 3 seats; 49 of the roll of 97 is more than half, 48 is not
        long vote = call(post("/api/v1/party/congresses/" + id + "/votes"), party, "{\"nominees\":[" + m[20] + "," + m[21]
                + "," + m[22] + "],\"listFor\":90,\"listAgainst\":7}", 201).get("id").asLong();
        JsonNode tooMany = enter(vote, party, count(98, votes(m[20], 49), votes(m[21], 48), votes(m[22], 97)), 422);
        assertThat(field(tooMany.get("violations"), "code")).contains("B-118");
        String counted = count(97, votes(m[20], 49), votes(m[21], 48), votes(m[22], 97));
        enter(vote, party, counted, 201);
        version = enter(vote, party2, counted, 201).get("vote").get("version").asInt();
        JsonNode certified = call(post("/api/v1/party/votes/" + vote + "/certification").header("If-Match", "\"" + version + "\""),
                party, null, 200);
        assertThat(certified.get("outcome").asString()).isEqualTo("ELECTED_SOME");
        assertThat(field(certified.get("nominees"), "elected")).containsExactly("true", "false", "true");
        String evaluation = jdbc.sql("select evaluation::text from congress_vote where id = :v").param("v", vote)
                .query(String.class).single();
        JsonNode bar = json.readTree(evaluation).get("bar");
        assertThat(bar.get("denominator").asLong()).isEqualTo(97);
        assertThat(bar.get("mustExceed").asDouble()).isEqualTo(48.5);

        // the page and the minutes say it is a delegates' congress, with the delegates' roll
        assertThat(vn.baucu.support.Pages.page(mvc, session, "/party/congresses/" + id)).contains("Đại hội đại biểu").contains("Đại biểu chính thức triệu tập 100; trừ 3");
        byte[] pdf = mvc.perform(get("/api/v1/party/congresses/" + id + "/minutes.pdf").with(party))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/documents"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/documents/party-delegates-congress-minutes.pdf"), pdf);
        assertThat(vn.baucu.support.Golden.pdfText(pdf).replaceAll("\\s+", " "))
                .contains("Đại biểu chính thức được triệu tập: 100").contains("số được tính: 97");
    }

    /** {@code n} papers, each with the same marks against the list's names. */
    static List<String> papers(int n, String... marks) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("{\"issued\":true,\"marks\":[\"" + String.join("\",\"", marks) + "\"]}");
        }
        return out;
    }

    static String ballots(long present, List<String> papers) {
        return "{\"participants\":" + present + ",\"ballotsIssued\":" + present + ",\"ballots\":[" + String.join(",", papers) + "]}";
    }

    JsonNode enterPapers(long vote, RequestPostProcessor who, String body, int expected) throws Exception {
        return call(post("/api/v1/party/votes/" + vote + "/ballots").header("Idempotency-Key", UUID.randomUUID().toString()),
                who, body, expected);
    }

    /** Both entries of a count from the same papers, then the certification; the certified ballot. */
    JsonNode countedFromPapers(long vote, RequestPostProcessor first, RequestPostProcessor second, String body) throws Exception {
        enterPapers(vote, first, body, 201);
        int version = enterPapers(vote, second, body, 201).get("entry").get("vote").get("version").asInt();
        return call(post("/api/v1/party/votes/" + vote + "/certification").header("If-Match", "\"" + version + "\""),
                first, null, 200);
    }

    /**
     * law.md §4 C cases 27, 28 and 31 through the application: a cell of 8 elects its secretary directly and 4 of 8 is
     * not enough; a cell of 9 with an exempted member elects a committee, the exempted member out of the roll when away
     * (8, bar 5) and in it when present (9, bar 5); the counts made from the papers, where a name ticked both ways on a
     * list without surplus leaves the paper valid without a vote for that name, and a single name ticked both ways
     * makes it invalid. Only the counts are stored.
     */
    @Test
    void aSmallCellAnExemptedMemberAndAgreeDisagreePapers() throws Exception {
        VillageElections.Built v = villageElections.frozen(60);
        RequestPostProcessor party = users.as(Role.PARTY_COMMITTEE, v.communeCode());
        RequestPostProcessor party2 = users.as(Role.PARTY_COMMITTEE, v.communeCode());

        // case 27: 8 full members (the last exempted, present), all attend; the secretary directly, 4 votes of 8 lose
        long small = cell(v.villageCode(), party);
        JsonNode eight = call(post("/api/v1/party/cells/" + small + "/members"), party, members(null, 8, false), 201);
        JsonNode congress = call(post("/api/v1/party/cells/" + small + "/congresses"), party,
                "{\"term\":\"2022-2025\",\"heldOn\":\"2022-07-03\"}", 201);
        assertThat(congress.get("mode").asString()).isEqualTo("SECRETARY_DIRECT");
        long id = congress.get("id").asLong();
        congress = call(put("/api/v1/party/congresses/" + id + "/attendance"), party, "{\"absences\":[]}", 200);
        assertThat(congress.get("roll").get("adjusted").asInt()).isEqualTo(8);
        long secretary = call(post("/api/v1/party/congresses/" + id + "/votes"), party,
                "{\"nominees\":[" + eight.get(0).get("id").asLong() + "],\"listFor\":8}", 201).get("id").asLong();
        // a paper whose marks do not fit the list is named, and nothing is stored
        List<String> wrong = new ArrayList<>(papers(2, "AGREE"));
        wrong.addAll(papers(1, "AGREE", "AGREE"));
        wrong.addAll(papers(1, "KEPT"));
        JsonNode refused = enterPapers(secretary, party, ballots(8, wrong), 422);
        assertThat(field(refused.get("violations"), "code")).containsExactly("B-119", "B-120");
        assertThat(field(refused.get("violations"), "field")).containsExactly("ballots[2].marks", "ballots[3].marks");
        assertThat(jdbc.sql("select count(*) from congress_count_entry where vote_id = :v").param("v", secretary)
                .query(Integer.class).single()).isZero();
        List<String> eightPapers = new ArrayList<>(papers(4, "AGREE"));
        eightPapers.addAll(papers(3, "DISAGREE"));
        eightPapers.addAll(papers(1, "BOTH"));   // one name ticked both ways: invalid
        String key = UUID.randomUUID().toString();
        JsonNode entry = call(post("/api/v1/party/votes/" + secretary + "/ballots").header("Idempotency-Key", key), party,
                ballots(8, eightPapers), 201);
        assertThat(entry.get("counted").get("validBallots").asInt()).isEqualTo(7);
        assertThat(entry.get("counted").get("invalidBallots").asInt()).isEqualTo(1);
        assertThat(entry.get("invalidBy").get("BALLOT_SINGLE_NAME_UNMARKED").asInt()).isEqualTo(1);
        call(post("/api/v1/party/votes/" + secretary + "/ballots").header("Idempotency-Key", key), party,
                ballots(8, eightPapers), 200);   // a resend replays
        int version = enterPapers(secretary, party2, ballots(8, eightPapers), 201).get("entry").get("vote").get("version").asInt();
        JsonNode lost = call(post("/api/v1/party/votes/" + secretary + "/certification")
                .header("If-Match", "\"" + version + "\""), party, null, 200);
        assertThat(lost.get("outcome").asString()).isEqualTo("NONE_ELECTED");
        assertThat(lost.get("followUp").asString()).isEqualTo("NEXT_ROUND");
        assertThat(field(lost.get("nominees"), "percent")).containsExactly("50.00");
        assertThat(jdbc.sql("select count(*) from congress_count_entry where vote_id = :v and figures::text like '%marks%'")
                .param("v", secretary).query(Integer.class).single()).as("no paper is stored").isZero();

        // case 28: 9 full members, the last exempted: the cell elects a committee (the exempted member counts to 9)
        VillageElections.Built w = villageElections.frozen(60);
        RequestPostProcessor partyW = users.as(Role.PARTY_COMMITTEE, w.communeCode());
        RequestPostProcessor partyW2 = users.as(Role.PARTY_COMMITTEE, w.communeCode());
        long nine = cell(w.villageCode(), partyW);
        JsonNode m = call(post("/api/v1/party/cells/" + nine + "/members"), partyW, members(null, 9, false), 201);
        JsonNode c28 = call(post("/api/v1/party/cells/" + nine + "/congresses"), partyW,
                "{\"term\":\"2022-2025\",\"heldOn\":\"2022-07-03\",\"committeeSeats\":3}", 201);
        assertThat(c28.get("mode").asString()).isEqualTo("COMMITTEE_THEN_SECRETARY");
        long a = c28.get("id").asLong();
        // 28a: the exempted member stays away: roll 8, bar 5
        c28 = call(put("/api/v1/party/congresses/" + a + "/attendance"), partyW,
                "{\"absences\":[{\"member\":" + m.get(8).get("id").asLong() + "}]}", 200);
        assertThat(c28.get("roll").get("adjusted").asInt()).isEqualTo(8);
        assertThat(c28.get("roll").get("present").asInt()).isEqualTo(8);
        long committee = call(post("/api/v1/party/congresses/" + a + "/votes"), partyW, "{\"nominees\":[" + m.get(0).get("id")
                + "," + m.get(1).get("id") + "," + m.get(2).get("id") + "],\"listFor\":8}", 201).get("id").asLong();
        // case 31: on a list without surplus a name ticked both ways leaves the paper valid, without a vote for that name
        List<String> eightOf28 = new ArrayList<>(papers(4, "AGREE", "AGREE", "AGREE"));
        eightOf28.addAll(papers(1, "AGREE", "BOTH", "NEITHER"));
        eightOf28.addAll(papers(3, "DISAGREE", "AGREE", "DISAGREE"));
        JsonNode r28a = countedFromPapers(committee, partyW, partyW2, ballots(8, eightOf28));
        assertThat(r28a.get("outcome").asString()).isEqualTo("ELECTED_SOME");
        assertThat(field(r28a.get("nominees"), "votes")).containsExactly("5", "7", "4");
        assertThat(field(r28a.get("nominees"), "elected")).containsExactly("true", "true", "false");
        assertThat(jdbc.sql("select (figures->>'validBallots')::int from congress_count_entry where vote_id = :v and seq = 1")
                .param("v", committee).query(Integer.class).single()).isEqualTo(8);
        // 28b: at the next congress the exempted member attends and votes: roll 9, and 5 is still more than half
        long b = call(post("/api/v1/party/cells/" + nine + "/congresses"), partyW,
                "{\"term\":\"2025-2027\",\"heldOn\":\"2025-01-05\",\"committeeSeats\":3}", 201).get("id").asLong();
        assertThat(call(put("/api/v1/party/congresses/" + b + "/attendance"), partyW, "{\"absences\":[]}", 200)
                .get("roll").get("adjusted").asInt()).isEqualTo(9);
        long committeeB = call(post("/api/v1/party/congresses/" + b + "/votes"), partyW, "{\"nominees\":[" + m.get(3).get("id")
                + "," + m.get(4).get("id") + "," + m.get(5).get("id") + "],\"listFor\":9}", 201).get("id").asLong();
        List<String> nineOf28 = new ArrayList<>(papers(5, "AGREE", "AGREE", "DISAGREE"));
        nineOf28.addAll(papers(4, "DISAGREE", "NEITHER", "AGREE"));
        JsonNode r28b = countedFromPapers(committeeB, partyW, partyW2, ballots(9, nineOf28));
        assertThat(field(r28b.get("nominees"), "votes")).containsExactly("5", "5", "4");
        assertThat(field(r28b.get("nominees"), "elected")).containsExactly("true", "true", "false");
    }

    /**
     * The count of a ballot from its papers on the congress page, pile by pile of identical papers, entered by two
     * members of the committee: on a list without surplus a name ticked both ways gives no vote; the two entries agree.
     */
    @Test
    void aBallotIsCountedFromItsPapersOnTheCongressPage() throws Exception {
        VillageElections.Built v = villageElections.frozen(60);
        String user1 = users.create(Role.PARTY_COMMITTEE, v.communeCode(), null);
        String user2 = users.create(Role.PARTY_COMMITTEE, v.communeCode(), null);
        RequestPostProcessor party = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .httpBasic(user1, TestUsers.PASSWORD);
        long cell = cell(v.villageCode(), party);
        JsonNode m = call(post("/api/v1/party/cells/" + cell + "/members"), party, members(null, 6, false), 201);
        long id = call(post("/api/v1/party/cells/" + cell + "/congresses"), party,
                "{\"term\":\"2022-2025\",\"heldOn\":\"2022-07-03\"}", 201).get("id").asLong();
        call(put("/api/v1/party/congresses/" + id + "/attendance"), party, "{\"absences\":[]}", 200);
        long nominee = m.get(0).get("id").asLong();
        long vote = call(post("/api/v1/party/congresses/" + id + "/votes"), party,
                "{\"nominees\":[" + nominee + "],\"listFor\":6}", 201).get("id").asLong();
        var one = vn.baucu.support.Pages.login(mvc, user1, TestUsers.PASSWORD);
        var two = vn.baucu.support.Pages.login(mvc, user2, TestUsers.PASSWORD);
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        String page = vn.baucu.support.Pages.page(mvc, one, "/party/congresses/" + id);
        assertThat(page).contains("id=\"papers-" + vote + "\"").contains("Đồng ý").contains("Đánh dấu cả hai ô");
        // 6 present: 4 agree, 1 disagree, 1 with both boxes (one name: invalid)
        for (var who : List.of(one, two)) {
            mvc.perform(post("/party/congresses/" + id + "/votes/" + vote + "/ballots").cookie(who).with(csrf)
                            .param("idempotencyKey", UUID.randomUUID().toString())
                            .param("participants", "6").param("ballotsIssued", "6")
                            .param("n-0", "4").param("m-0-" + nominee, "AGREE")
                            .param("n-1", "1").param("m-1-" + nominee, "DISAGREE")
                            .param("n-2", "1").param("m-2-" + nominee, "BOTH"))
                    .andExpect(status().is3xxRedirection());
        }
        JsonNode counted = call(get("/api/v1/party/congresses/" + id), party, null, 200);
        JsonNode theVote = counted.get("votes").get(0);
        assertThat(theVote.get("status").asString()).isEqualTo("VERIFIED");
        assertThat(jdbc.sql("select (figures->>'validBallots')::int || '/' || (figures->>'invalidBallots')::int"
                        + " from congress_count_entry where vote_id = :v and seq = 1").param("v", vote).query(String.class).single())
                .isEqualTo("5/1");
        JsonNode certified = call(post("/api/v1/party/votes/" + vote + "/certification")
                .header("If-Match", "\"" + theVote.get("version").asInt() + "\""), party, null, 200);
        assertThat(certified.get("nominees").get(0).get("votes").asInt()).isEqualTo(4);
        assertThat(certified.get("outcome").asString()).isEqualTo("ELECTED_ALL");   // 4 of a roll of 6
    }

    /**
     * The Party committee adds a village's cell and imports its members from a CSV file on its pages: all or nothing,
     * every wrong row named; the cell's page then lists them. A second cell for the village is refused (409); a commune
     * official without a Party role may not add one.
     */
    @Test
    void aCellAndItsMembersAreAddedOnThePages() throws Exception {
        VillageElections.Built v = villageElections.frozen(60);
        var session = vn.baucu.support.Pages.login(mvc, users.create(Role.PARTY_COMMITTEE, v.communeCode(), null),
                TestUsers.PASSWORD);
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        assertThat(vn.baucu.support.Pages.page(mvc, session, "/party/cells?scope=" + v.communeCode())).contains("id=\"new-cell\"");
        String location = mvc.perform(post("/party/cells").cookie(session).with(csrf).param("village", v.villageCode())
                        .param("since", "2022-06-05"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long cell = Long.parseLong(location.replaceAll(".*/party/cells/(\\d+).*", "$1"));
        assertThat(mvc.perform(post("/party/cells").cookie(session).with(csrf).param("village", v.villageCode())
                .param("since", "2022-06-05")).andExpect(status().isConflict()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("id=\"form-errors\"");
        var official = vn.baucu.support.Pages.login(mvc, users.create(Role.COMMUNE_OFFICIAL, v.communeCode(), null),
                TestUsers.PASSWORD);
        mvc.perform(post("/party/cells").cookie(official).with(csrf).param("village", v.villageCode())
                .param("since", "2022-06-05")).andExpect(status().isForbidden());

        String header = "Họ và tên,Ngày sinh,Số định danh cá nhân,Loại đảng viên,Miễn sinh hoạt\n";
        String bad = header + "Nguyễn Văn Một,04/03/1970,022070000001,Chính thức,\n"
                + "Trần Thị Hai,05/06/1975,12345,Chính thức,\n"
                + "Lê Văn Ba,31/02/1980,022080000003,Dự bị,\n";
        String refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                "/party/cells/" + cell + "/members")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "dang-vien.csv", "text/csv",
                                bad.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .cookie(session).with(csrf))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        // named by the file's line: the header is line 1
        assertThat(refused).contains("B-102").contains("Dòng 3:").contains("B-101").contains("Dòng 4:");
        assertThat(jdbc.sql("select count(*) from party_member where cell_id = :c").param("c", cell).query(Integer.class)
                .single()).as("all or nothing").isZero();
        // Excel's CSV: a BOM and semicolons
        String good = "\uFEFF" + header.replace(',', ';') + "Nguyễn Văn Một;04/03/1970;022070000001;Chính thức;\n"
                + "Trần Thị Hai;05/06/1975;022075000002;Chính thức;có\n"
                + "Lê Văn Ba;28/02/1980;022080000003;Dự bị;\n";
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/party/cells/" + cell + "/members")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "dang-vien.csv", "text/csv",
                                good.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .cookie(session).with(csrf))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select membership || ':' || exempted from party_member where cell_id = :c order by personal_id")
                .param("c", cell).query(String.class).list()).containsExactly("FULL:false", "FULL:true", "PROBATIONARY:false");
        assertThat(vn.baucu.support.Pages.page(mvc, session, "/party/cells/" + cell)).contains("Trần Thị Hai")
                .contains("Lê Văn Ba").contains("id=\"import-members\"");
    }

    /**
     * The same congress run by the commune's Party committee on its pages, one small form per step: the cell, convening,
     * the roll, the list (a refused one shown with its problem and status), the count entered twice by two people
     * (a resend of a form stores nothing), certification, closing and ratification.
     */
    @Test
    void aCongressIsRunOnThePartyCommitteesPages() throws Exception {
        VillageElections.Built v = recognisedHead();
        String headId = personalIdOf(v.candidateIds().get(0));
        String user1 = users.create(Role.PARTY_COMMITTEE, v.communeCode(), null);
        String user2 = users.create(Role.PARTY_COMMITTEE, v.communeCode(), null);
        RequestPostProcessor party = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .httpBasic(user1, TestUsers.PASSWORD);
        long cell = cell(v.villageCode(), party);
        JsonNode added = call(post("/api/v1/party/cells/" + cell + "/members"), party, members(headId, 7, true), 201);
        long head = added.get(0).get("id").asLong();
        var one = vn.baucu.support.Pages.login(mvc, user1, TestUsers.PASSWORD);
        var two = vn.baucu.support.Pages.login(mvc, user2, TestUsers.PASSWORD);
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();

        assertThat(vn.baucu.support.Pages.page(mvc, one, "/party/cells?scope=" + v.communeCode()))
                .contains("/party/cells/" + cell);
        assertThat(vn.baucu.support.Pages.page(mvc, one, "/party/cells/" + cell)).contains("id=\"convene\"")
                .contains("7 đảng viên chính thức");
        String location = mvc.perform(post("/party/cells/" + cell + "/congresses").cookie(one).with(csrf)
                        .param("term", "2022-2025").param("heldOn", "2022-07-03"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll(".*/party/congresses/(\\d+).*", "$1"));
        String page = vn.baucu.support.Pages.page(mvc, one, "/party/congresses/" + id);
        assertThat(page).contains("Phạm Văn Kiểm").contains("id=\"attendance\"").contains("Đã triệu tập");

        mvc.perform(post("/party/congresses/" + id + "/attendance").cookie(one).with(csrf)
                        .param("version", "1").param("m-" + added.get(6).get("id").asLong(), "ABSENT")
                        .param("m-" + added.get(5).get("id").asLong(), "EXCUSED")
                        .param("r-" + added.get(5).get("id").asLong(), "đi công tác"))
                .andExpect(status().is3xxRedirection());
        assertThat(vn.baucu.support.Pages.page(mvc, one, "/party/congresses/" + id))
                .contains("Triệu tập 7; trừ 2 vắng có lý do được chấp nhận: 5; có mặt 5");
        // a list approved by too few: shown again with the problem, as a 422
        String refused = mvc.perform(post("/party/congresses/" + id + "/votes").cookie(one).with(csrf)
                        .param("nominee", String.valueOf(head)).param("listFor", "2").param("listAgainst", "3"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(refused).contains("chưa được thông qua");
        mvc.perform(post("/party/congresses/" + id + "/votes").cookie(one).with(csrf)
                .param("nominee", String.valueOf(head)).param("listFor", "5").param("listAgainst", "0"))
                .andExpect(status().is3xxRedirection());
        long vote = call(get("/api/v1/party/congresses/" + id), party, null, 200).get("votes").get(0).get("id").asLong();

        String key = UUID.randomUUID().toString();
        for (int send = 0; send < 2; send++) {        // the form sent twice (a double tap): one entry
            mvc.perform(post("/party/congresses/" + id + "/votes/" + vote + "/entries").cookie(one).with(csrf)
                    .param("idempotencyKey", key).param("participants", "5").param("ballotsIssued", "5")
                    .param("ballotsReturned", "5").param("validBallots", "5").param("invalidBallots", "0")
                    .param("votes-" + head, "5")).andExpect(status().is3xxRedirection());
        }
        JsonNode c = call(get("/api/v1/party/congresses/" + id), party, null, 200);
        assertThat(c.get("votes").get(0).get("entries").asInt()).isEqualTo(1);
        mvc.perform(post("/party/congresses/" + id + "/votes/" + vote + "/entries").cookie(two).with(csrf)
                .param("idempotencyKey", UUID.randomUUID().toString()).param("participants", "5").param("ballotsIssued", "5")
                .param("ballotsReturned", "5").param("validBallots", "5").param("invalidBallots", "0")
                .param("votes-" + head, "5")).andExpect(status().is3xxRedirection());
        c = call(get("/api/v1/party/congresses/" + id), party, null, 200);
        assertThat(c.get("votes").get(0).get("status").asString()).isEqualTo("VERIFIED");
        mvc.perform(post("/party/congresses/" + id + "/votes/" + vote + "/certification").cookie(two).with(csrf)
                .param("version", c.get("votes").get(0).get("version").asString())).andExpect(status().is3xxRedirection());
        c = call(get("/api/v1/party/congresses/" + id), party, null, 200);
        assertThat(c.get("secretaryId").asLong()).isEqualTo(head);
        mvc.perform(post("/party/congresses/" + id + "/closing").cookie(one).with(csrf)
                .param("version", c.get("version").asString())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/party/congresses/" + id + "/ratification").cookie(one).with(csrf)
                .param("decisionNo", "12-QĐ/ĐU").param("decidedOn", "2022-07-08")).andExpect(status().is3xxRedirection());
        page = vn.baucu.support.Pages.page(mvc, one, "/party/congresses/" + id);
        assertThat(page).contains("Đã được chuẩn y").contains("Quyết định 12-QĐ/ĐU ngày 08/07/2022")
                .contains("Phạm Văn Kiểm").doesNotContain("id=\"attendance\"");
        // Party data stays with the Party committees
        var official = vn.baucu.support.Pages.login(mvc, users.create(Role.COMMUNE_OFFICIAL, v.communeCode(), null),
                TestUsers.PASSWORD);
        mvc.perform(get("/party/congresses/" + id).cookie(official)).andExpect(status().isForbidden());
        mvc.perform(get("/party/cells/" + cell).cookie(official)).andExpect(status().isForbidden());
    }
}
