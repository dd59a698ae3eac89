package vn.baucu.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.baucu.platform.Role;
import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.support.UnitElections;

/**
 * NA minutes: one per contest and polling area, entered by that area's own team (a team member of the other area is
 * refused), the electorate checked against that area's list, and the commune's Excel workbook entering every area at
 * once (all or nothing; the same file again stores nothing new; a second entry is still needed). A change to the frozen
 * configuration stops the minutes.
 */
@BaucuIntegrationTest
class PollingAreaMinutesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    vn.baucu.support.TestUsers testUsers;
    @Autowired
    UnitElections unitElections;

    RequestPostProcessor user(Role role, String unit, Long area) {
        return testUsers.as(role, unit, area);
    }

    static String body(UnitElections.Built u, Long area, long electorate, long voted, long a, long b, long c) {
        return vn.baucu.support.MinutesBodies.area(u, area, electorate, voted, a, b, c);
    }

    ResultActions enter(UnitElections.Built u, RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(post("/api/v1/elections/" + u.electionId() + "/contests/22-1/minutes/entries").with(who)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void eachPollingAreaHasItsOwnMinutesEnteredByItsOwnTeam() throws Exception {
        UnitElections.Built u = unitElections.frozen(320);
        long a1 = u.areas().get(0);
        long a2 = u.areas().get(1);
        RequestPostProcessor team1 = user(Role.ELECTION_TEAM, u.communeCode(), a1);
        RequestPostProcessor team1b = user(Role.ELECTION_TEAM, u.communeCode(), a1);
        RequestPostProcessor team2 = user(Role.ELECTION_TEAM, u.communeCode(), a2);
        enter(u, team1, body(u, null, 320, 300, 200, 150, 100)).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", is("M-117")));
        enter(u, team1, body(u, 999_999_999L, 320, 300, 200, 150, 100)).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].code", is("M-118")));
        enter(u, team2, body(u, a1, 320, 300, 200, 150, 100)).andExpect(status().isForbidden());
        // a multi-seat strike-out ballot: the sum of votes is bounded by valid ballots × seats (one seat here)
        enter(u, team1, body(u, a1, 321, 300, 200, 150, 100)).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[*].code", containsInAnyOrder("M-113", "M-105")));
        enter(u, team1, body(u, a1, 320, 300, 150, 100, 50)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.minutes.pollingArea", is((int) a1)));
        enter(u, team1b, body(u, a1, 320, 300, 150, 100, 50)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.minutes.status", is("VERIFIED")));
        enter(u, team2, body(u, a2, 320, 280, 140, 90, 50)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.minutes.status", is("ENTERED")));
        mvc.perform(get("/api/v1/elections/" + u.electionId() + "/contests/22-1/minutes").with(user(Role.PROVINCE_OFFICIAL, "22", null)))
                .andExpect(jsonPath("$", hasSize(2)));
        // the other commune's official does not even see them
        String other = jdbc.sql("select code from admin_unit where level = 'COMMUNE' and province_code = '22' and valid_to is null"
                        + " and code <> :c limit 1").param("c", u.communeCode()).query(String.class).single();
        mvc.perform(get("/api/v1/elections/" + u.electionId() + "/contests/22-1/minutes").with(user(Role.COMMUNE_OFFICIAL, other, null)))
                .andExpect(jsonPath("$", hasSize(0)));

        // a change to the frozen configuration made behind the application's back stops the minutes at certification
        jdbc.sql("update contest set seats = 2 where election_id = :e").param("e", u.electionId()).update();
        try {
            long verified = jdbc.sql("select id from minutes where election_id = :e and polling_area_id = :a")
                    .param("e", u.electionId()).param("a", a1).query(Long.class).single();
            mvc.perform(post("/api/v1/elections/" + u.electionId() + "/contests/22-1/minutes/" + verified + "/certification")
                            .with(user(Role.COMMUNE_OFFICIAL, u.communeCode(), null)).header("If-Match", "\"1\""))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.containsString(u.electionId() + "")));
        } finally {
            jdbc.sql("update contest set seats = 1 where election_id = :e").param("e", u.electionId()).update();
        }
    }

    @Test
    void theCommunesWorkbookEntersEveryAreaAtOnceAllOrNothing() throws Exception {
        UnitElections.Built u = unitElections.frozen(310);
        RequestPostProcessor official = user(Role.COMMUNE_OFFICIAL, u.communeCode(), null);
        byte[] template = mvc.perform(get("/api/v1/elections/" + u.electionId() + "/communes/" + u.communeCode()
                + "/minutes-template.xlsx").with(official)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = new ArrayList<>();
        try (var wb = new ReadableWorkbook(new ByteArrayInputStream(template))) {
            var sheet = wb.getSheets().filter(s -> s.getName().equals("22-1")).findFirst().orElseThrow();
            for (var row : sheet.read()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(row.getCellText(i));
                }
                rows.add(cells);
            }
        }
        assertThat(rows.get(1)).hasSize(2 + 9 + 3 + 1);
        assertThat(rows.get(1).get(11)).startsWith("1. ").endsWith("[#" + u.candidate(0) + "]");
        // one row per polling area of the commune on that day (on a shared database other tests' areas may be there too)
        long communeAreas = jdbc.sql("select count(*) from polling_area p join admin_unit c on c.id = p.commune_id"
                        + " where c.code = :c and p.polling_day = :d").param("c", u.communeCode())
                .param("d", java.sql.Date.valueOf(UnitElections.DAY)).query(Long.class).single();
        assertThat(rows).hasSize(2 + (int) communeAreas);
        List<String> own = List.of("pa-" + u.areas().get(0), "pa-" + u.areas().get(1));
        List<List<String>> others = rows.subList(2, rows.size()).stream().filter(r -> !own.contains(r.get(0))).toList();
        rows.removeAll(others);
        assertThat(List.of(rows.get(2).get(0), rows.get(3).get(0)))
                .containsExactlyInAnyOrder("pa-" + u.areas().get(0), "pa-" + u.areas().get(1));
        long firstRowArea = Long.parseLong(rows.get(2).get(0).substring(3));
        // fill both areas; the second with too many votes: the whole file is refused, with the sheet and row
        byte[] bad = workbook(rows, new long[][] {{310, 300, 300, 300, 290, 10, 0, 0, 0, 150, 100, 40},
            {310, 290, 290, 290, 290, 0, 0, 0, 0, 200, 100, 40}});
        mvc.perform(multipart("/api/v1/elections/" + u.electionId() + "/communes/" + u.communeCode() + "/minutes-imports")
                        .file(new MockMultipartFile("file", "bb.xlsx", null, bad)).with(official))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[*].code", containsInAnyOrder("W-102", "M-105")))
                .andExpect(jsonPath("$.violations[1].row", is(4)))
                .andExpect(jsonPath("$.violations[1].field", is("22-1!candidates")));
        assertThat(jdbc.sql("select count(*) from minutes where election_id = :e").param("e", u.electionId())
                .query(Long.class).single()).isZero();
        byte[] good = workbook(rows, new long[][] {{310, 300, 300, 300, 300, 0, 0, 0, 0, 150, 100, 40},
            {310, 290, 290, 290, 290, 0, 0, 0, 0, 140, 100, 40}});
        for (int status : new int[] {201, 201}) {   // the same file again stores nothing new
            mvc.perform(multipart("/api/v1/elections/" + u.electionId() + "/communes/" + u.communeCode() + "/minutes-imports")
                            .file(new MockMultipartFile("file", "bb.xlsx", null, good)).with(official))
                    .andExpect(status().is(status))
                    .andExpect(jsonPath("$[*].minutes.status", containsInAnyOrder("ENTERED", "ENTERED")));
        }
        assertThat(jdbc.sql("select count(*) from minutes_entry e join minutes m on m.id = e.minutes_id where m.election_id = :e")
                .param("e", u.electionId()).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from minutes_entry e join minutes m on m.id = e.minutes_id where m.election_id = :e"
                + " and e.source = 'EXCEL'").param("e", u.electionId()).query(Long.class).single()).isEqualTo(2);
        // a second entry by someone else is still needed
        enter(u, user(Role.ELECTION_TEAM, u.communeCode(), firstRowArea), body(u, firstRowArea, 310, 300, 150, 100, 40))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.minutes.status", is("VERIFIED")));
    }

    /**
     * The unit's minutes certified all at the same moment, by concurrent requests: each certification recomputes the
     * contest, and the stored result holds every one of them (one recomputation of a contest at a time, each seeing the
     * ones committed before it), as a recomputation from the minutes confirms.
     */
    @Test
    void minutesOfOneUnitCertifiedAtTheSameMomentAreAllInTheResult() throws Exception {
        int areas = 6;
        UnitElections.Built u = unitElections.frozen(300, areas);
        List<Long> ids = new ArrayList<>();
        for (long area : u.areas()) {
            for (int i = 0; i < 2; i++) {
                enter(u, user(Role.ELECTION_TEAM, u.communeCode(), area), body(u, area, 300, 280, 150, 90, 40))
                        .andExpect(status().isCreated());
            }
            ids.add(jdbc.sql("select id from minutes where election_id = :e and polling_area_id = :a")
                    .param("e", u.electionId()).param("a", area).query(Long.class).single());
        }
        RequestPostProcessor province = user(Role.PROVINCE_OFFICIAL, "22", null);
        var barrier = new java.util.concurrent.CyclicBarrier(areas);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(areas);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new ArrayList<>();
            for (long id : ids) {
                statuses.add(pool.submit(() -> {
                    barrier.await();
                    return mvc.perform(post("/api/v1/elections/" + u.electionId() + "/contests/22-1/minutes/" + id
                            + "/certification").with(province).header("If-Match", "\"1\"")).andReturn().getResponse().getStatus();
                }));
            }
            for (var s : statuses) {
                assertThat(s.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        var stored = jdbc.sql("select status, certified_minutes, (figures->>'electorate')::int from contest_result c"
                        + " join contest k on k.id = c.contest_id where k.election_id = :e and k.place_code = '22-1'")
                .param("e", u.electionId()).query((rs, i) -> List.of(rs.getString(1), rs.getInt(2), rs.getInt(3))).single();
        assertThat(stored).containsExactly("CERTIFIED", areas, 300 * areas);
        mvc.perform(post("/api/v1/elections/" + u.electionId() + "/results/recomputation").with(vn.baucu.support.Api.admin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.differed", hasSize(0)));
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'MINUTES_CERTIFIED' and subject_id in (:ids)")
                .param("ids", ids.stream().map(String::valueOf).toList()).query(Long.class).single()).isEqualTo(areas);
    }

    /** The template's rows with the figures of each place filled in (nine figures, then one vote per name). */
    static byte[] workbook(List<List<String>> template, long[][] figures) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var wb = new org.dhatim.fastexcel.Workbook(out, "test", "1.0")) {
            var ws = wb.newWorksheet("22-1");
            for (int r = 0; r < template.size(); r++) {
                for (int c = 0; c < template.get(r).size(); c++) {
                    ws.value(r, c, template.get(r).get(c));
                }
                if (r >= 2) {
                    for (int i = 0; i < figures[r - 2].length; i++) {
                        ws.value(r, 2 + i, figures[r - 2][i]);
                    }
                }
            }
        }
        return out.toByteArray();
    }
}
