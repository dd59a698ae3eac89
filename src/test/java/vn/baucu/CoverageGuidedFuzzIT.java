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
 * voter-list check (CSV or XLSX). The first byte of an input picks the endpoint, the rest is the body; the fuzzer starts
 * from one valid request per endpoint ({@code CoverageGuidedFuzzITInputs/}, where {@code "@1"} and {@code "@2"} stand
 * for the fixture's two candidates), so it gets past JSON binding into the checks. Every answer must be a 2xx or a 4xx
 * — never a 5xx, never an exception out of the server. Regression mode (the seeds and every input that ever failed,
 * kept beside them) runs in every build; fuzzing mode, bounded in time, runs from {@code bin/fuzz} (in {@code .ci/run}).
 * {@link HostileInputIT} covers the public GET endpoints with generated hostile text.
 */
@BaucuIntegrationTest
class CoverageGuidedFuzzIT {

    static final String[] TARGETS = {"POST /api/v1/evaluations", "POST /api/v1/calendars/preview",
        "POST …/minutes/entries", "POST /api/v1/voter-lists/validate"};

    static VillageElections.Built village;
    static UserDetails team;

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

    private synchronized void fixture() {
        if (village == null) {
            village = villageElections.frozen(60);
            team = accounts.loadUserByUsername(users.create(Role.ELECTION_TEAM, village.villageCode(), null));
        }
    }
}
