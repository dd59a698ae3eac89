package vn.baucu.candidates;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import static vn.baucu.support.Api.admin;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.baucu.support.BaucuIntegrationTest;

/** Nominations checked against the law, official lists, and candidates kept off their own unit's bodies. */
@BaucuIntegrationTest
class CandidatesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    vn.baucu.platform.Users users;

    private long election(String kind, String ruleSet, String level, String day) throws Exception {
        String body = mvc.perform(post("/api/v1/elections").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"" + kind + "\",\"ruleSet\":\"" + ruleSet + "\",\"name\":\"Bầu cử thử\",\"term\":\"2026-2031\","
                                + "\"electionDay\":\"" + day + "\"" + (level == null ? "" : ",\"councilLevel\":\"" + level
                                + "\",\"scopeCode\":\"22\"") + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
    }

    /** One Quảng Ninh unit of {@code seats} seats over all 54 communes, so its contest is "22-1". */
    private void oneUnit(long id, int seats) throws Exception {
        List<String> qn = jdbc.sql("select code from admin_unit where level = 'COMMUNE' and province_code = '22' and valid_to is null")
                .query(String.class).list();
        mvc.perform(put("/api/v1/elections/" + id + "/provinces/22/units").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"number\":1,\"seats\":" + seats + ",\"communeCodes\":[\"" + String.join("\",\"", qn) + "\"]}]"))
                .andExpect(status().isOk());
    }

    private ResultActions nominate(long id, String name, String born, String personalId) throws Exception {
        return mvc.perform(post("/api/v1/elections/" + id + "/contests/22-1/candidates").with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"fullName\":\"" + name + "\",\"birthDate\":\"" + born + "\",\"sex\":\"F\",\"personalId\":\"" + personalId
                        + "\",\"nominationSource\":\"INTRODUCED\",\"ethnicity\":\"Kinh\"}"));
    }

    private static long idOf(ResultActions created) throws Exception {
        return Long.parseLong(created.andReturn().getResponse().getContentAsString().replaceAll(".*?\"id\":(\\d+).*", "$1"));
    }

    /** A voter conference at the place of residence that trusts the nominee (40 of 60 present). */
    private void trust(long candidate) throws Exception {
        mvc.perform(post("/api/v1/candidates/" + candidate + "/voter-conferences").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"place\":\"RESIDENCE\",\"heldOn\":\"2026-02-05\",\"voters\":320,\"present\":60,\"trustVotes\":40}"))
                .andExpect(jsonPath("$.trusted", is(true)));
    }

    private ResultActions round(long election, int round, String extra, Long... ids) throws Exception {
        return mvc.perform(post("/api/v1/elections/" + election + "/consultations").with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"unitCode\":\"22\",\"round\":" + round + ",\"heldOn\":\"2026-0" + round + "-1" + round
                        + "\",\"attendance\":45,\"plannedSeats\":5,\"candidateIds\":" + java.util.Arrays.toString(ids) + extra + "}"));
    }

    private static String pid() {
        return String.valueOf(100_000_000_000L + (long) (Math.random() * 899_999_999_999L));
    }

    @Test
    void ruleBreakingNominationsAreRefusedWithTheRuleCited() throws Exception {
        long na = election("NATIONAL_ASSEMBLY", "NATIONAL_ASSEMBLY_2025", null, "2026-03-15");
        oneUnit(na, 3);
        // 21 on 15/3/2026 means born on or before 15/3/2005
        nominate(na, "Vũ Thị Trẻ", "2005-03-16", pid()).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", is("K-101")))
                .andExpect(jsonPath("$.violations[0].message", containsString("Điều 2")));
        nominate(na, "Vũ Thị Vừa", "2005-03-15", pid()).andExpect(status().isCreated());

        String person = pid();
        nominate(na, "Đặng Thị Hai Nơi", "1970-01-01", person).andExpect(status().isCreated());
        long na2 = election("NATIONAL_ASSEMBLY", "NATIONAL_ASSEMBLY_2025", null, "2026-03-15");
        oneUnit(na2, 3);
        nominate(na2, "Đặng Thị Hai Nơi", "1970-01-01", person).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", is("K-102")))
                .andExpect(jsonPath("$.violations[0].message", containsString("Điều 57 khoản 5")));
    }

    @Test
    void voterConferencesCheckAttendanceAndTrust() throws Exception {
        long na = election("NATIONAL_ASSEMBLY", "NATIONAL_ASSEMBLY_2025", null, "2026-03-15");
        oneUnit(na, 3);
        String body = nominate(na, "Tô Thị Tín", "1980-08-08", pid()).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(body.replaceAll(".*?\"id\":(\\d+).*", "$1"));
        String url = "/api/v1/candidates/" + id + "/voter-conferences";
        mvc.perform(post(url).with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"place\":\"RESIDENCE\",\"heldOn\":\"2026-02-05\",\"voters\":320,\"present\":54,\"trustVotes\":50}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", is("V-202")));
        mvc.perform(post(url).with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"place\":\"RESIDENCE\",\"heldOn\":\"2026-02-05\",\"voters\":320,\"present\":60,\"trustVotes\":30}"))
                .andExpect(jsonPath("$.trusted", is(false)));
        mvc.perform(post(url).with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"place\":\"WORKPLACE\",\"heldOn\":\"2026-02-06\",\"voters\":90,\"present\":60,\"trustVotes\":31}"))
                .andExpect(jsonPath("$.trusted", is(true)));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/candidates/" + id + "/documents")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "anh.png", "image/png", new byte[] {1, 2, 3}))
                        .param("kind", "PHOTO").with(admin()))
                .andExpect(status().isCreated());
        long doc = jdbc.sql("select id from candidate_document where candidate_id = :c").param("c", id).query(Long.class).single();
        org.assertj.core.api.Assertions.assertThat(mvc.perform(get("/api/v1/candidate-documents/" + doc).with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()).containsExactly(1, 2, 3);
        String stranger = vn.baucu.support.TestUsers.create(users, vn.baucu.platform.Role.COMMUNE_OFFICIAL, "06712");
        mvc.perform(get("/api/v1/candidate-documents/" + doc).with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic(stranger, vn.baucu.support.TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aVillageHeadCandidateMustLiveInTheVillage() throws Exception {
        String created = mvc.perform(post("/api/v1/admin-units/00006/villages").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Tổ " + String.format("%05d", (int) (Math.random() * 100_000)) + "\",\"kind\":\"tổ dân phố\","
                                + "\"households\":90,\"effective\":\"2023-01-01\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String village = created.replaceAll(".*\"code\":\"([^\"]+)\".*", "$1");
        String body = mvc.perform(post("/api/v1/elections").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"VILLAGE_HEAD\",\"ruleSet\":\"VILLAGE_HEAD_2023\",\"name\":\"Bầu tổ trưởng\","
                                + "\"term\":\"2024-2026\",\"electionDay\":\"2024-06-02\",\"scopeCode\":\"00006\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
        mvc.perform(post("/api/v1/elections/" + id + "/contests/" + village + "/candidates").with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fullName\":\"Ngô Văn Xa\",\"birthDate\":\"1980-01-01\",\"sex\":\"M\","
                                + "\"nominationSource\":\"INTRODUCED\",\"residesInVillage\":false}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", is("K-106")));
        mvc.perform(post("/api/v1/elections/" + id + "/contests/" + village + "/candidates").with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fullName\":\"Ngô Văn Gần\",\"birthDate\":\"1980-01-01\",\"sex\":\"M\","
                                + "\"nominationSource\":\"INTRODUCED\",\"residesInVillage\":true}"))
                .andExpect(status().isCreated());
        long gan = jdbc.sql("select id from candidate where election_id = :e and full_name = 'Ngô Văn Gần'").param("e", id)
                .query(Long.class).single();
        String list = "/api/v1/elections/" + id + "/contests/" + village + "/candidates/final-list";
        String meeting = "/api/v1/elections/" + id + "/contests/" + village + "/front-meeting";
        // the list comes from the Front working committee's meeting (Mẫu 05), agreed with the cell committee
        mvc.perform(post(list).with(admin())).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", is("K-124")));
        mvc.perform(put(meeting).with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"heldOn\":\"2024-05-25\",\"attendance\":9,\"chairedBy\":\"Trần Thị Mặt Trận\","
                                + "\"cellAgreed\":false,\"candidateIds\":[" + gan + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.warnings[*].code", contains("W-121", "W-120")))
                .andExpect(jsonPath("$.names[0]", is("Ngô Văn Gần")));
        mvc.perform(post(list).with(admin())).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", is("K-125")));
        mvc.perform(put(meeting).with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"heldOn\":\"2024-05-10\",\"attendance\":9,\"chairedBy\":\"Trần Thị Mặt Trận\","
                                + "\"cellAgreed\":true,\"cellAgreedOn\":\"2024-05-12\",\"cellAgreementRef\":\"Biên bản chi ủy 3/BB\","
                                + "\"minutesSentOn\":\"2024-05-13\",\"candidateIds\":[]}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", is("K-122")));
        mvc.perform(put(meeting).with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"heldOn\":\"2024-05-10\",\"attendance\":9,\"chairedBy\":\"Trần Thị Mặt Trận\","
                                + "\"cellAgreed\":true,\"cellAgreedOn\":\"2024-05-12\",\"cellAgreementRef\":\"Biên bản chi ủy 3/BB\","
                                + "\"minutesSentOn\":\"2024-05-13\",\"candidateIds\":[" + gan + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.warnings.length()", is(0)));
        mvc.perform(get("/api/v1/elections/" + id + "/progress").with(admin()))
                .andExpect(jsonPath("$[?(@.code == 'CANDIDATE_LIST_SUBMITTED')].done").value(hasItem(1)));
        byte[] minutes = mvc.perform(get(meeting + ".pdf").with(admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        vn.baucu.support.Golden.assertMatches("documents/front-meeting.txt",
                vn.baucu.support.Golden.pdfText(minutes).replace(village, "VILLAGE").replaceAll("Tổ \\d{5}", "Tổ X"));
        mvc.perform(post(list).with(admin())).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status", is("ON_LIST")));

        // from the floor of the election meeting: on election day only, joining the settled list at its end
        String floor = "{\"fullName\":\"Đào Thị Hội\",\"birthDate\":\"1985-05-05\",\"sex\":\"F\","
                + "\"nominationSource\":\"FLOOR\",\"residesInVillage\":true,\"nominatedOn\":\"";
        mvc.perform(post("/api/v1/elections/" + id + "/contests/" + village + "/candidates").with(admin())
                        .contentType(MediaType.APPLICATION_JSON).content(floor + "2024-06-01\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", is("K-126")));
        mvc.perform(post("/api/v1/elections/" + id + "/contests/" + village + "/candidates").with(admin())
                        .contentType(MediaType.APPLICATION_JSON).content(floor + "2024-06-02\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status", is("ON_LIST")))
                .andExpect(jsonPath("$.listPosition", is(2)))
                .andExpect(jsonPath("$.addedAtMeeting", is(true)));
    }

    @Test
    void aThirdPeoplesCouncilLevelIsRefused() throws Exception {
        String person = pid();
        String day = "2026-03-15";
        for (String level : List.of("PROVINCE", "COMMUNE")) {
            long id = election("PEOPLES_COUNCIL", "PEOPLES_COUNCIL_2025", level, day);
            oneUnit(id, 5);
            nominate(id, "Lý Văn Ba Cấp", "1975-05-05", person).andExpect(status().isCreated());
        }
        long na = election("NATIONAL_ASSEMBLY", "NATIONAL_ASSEMBLY_2025", null, day);
        oneUnit(na, 3);
        nominate(na, "Lý Văn Ba Cấp", "1975-05-05", person).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", is("K-103")))
                .andExpect(jsonPath("$.violations[0].message", containsString("Điều 36 khoản 3")));
    }

    @Test
    void anNaListWithSeatsPlusOneIsRefusedAndAGoodOneIsAlphabetical() throws Exception {
        long na = election("NATIONAL_ASSEMBLY", "NATIONAL_ASSEMBLY_2025", null, "2026-03-15");
        oneUnit(na, 3);
        List<Long> ids = new java.util.ArrayList<>();
        for (String name : List.of("Trần Văn Bình", "Nguyễn Thị An", "Lê Văn Ân", "Phạm Thị Ánh")) {
            ids.add(idOf(nominate(na, name, "1970-01-01", pid()).andExpect(status().isCreated())));
        }
        // the official list is drawn from the third consultation's list of those who qualify
        mvc.perform(post("/api/v1/elections/" + na + "/contests/22-1/candidates/final-list").with(admin()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", is("K-127")));
        round(na, 2, "", ids.toArray(new Long[0])).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", is("K-111")));
        round(na, 2, "", ids.get(0), null).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", is("K-116")));
        round(na, 1, "").andExpect(status().isCreated());
        round(na, 2, "", ids.toArray(new Long[0])).andExpect(status().isCreated())
                .andExpect(jsonPath("$.names", contains("Trần Văn Bình", "Nguyễn Thị An", "Lê Văn Ân", "Phạm Thị Ánh")));
        for (long c : ids.subList(0, 3)) {
            trust(c);
        }
        // Ánh has no voter conference: refused unless reported as a special case with its reason
        round(na, 3, "", ids.toArray(new Long[0])).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", is("K-114")))
                .andExpect(jsonPath("$.violations[0].message", containsString("Phạm Thị Ánh")));
        round(na, 3, ",\"specialCases\":{\"" + ids.get(3) + "\":\"Đi công tác nước ngoài, đã báo cáo\"}",
                ids.toArray(new Long[0])).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/elections/" + na + "/contests/22-1/candidates/final-list").with(admin()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", is("L-102")));
        long duc = idOf(nominate(na, "Đỗ Văn Đức", "1970-01-01", pid()).andExpect(status().isCreated()));
        ids.add(duc);
        round(na, 3, "", ids.toArray(new Long[0])).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[*].code", hasItem("K-113")));
        round(na, 2, "", ids.toArray(new Long[0])).andExpect(status().isCreated());
        trust(duc);
        round(na, 3, ",\"specialCases\":{\"" + ids.get(3) + "\":\"Đi công tác nước ngoài, đã báo cáo\"}",
                ids.toArray(new Long[0])).andExpect(status().isCreated())
                .andExpect(jsonPath("$.names[3]", is("Phạm Thị Ánh (Đi công tác nước ngoài, đã báo cáo)")));
        // by given name first; letters before tones: An, Ánh (a) before Ân (â); Đức (đ) after the d's
        mvc.perform(post("/api/v1/elections/" + na + "/contests/22-1/candidates/final-list").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].fullName", contains("Nguyễn Thị An", "Phạm Thị Ánh", "Lê Văn Ân", "Trần Văn Bình",
                        "Đỗ Văn Đức")));

        byte[] list = mvc.perform(get("/api/v1/elections/" + na + "/contests/22-1/candidate-list.pdf").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        byte[] ballot = mvc.perform(get("/api/v1/elections/" + na + "/contests/22-1/ballot.pdf").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/documents"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/documents/ballot.pdf"), ballot);
        vn.baucu.support.Golden.assertMatches("documents/candidate-list-na.txt", vn.baucu.support.Golden.pdfText(list));
        vn.baucu.support.Golden.assertMatches("documents/ballot-na.txt", vn.baucu.support.Golden.pdfText(ballot));

        // posting makes the list public on the portal (no login), and freezing fixes it; a posting date to come is refused
        mvc.perform(post("/api/v1/elections/" + na + "/contests/22-1/candidates/posting").with(admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"postedOn\":\"" + java.time.LocalDate.now().plusDays(2) + "\"}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.violations[0].code", is("K-128")));
        mvc.perform(post("/api/v1/elections/" + na + "/contests/22-1/candidates/posting").with(admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"postedOn\":\"2026-02-27\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/portal/elections/" + na + "/contests/22-1"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("1. Nguyễn Thị An")));
        mvc.perform(get("/api/v1/elections/" + na + "/progress").with(admin()))
                .andExpect(jsonPath("$[?(@.code == 'CANDIDATE_LIST_POSTED')].done").value(hasItem(1)));
        mvc.perform(post("/api/v1/elections/" + na + "/freeze").with(admin())).andExpect(status().isOk());
        nominate(na, "Người Đến Muộn", "1970-01-01", pid()).andExpect(status().isConflict());

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/elections/" + na + "/composition-plan")
                        .with(admin()).contentType(MediaType.APPLICATION_JSON).content("{\"INCUMBENT\": 30, \"WOMEN\": 35}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/elections/" + na + "/candidate-statistics").with(admin()))
                .andExpect(jsonPath("$.plan.INCUMBENT", is(30.0)))
                .andExpect(jsonPath("$.quotaFlags[*].code", hasItem("Q-201")))
                .andExpect(jsonPath("$.report.total", is(5)))
                .andExpect(jsonPath("$.report.shares[?(@.key == 'WOMEN')].percent").value(hasItem("100.00")))
                .andExpect(jsonPath("$.report.shares[?(@.key == 'WOMEN')].of").value(hasItem(5)))
                .andExpect(jsonPath("$.quotaFlags[*].code", hasItem("Q-102")));
        byte[] xlsx = mvc.perform(get("/api/v1/elections/" + na + "/candidate-statistics.xlsx").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx));
             var rows = wb.getFirstSheet().openStream()) {
            var all = rows.toList();
            org.assertj.core.api.Assertions.assertThat(all.get(1).getCellText(0)).isEqualTo("Nữ");
            org.assertj.core.api.Assertions.assertThat(all.get(1).getCellText(3)).isEqualTo("100.00");
        }
        // struck off after the ballots were printed: still on the ballot, and the counting minutes carry it
        mvc.perform(post("/api/v1/candidates/" + ids.get(2) + "/status").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"STRUCK_OFF\",\"date\":\"2026-03-10\",\"reason\":\"Bị khởi tố\","
                                + "\"decision\":\"12/NQ-UBBC\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.struckAfterPrinting", is(true)));
        byte[] minutes = mvc.perform(get("/api/v1/elections/" + na + "/contests/22-1/counting-minutes.pdf").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        java.nio.file.Files.write(java.nio.file.Path.of("target/documents/counting-minutes.pdf"), minutes);
        vn.baucu.support.Golden.assertMatches("documents/counting-minutes-na.txt", vn.baucu.support.Golden.pdfText(minutes));
        byte[] ballotAfter = mvc.perform(get("/api/v1/elections/" + na + "/contests/22-1/ballot.pdf").with(admin()))
                .andReturn().getResponse().getContentAsByteArray();
        org.assertj.core.api.Assertions.assertThat(vn.baucu.support.Golden.pdfText(ballotAfter))
                .as("the printed ballot is unchanged, with the election's fingerprint")
                .startsWith(vn.baucu.support.Golden.pdfText(ballot).strip()).contains("SHA-256");
        mvc.perform(get("/portal/elections/" + na + "/contests/22-1"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.not(containsString("Lê Văn Ân"))));
        String fingerprint = jdbc.sql("select fingerprint from election where id = :e").param("e", na).query(String.class).single();
        mvc.perform(get("/api/v1/elections/" + na + "/fingerprint/check").param("value", fingerprint).with(admin()))
                .andExpect(jsonPath("$.matches", is(true)));
        mvc.perform(get("/api/v1/elections/" + na + "/consultations").with(admin()))
                .andExpect(jsonPath("$[*].round", contains(1, 2, 3)))
                .andExpect(jsonPath("$[2].names.length()", is(5)));
    }

    @Test
    void aCandidateOnTheTeamOfTheirOwnUnitIsFlagged() throws Exception {
        long na = election("NATIONAL_ASSEMBLY", "NATIONAL_ASSEMBLY_2025", null, "2026-03-15");
        oneUnit(na, 3);
        String name = "Hoàng Văn Ứng " + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        nominate(na, name, "1972-02-02", pid()).andExpect(status().isCreated());
        int number = 1000 + (int) (Math.random() * 8000);
        String area = mvc.perform(post("/api/v1/communes/06709/polling-areas").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pollingDay\":\"2026-03-15\",\"number\":" + number + ",\"name\":\"KV " + number + "\",\"voters\":900}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long areaId = Long.parseLong(area.replaceAll(".*?\"id\":(\\d+).*", "$1"));
        StringBuilder members = new StringBuilder("[{\"fullName\":\"" + name.replace("Hoàng", "HOÀNG") + "\",\"role\":\"Tổ trưởng\"}");
        for (int i = 0; i < 11; i++) {
            members.append(",{\"fullName\":\"Thành viên ").append(i).append("\",\"role\":\"Thành viên\"}");
        }
        mvc.perform(post("/api/v1/elections/" + na + "/organisations").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"ELECTION_TEAM\",\"pollingAreaId\":" + areaId + ",\"name\":\"Tổ bầu cử " + number
                                + "\",\"decisionNo\":\"1/QĐ\",\"decisionDate\":\"2026-01-20\",\"members\":" + members + "]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.checks[*].code", hasItem("O-301")));
        // freezing covers the final lists in the fingerprint
        mvc.perform(get("/api/v1/elections/" + na + "/contests/22-1/candidates").with(admin()))
                .andExpect(jsonPath("$[0].status", is("NOMINATED")));
    }
}
