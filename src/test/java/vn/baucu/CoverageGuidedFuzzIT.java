package vn.baucu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.code_intelligence.jazzer.junit.FuzzTest;

import vn.baucu.platform.Role;
import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.support.TestUsers;
import vn.baucu.support.VillageElections;

/**
 * Coverage-guided fuzzing (Jazzer, libFuzzer's mutations steered by the branches baucu's code takes) of the endpoints
 * that take a body: the contest evaluation, the legal calendar's preview, a village's counting minutes entry and the
 * voter-list check (CSV or XLSX), and the commune's minutes workbook ({@link #theMinutesWorkbookGetsAClearAnswer}). The first byte of an input picks the endpoint, the rest is the body; the fuzzer starts
 * from one valid request per endpoint ({@code CoverageGuidedFuzzITInputs/}, where {@code "@1"} and {@code "@2"} stand
 * for the fixture's two candidates), so it gets past JSON binding into the checks. Every answer must be a 2xx or a 4xx
 * — never a 5xx, never an exception out of the server. Regression mode (the seeds and every input that ever failed,
 * kept beside them) runs in every build; fuzzing mode, bounded in time, runs from {@code bin/fuzz} (on demand, not in
 * {@code .ci/run}, whose run must not depend on what a random search happens to find). Jazzer's agent, installed at the
 * first fuzz test, retransforms the classes already loaded, and a retransformed class loses its parameter names:
 * right after a browser test in the same JVM, controllers that read their path variables by the Java parameter's name
 * answered 500. Every binding now names what it binds ({@code ArchitectureTest.requestBindingsNameWhatTheyBind}).
 * {@link HostileInputIT} covers the public GET endpoints with generated hostile text.
 */
@BaucuIntegrationTest
class CoverageGuidedFuzzIT {

    static final String[] TARGETS = {"POST /api/v1/evaluations", "POST /api/v1/calendars/preview",
        "POST …/minutes/entries", "POST /api/v1/voter-lists/validate"};

    static VillageElections.Built village;
    static UserDetails team;
    static UserDetails official;
    static java.util.List<String> sheetNames;
    static java.util.List<java.util.List<java.util.List<String>>> template;

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    VillageElections villageElections;
    @Autowired
    UserDetailsService accounts;

    @FuzzTest(maxDuration = "60s")
    void requestsGetAClearAnswer(byte[] input) throws Exception {
        if (input.length == 0) {
            return;
        }
        fixture();
        int target = Byte.toUnsignedInt(input[0]) % TARGETS.length;
        byte[] body = Arrays.copyOfRange(input, 1, input.length);
        String text = new String(body, StandardCharsets.UTF_8).replace("\"@1\"", "\"" + village.first() + "\"")
                .replace("\"@2\"", "\"" + village.second() + "\"");
        org.springframework.test.web.servlet.RequestBuilder request = switch (target) {
            case 0 -> post("/api/v1/evaluations").contentType(MediaType.APPLICATION_JSON).content(text);
            case 1 -> post("/api/v1/calendars/preview").contentType(MediaType.APPLICATION_JSON).content(text);
            case 2 -> post("/api/v1/elections/" + village.electionId() + "/contests/" + village.villageCode()
                    + "/minutes/entries").with(user(team)).header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType(MediaType.APPLICATION_JSON).content(text);
            default -> multipart("/api/v1/voter-lists/validate")
                    .file(new MockMultipartFile("file", "list.csv", "text/csv", body))
                    .param("ruleSet", "VILLAGE_HEAD_2023").param("electionDay", "2026-03-15").with(user(team));
        };
        int status = mvc.perform(request).andReturn().getResponse().getStatus();
        assertThat(status).as("%s answers a clear 2xx or 4xx", TARGETS[target]).isBetween(200, 499);
    }

