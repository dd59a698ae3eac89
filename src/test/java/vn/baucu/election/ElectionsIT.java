package vn.baucu.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static vn.baucu.support.Api.admin;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.baucu.demo.DemoData;
import vn.baucu.platform.Authorization;
import vn.baucu.rules.RuleSet;
import vn.baucu.support.BaucuIntegrationTest;

/** Elections lay out their contests, units and calendars (issue checks of the elections capability). */
@BaucuIntegrationTest
class ElectionsIT {

    static final Path NQ85 = Path.of("src/test/resources/fixtures/resolutions/na16_2026_electoral_units_NQ85.txt");

    @Autowired
    MockMvc mvc;
    @Autowired
    Elections elections;
    @Autowired
    DemoData demo;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    vn.baucu.platform.Users users;

    private long nationalAssembly2026() throws Exception {
        String body = mvc.perform(post("/api/v1/elections").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"NATIONAL_ASSEMBLY\",\"ruleSet\":\"NATIONAL_ASSEMBLY_2025\",\"name\":\"Bầu cử đại biểu "
                                + "Quốc hội khóa XVI\",\"term\":\"2026-2031\",\"electionDay\":\"2026-03-15\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
    }

    @Test
    void quangNinh2022VillageHeadElectionLaysOutEveryVillage() {
        Authorization.runAsSystem(demo::load);
        long started = System.nanoTime();
        ElectionView e = Authorization.runAsSystem(() -> elections.create(new NewElection(ElectionKind.VILLAGE_HEAD, null,
                RuleSet.VILLAGE_HEAD_2008, "Bầu trưởng thôn, tổ trưởng khu phố", "2022–2025", DemoData.ELECTION_DAY,
                DemoData.PROVINCE)));
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertThat(ms).as("created in %d ms", ms).isLessThan(10_000);
        assertThat(e.contests()).isEqualTo(DemoData.VILLAGES);
        assertThat(e.scopeName()).isEqualTo("Tỉnh Quảng Ninh");

        List<MilestoneProgress> progress = Authorization.runAsSystem(() -> elections.progress(e.id(), null));
        assertThat(progress).extracting(MilestoneProgress::code).containsExactly("ELECTION_DECIDED",
                "CANDIDATE_LIST_SUBMITTED", "ELECTION_TEAM_FORMED", "VOTER_LIST_POSTED", "MEETING");
        assertThat(progress.get(0).dueDate()).isEqualTo(LocalDate.of(2022, 5, 16));
        assertThat(progress.get(3).dueDate()).isEqualTo(LocalDate.of(2022, 5, 29));
        MilestoneProgress teams = progress.get(2);
        assertThat(teams.total()).isEqualTo(1452);
        assertThat(teams.done()).isZero();
        assertThat(teams.overdue()).as("2022 deadlines are long past").isEqualTo(1452);

        // a commune forms its villages' teams in one decision, late: shown as done late, not on time
        String commune = jdbc.sql("select commune_code from contest where election_id = :e order by commune_code limit 1")
                .param("e", e.id()).query(String.class).single();
        int marked = Authorization.runAsSystem(() -> elections.markDone(e.id(), "ELECTION_TEAM_FORMED", commune,
                LocalDate.of(2022, 5, 28), "QĐ 123/QĐ-UBND"));
        MilestoneProgress after = Authorization.runAsSystem(() -> elections.progress(e.id(), null)).get(2);
        assertThat(after.done()).isEqualTo(marked);
        assertThat(after.doneLate()).isEqualTo(marked);
        assertThat(after.overdue()).isEqualTo(1452 - marked);
        assertThat(Authorization.runAsSystem(() -> elections.progressByCommune(e.id(), "ELECTION_TEAM_FORMED")))
                .anySatisfy(c -> {
                    assertThat(c.communeCode()).isEqualTo(commune);
                    assertThat(c.doneLate()).isEqualTo(marked);
                });
    }

    @Test
    void theWhole2026ResolutionImports() throws Exception {
        long id = nationalAssembly2026();
        var file = new MockMultipartFile("file", "NQ85.txt", "text/plain", Files.readAllBytes(NQ85));
        mvc.perform(multipart("/api/v1/elections/" + id + "/units/imports").file(file).with(admin()))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from electoral_unit where election_id = :e").param("e", id)
                .query(Integer.class).single()).isEqualTo(182);
        assertThat(jdbc.sql("select sum(seats) from electoral_unit where election_id = :e").param("e", id)
                .query(Integer.class).single()).isEqualTo(500);
        assertThat(jdbc.sql("select count(distinct commune_id) from electoral_unit_commune where election_id = :e")
                .param("e", id).query(Integer.class).single()).isEqualTo(3321);
        assertThat(jdbc.sql("""
                        select count(*) from electoral_unit_commune where election_id = :e""")
                .param("e", id).query(Integer.class).single()).as("each commune exactly once").isEqualTo(3321);
        assertThat(jdbc.sql("""
                        select count(uc.commune_id) from electoral_unit u join electoral_unit_commune uc on uc.electoral_unit_id = u.id
                        where u.election_id = :e and u.province_code = '22' group by u.number, u.seats order by u.number""")
                .param("e", id).query(Integer.class).list()).containsExactly(14, 11, 29);
        mvc.perform(get("/api/v1/elections/" + id).with(admin()))
                .andExpect(jsonPath("$.contests", is(182)))
                .andExpect(jsonPath("$.seats", is(500)));

        // freeze: a fingerprint, then no more changes
        mvc.perform(post("/api/v1/elections/" + id + "/freeze").with(admin()))
                .andExpect(jsonPath("$.status", is("FROZEN")))
                .andExpect(jsonPath("$.fingerprint").value(org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}")));
        mvc.perform(multipart("/api/v1/elections/" + id + "/units/imports").file(file).with(admin()))
                .andExpect(status().isConflict());
        String fingerprint = jdbc.sql("select fingerprint from election where id = :e").param("e", id).query(String.class).single();
        mvc.perform(get("/api/v1/elections/" + id + "/fingerprint/check").param("value", fingerprint).with(admin()))
                .andExpect(jsonPath("$.matches", is(true)));
        mvc.perform(get("/api/v1/elections/" + id + "/fingerprint/check").param("value", "0".repeat(64)).with(admin()))
                .andExpect(jsonPath("$.matches", is(false)));
    }

    @Test
    void badUnitsAreRejectedWithTheProblemNamed() throws Exception {
        long id = nationalAssembly2026();
        List<String> qn = jdbc.sql("""
                        select code from admin_unit where level = 'COMMUNE' and province_code = '22' and valid_to is null
                        order by code""").query(String.class).list();
        assertThat(qn).hasSize(54);
        String fourSeats = "[{\"number\":1,\"seats\":4,\"communeCodes\":" + json(qn.subList(0, 30)) + "},"
                + "{\"number\":2,\"seats\":3,\"communeCodes\":" + json(qn.subList(29, 50)) + "}]";
        mvc.perform(put("/api/v1/elections/" + id + "/provinces/22/units").with(admin())
                        .contentType(MediaType.APPLICATION_JSON).content(fourSeats))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[*].code", hasItem("R-210")))
                .andExpect(jsonPath("$.violations[*].code", hasItem("R-203")))
                .andExpect(jsonPath("$.violations[*].code", hasItem("R-204")))
                .andExpect(jsonPath("$.violations[?(@.code == 'R-204')].message").value(hasItem(containsString("4 xã"))));
        assertThat(jdbc.sql("select count(*) from electoral_unit where election_id = :e").param("e", id)
                .query(Integer.class).single()).as("nothing stored").isZero();

        String text = "26- Tỉnh Quảng Ninh\n\nSố đơn vị bầu cử là một.\n\nĐơn vị số 1:\n\n"
                + "Gồm các phường: Hạ Long, Không Có Thật và các xã: Cô Tô.\n\nSố đại biểu Quốc hội được bầu là ba.\n";
        mvc.perform(multipart("/api/v1/elections/" + id + "/units/imports")
                        .file(new MockMultipartFile("file", "x.txt", "text/plain", text.getBytes())).with(admin()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[?(@.code == 'R-201')].message")
                        .value(hasItem(containsString("Không Có Thật"))));
    }

    @Test
    void internalDeadlinesAndTheCalendarExport() throws Exception {
        long id = nationalAssembly2026();
        mvc.perform(post("/api/v1/elections/" + id + "/internal-deadlines").with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"STEERING_COMMITTEES_" + UUID.randomUUID().toString().substring(0, 4).toUpperCase()
                                + "\",\"title\":\"Thành lập Ban chỉ đạo bầu cử\",\"dueDate\":\"2025-11-01\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/elections/" + id + "/progress").with(admin()))
                .andExpect(jsonPath("$[0].source", is("PROVINCE")))
                .andExpect(jsonPath("$[0].title", is("Thành lập Ban chỉ đạo bầu cử")));
        mvc.perform(get("/api/v1/elections/" + id + "/calendar.ics").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("BEGIN:VCALENDAR")))
                .andExpect(content().string(containsString("DTSTART;VALUE=DATE:20251130")))
                .andExpect(content().string(containsString("SUMMARY:Thành lập Ban chỉ đạo bầu cử")));
    }

