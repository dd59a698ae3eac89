package vn.baucu.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.baucu.support.Api.admin;

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
import vn.baucu.support.Golden;
import vn.baucu.support.VillageElections;

/**
 * Polling day at a village meeting (opening, turnout twice, an interruption, a mobile box, closing, the roll-up and
 * the missed reports), the official PDF of its certified minutes, and a rehearsal that never touches the real
 * election.
 */
@BaucuIntegrationTest
class PollingDayAndRehearsalIT {

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

    ResultActions send(long election, String place, String what, RequestPostProcessor who, String key, String body)
            throws Exception {
        return mvc.perform(post("/api/v1/elections/" + election + "/polling-day/" + place + "/" + what).with(who)
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void aVillageMeetingOpensReportsTwiceRecordsWhatHappenedAndCloses() throws Exception {
        VillageElections.Built v = villageElections.frozen(80);
        long e = v.electionId();
        String place = v.villageCode();
        RequestPostProcessor team = user(Role.ELECTION_TEAM, place);
        RequestPostProcessor commune = user(Role.COMMUNE_OFFICIAL, v.communeCode());
        send(e, place, "opening", user(Role.OBSERVER, VillageElections.PROVINCE), UUID.randomUUID().toString(),
                "{\"at\":\"2022-06-05T07:00\",\"openedBy\":\"A\",\"boxShownEmpty\":true}").andExpect(status().isForbidden());
        send(e, place, "opening", team, UUID.randomUUID().toString(), "{\"at\":\"2022-06-05T04:30\",\"openedBy\":\"\"}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[*].code", containsInAnyOrder("D-110", "D-101", "D-102")));
        send(e, place, "turnout", team, UUID.randomUUID().toString(), "{\"slot\":\"09:00\",\"voted\":10}")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.violations[0].code", is("D-108")));
        String open = "{\"at\":\"2022-06-05T06:45\",\"openedBy\":\"Trần Văn Tổ Trưởng\",\"boxShownEmpty\":true}";
        String openKey = UUID.randomUUID().toString();
        send(e, place, "opening", team, openKey, open).andExpect(status().isCreated())
                .andExpect(jsonPath("$.openedBy", is("Trần Văn Tổ Trưởng"))).andExpect(jsonPath("$.electorate", is(80)));
        send(e, place, "opening", team, openKey, open).andExpect(status().isOk());   // a resend
        send(e, place, "opening", team, UUID.randomUUID().toString(), open).andExpect(status().isConflict());
        String nine = UUID.randomUUID().toString();
        send(e, place, "turnout", team, nine, "{\"slot\":\"09:00\",\"voted\":30}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.reports[0].percent", is("37.50")));
        send(e, place, "turnout", team, nine, "{\"slot\":\"09:00\",\"voted\":30}").andExpect(status().isOk());
        send(e, place, "turnout", team, UUID.randomUUID().toString(), "{\"slot\":\"11:00\",\"voted\":25}")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.violations[0].code", is("D-105")));
        send(e, place, "turnout", team, UUID.randomUUID().toString(), "{\"slot\":\"10:00\",\"voted\":40}")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.violations[0].code", is("D-107")));
        send(e, place, "turnout", team, UUID.randomUUID().toString(), "{\"slot\":\"11:00\",\"voted\":81}")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.violations[0].code", is("D-104")));
        send(e, place, "turnout", team, UUID.randomUUID().toString(), "{\"slot\":\"11:00\",\"voted\":55}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.reports", hasSize(2)));
        assertThat(jdbc.sql("select count(*) from turnout_report r join polling_place_day d on d.id = r.place_day_id "
                + "where d.election_id = :e").param("e", e).query(Long.class).single()).isEqualTo(2);
        send(e, place, "events", team, UUID.randomUUID().toString(),
                "{\"kind\":\"INTERRUPTION\",\"occurredAt\":\"2022-06-05T10:10\",\"description\":\"Mưa to, mất điện\"}")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.violations[0].code", is("D-111")));
        send(e, place, "events", team, UUID.randomUUID().toString(),
                "{\"kind\":\"INTERRUPTION\",\"occurredAt\":\"2022-06-05T10:10\",\"endedAt\":\"2022-06-05T10:40\","
                        + "\"description\":\"Mưa to, mất điện\",\"actionTaken\":\"Niêm phong hòm phiếu, báo cáo xã, tiếp tục lúc 10:40\"}")
                .andExpect(status().isCreated());
        send(e, place, "events", team, UUID.randomUUID().toString(),
                "{\"kind\":\"MOBILE_BOX\",\"occurredAt\":\"2022-06-05T14:00\",\"description\":\"Hòm phiếu phụ đến 3 hộ có người ốm\","
                        + "\"voters\":3}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.events", hasSize(2)));
        send(e, place, "meeting", team, UUID.randomUUID().toString(),
                "{\"householdsPresent\":70,\"householdsUnrepresented\":2,\"votingMethod\":\"SECRET_BALLOT\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.votingMethod", is("SECRET_BALLOT")));
        send(e, place, "closing", team, UUID.randomUUID().toString(), "{\"at\":\"2022-06-05T17:30\"}")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.violations[0].code", is("D-113")));
        send(e, place, "closing", team, UUID.randomUUID().toString(), "{\"at\":\"2022-06-05T19:05\"}")
                .andExpect(status().isCreated());

        // rolled up to the commune and the province; the places that missed a reporting time, to the commune
        mvc.perform(get("/api/v1/elections/" + e + "/turnout").param("unit", v.communeCode()).with(commune))
                .andExpect(status().isOk()).andExpect(jsonPath("$.voted", is(55))).andExpect(jsonPath("$.electorate", is(80)))
                .andExpect(jsonPath("$.percent", is("68.75")))
                .andExpect(jsonPath("$.bySlot[?(@.slot == '09:00:00' || @.slot == '09:00')].voted").value(hasItem(30)));
        // the public sees the same counts during the day without signing in: the open API and the portal's page
        mvc.perform(get("/api/v1/public/elections/" + e + "/turnout").param("unit", v.communeCode()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.voted", is(55))).andExpect(jsonPath("$.electorate", is(80)))
                .andExpect(jsonPath("$.percent", is("68.75")))
                .andExpect(jsonPath("$.children[0].unit", is(place)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Cache-Control", org.hamcrest.Matchers.containsString("public")));
        String portal = mvc.perform(get("/portal/elections/" + e + "/turnout").param("unit", v.communeCode())
                        .header("Accept-Language", "vi"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(portal).contains("68.75").contains("Tỷ lệ cử tri đi bầu").contains(place).contains("<table");
        mvc.perform(get("/api/v1/public/elections/" + e + "/turnout").param("unit", "nowhere")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/elections/" + e + "/turnout/missed").param("commune", v.communeCode()).with(commune))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.place == '" + place + "')].slot", containsInAnyOrder("14:00:00", "16:00:00", "19:00:00")));
        mvc.perform(get("/api/v1/elections/" + e + "/polling-day/" + place).with(team)).andExpect(status().isOk())
                .andExpect(jsonPath("$.missed", hasSize(3))).andExpect(jsonPath("$.closedAt").exists());

        // the minutes carry what happened; certified, they print with figures in words, the SHA-256 and a QR code
        String body = CountingMinutesIT.minutes(v, 80, 70, 68, 2, 40, 25, "");
        for (RequestPostProcessor who : new RequestPostProcessor[] {team, user(Role.ELECTION_TEAM, place)}) {
            mvc.perform(post("/api/v1/elections/" + e + "/contests/" + place + "/minutes/entries").with(who)
                    .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                    .content(body)).andExpect(status().isCreated());
        }
        long id = jdbc.sql("select id from minutes where election_id = :e").param("e", e).query(Long.class).single();
        String base = "/api/v1/elections/" + e + "/contests/" + place + "/minutes/" + id;
        mvc.perform(put(base + "/scan").with(team).contentType(MediaType.IMAGE_JPEG).content(new byte[] {1, 2, 3, 4}))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.violations[0].code", is("M-123")));
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
        mvc.perform(put(base + "/scan").with(team).contentType(MediaType.IMAGE_JPEG).content(jpeg))
                .andExpect(status().isOk()).andExpect(jsonPath("$.sha256", is(vn.baucu.platform.Inputs.sha256(jpeg))));
        mvc.perform(post(base + "/certification").with(commune).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"signedBy\":\"Trần Văn Tổ Trưởng\"}"))
                .andExpect(status().isOk());
        mvc.perform(get(base + "/versions/1/scan").with(commune)).andExpect(status().isOk())
                .andExpect(content().bytes(jpeg));
        byte[] pdf = mvc.perform(get(base + ".pdf").with(commune)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/documents"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/documents/minutes-official.pdf"), pdf);
        String text = Golden.pdfText(pdf);
        assertThat(text).contains("80 (Tám mươi)", "68 (Sáu mươi tám)", "Mưa to, mất điện", "Hòm phiếu phụ");
        String sha = jdbc.sql("select sha256 from minutes_version where minutes_id = :m").param("m", id)
                .query(String.class).single();
        Golden.assertMatches("documents/minutes-official-village.txt", text
                .replace(sha, "SHA").replace(v.villageCode(), "VILLAGE").replaceAll("Thôn Kiểm Phiếu \\d+", "Thôn X")
                .replaceAll("KIỂM PHIẾU \\d+", "KIỂM PHIẾU X").replaceAll("[0-9a-f]{64}", "HASH")
                .replaceAll("(?s)chứng nhận lúc .*?\\(người", "chứng nhận lúc TIME (người")
                .replaceAll("commune-official-[0-9a-f]{8}", "COMMUNE-OFFICIAL"));
    }

    @Test
    void aRehearsalIsPractisedResetAndDeletedWithoutTouchingTheRealElection() throws Exception {
        VillageElections.Built v = villageElections.frozen(50);
        RequestPostProcessor commune = user(Role.COMMUNE_OFFICIAL, v.communeCode());
        mvc.perform(post("/api/v1/elections/" + v.electionId() + "/rehearsals").with(user(Role.ELECTION_TEAM, v.villageCode())))
                .andExpect(status().isForbidden());
        String created = mvc.perform(post("/api/v1/elections/" + v.electionId() + "/rehearsals").with(commune))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rehearsalOf", is((int) v.electionId())))
                .andExpect(jsonPath("$.status", is("FROZEN")))
                .andReturn().getResponse().getContentAsString();
        long r = Long.parseLong(created.replaceAll(".*?\"id\":(\\d+).*", "$1"));
        // a rehearsal's turnout is never public
        mvc.perform(get("/api/v1/public/elections/" + r + "/turnout")).andExpect(status().isNotFound());
        mvc.perform(get("/portal/elections/" + r + "/turnout")).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select fingerprint from election where id = :r").param("r", r).query(String.class).single())
                .isEqualTo(jdbc.sql("select fingerprint from election where id = :e").param("e", v.electionId())
                        .query(String.class).single());
        mvc.perform(get("/api/v1/elections/" + r + "/fingerprint/check").with(commune)
                        .param("value", jdbc.sql("select fingerprint from election where id = :r").param("r", r)
                                .query(String.class).single()))
                .andExpect(jsonPath("$.matches", is(true)));
        // the same ballot and list: the rehearsal's minutes are entered exactly as the real ones
        var ballot = jdbc.sql("select id from candidate where election_id = :r order by list_position").param("r", r)
                .query(Long.class).list();
        VillageElections.Built copy = new VillageElections.Built(r, v.villageCode(), v.communeCode(), ballot, 50);
        String body = CountingMinutesIT.minutes(copy, 50, 40, 40, 0, 30, 10, "");
        for (RequestPostProcessor who : new RequestPostProcessor[] {user(Role.ELECTION_TEAM, v.villageCode()),
                user(Role.ELECTION_TEAM, v.villageCode())}) {
            mvc.perform(post("/api/v1/elections/" + r + "/contests/" + v.villageCode() + "/minutes/entries").with(who)
                    .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                    .content(body)).andExpect(status().isCreated());
        }
        long id = jdbc.sql("select id from minutes where election_id = :r").param("r", r).query(Long.class).single();
        String sha = mvc.perform(post("/api/v1/elections/" + r + "/contests/" + v.villageCode() + "/minutes/" + id
                        + "/certification").with(commune).header("If-Match", "\"1\""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()
                .replaceAll(".*\"sha256\":\"([0-9a-f]{64})\".*", "$1");
        // never public, never in the real election
        mvc.perform(get("/api/v1/public/minutes/" + sha)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/elections/" + v.electionId() + "/contests/" + v.villageCode() + "/minutes").with(commune))
                .andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(get("/portal/elections/" + r + "/contests/" + v.villageCode()))
                .andExpect(content().string(not(org.hamcrest.Matchers.containsString("Phạm Văn Kiểm"))));
        byte[] pdf = mvc.perform(get("/api/v1/elections/" + r + "/contests/" + v.villageCode() + "/minutes/" + id + ".pdf")
                .with(commune)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(Golden.pdfText(pdf)).contains("DIỄN TẬP");
        // reset clears the practice; a real election is never reset or deleted
        mvc.perform(post("/api/v1/elections/" + r + "/reset").with(commune)).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from minutes where election_id = :r").param("r", r).query(Long.class).single()).isZero();
        mvc.perform(post("/api/v1/elections/" + v.electionId() + "/reset").with(commune)).andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/elections/" + v.electionId()).with(commune)).andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/elections/" + r).with(commune)).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/elections/" + r).with(admin())).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from voter_entry where election_id = :e").param("e", v.electionId())
                .query(Long.class).single()).isEqualTo(50);
        assertThat(jdbc.sql("select count(*) from candidate where election_id = :e").param("e", v.electionId())
                .query(Long.class).single()).isEqualTo(2);
    }
}