    /**
     * The commune's minutes workbook, mutated: the fuzzer's bytes either are the uploaded file itself (the XLSX reader
     * on any bytes) or say which cells of the commune's real template to overwrite with which text or number, so the
     * import's row checks see well-formed workbooks with wrong figures, names and shapes. Every answer is a 2xx or a 4xx.
     */
    @FuzzTest(maxDuration = "60s")
    void theMinutesWorkbookGetsAClearAnswer(com.code_intelligence.jazzer.api.FuzzedDataProvider data) throws Exception {
        fixture();
        byte[] file;
        if (data.consumeBoolean()) {
            file = data.consumeRemainingAsBytes();
        } else {
            java.util.List<java.util.List<java.util.List<String>>> sheets = new java.util.ArrayList<>();
            for (java.util.List<java.util.List<String>> sheet : template) {
                java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
                sheet.forEach(r -> rows.add(new java.util.ArrayList<>(r)));
                sheets.add(rows);
            }
            int changes = data.consumeInt(0, 24);
            for (int k = 0; k < changes && !sheets.isEmpty(); k++) {
                var rows = sheets.get(data.consumeInt(0, sheets.size() - 1));
                int r = data.consumeInt(0, rows.size() + 1);
                while (rows.size() <= r) {
                    rows.add(new java.util.ArrayList<>());
                }
                var row = rows.get(r);
                int c = data.consumeInt(0, 20);
                while (row.size() <= c) {
                    row.add("");
                }
                row.set(c, data.consumeBoolean() ? String.valueOf(data.consumeLong()) : data.consumeString(40));
            }
            file = workbook(sheetNames, sheets);
        }
        int status = mvc.perform(multipart("/api/v1/elections/" + village.electionId() + "/communes/" + village.communeCode()
                        + "/minutes-imports").file(new MockMultipartFile("file", "bien-ban.xlsx", null, file)).with(user(official)))
                .andReturn().getResponse().getStatus();
        assertThat(status).as("the minutes workbook import answers a clear 2xx or 4xx").isBetween(200, 499);
    }

    static byte[] workbook(java.util.List<String> names, java.util.List<java.util.List<java.util.List<String>>> sheets)
            throws java.io.IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (var wb = new org.dhatim.fastexcel.Workbook(out, "fuzz", "1.0")) {
            for (int s = 0; s < sheets.size(); s++) {
                var ws = wb.newWorksheet(names.get(s));
                var rows = sheets.get(s);
                for (int r = 0; r < rows.size(); r++) {
                    for (int c = 0; c < rows.get(r).size(); c++) {
                        String v = rows.get(r).get(c);
                        if (v.matches("-?\\d{1,18}")) {
                            ws.value(r, c, Long.parseLong(v));
                        } else {
                            ws.value(r, c, v);
                        }
                    }
                }
            }
        }
        return out.toByteArray();
    }

    private synchronized void fixture() throws Exception {
        if (village == null) {
            village = villageElections.frozen(60);
            team = accounts.loadUserByUsername(users.create(Role.ELECTION_TEAM, village.villageCode(), null));
            official = accounts.loadUserByUsername(users.create(Role.COMMUNE_OFFICIAL, village.communeCode(), null));
            var response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                            "/api/v1/elections/" + village.electionId() + "/communes/" + village.communeCode()
                                    + "/minutes-template.xlsx").with(user(official)))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
            byte[] xlsx = response.getContentAsByteArray();
            sheetNames = new java.util.ArrayList<>();
            template = new java.util.ArrayList<>();
            try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
                for (var sheet : wb.getSheets().toList()) {
                    sheetNames.add(sheet.getName());
                    java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
                    for (var row : sheet.read()) {
                        java.util.List<String> cells = new java.util.ArrayList<>();
                        for (int i = 0; i < row.getCellCount(); i++) {
                            cells.add(row.getCellText(i));
                        }
                        rows.add(cells);
                    }
                    template.add(rows);
                }
            }
            assertThat(template).as("the commune's template has a sheet").isNotEmpty();
        }
    }
}