    @Test
    void aProvinceOfficialCannotCreateANationalElection() throws Exception {
        String official = vn.baucu.support.TestUsers.create(users, vn.baucu.platform.Role.PROVINCE_OFFICIAL, "22");
        mvc.perform(post("/api/v1/elections").with(httpBasic(official, vn.baucu.support.TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"NATIONAL_ASSEMBLY\",\"ruleSet\":\"NATIONAL_ASSEMBLY_2025\",\"name\":\"x\","
                                + "\"term\":\"2026-2031\",\"electionDay\":\"2026-03-15\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/elections").with(httpBasic(official, vn.baucu.support.TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"VILLAGE_HEAD\",\"ruleSet\":\"VILLAGE_HEAD_2023\",\"name\":\"x\","
                                + "\"term\":\"2026-2031\",\"electionDay\":\"2026-06-07\",\"scopeCode\":\"79\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aMismatchedRuleSetAndABadTermAreRefused() throws Exception {
        mvc.perform(post("/api/v1/elections").with(httpBasic("admin", "admin-test-password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"VILLAGE_HEAD\",\"ruleSet\":\"NATIONAL_ASSEMBLY_2025\",\"name\":\"x\",\"term\":\"2022\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[*].code", hasItem("L-202")))
                .andExpect(jsonPath("$.violations[*].code", hasItem("L-203")));
    }

    private static String json(List<String> codes) {
        return "[\"" + String.join("\",\"", codes) + "\"]";
    }
}
