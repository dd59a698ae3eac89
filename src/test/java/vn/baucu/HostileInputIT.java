package vn.baucu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.baucu.platform.Role;
import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.support.MinutesBodies;
import vn.baucu.support.TestUsers;
import vn.baucu.support.VillageElections;

/**
 * Hostile input, generated: valid requests to the public endpoints (the contest evaluation, the legal calendar, the
 * citizen look-up, the published results, the minutes by hash, the verification page) and to the minutes entry are
 * mutated at random — fields dropped, nulled, made the wrong type, numbers made huge or negative, strings made 10,000
 * characters long or full of markup, quotes, SQL and right-to-left marks, the JSON cut short, paths and parameters
 * garbled — a fixed number of times per endpoint from a printed seed (a failure is replayed with
 * {@code -Dfuzz.seed=<seed>}). Every answer must be a clear 4xx or a correct 2xx, never a 5xx, and nothing is echoed
 * as markup. No input may hang the server: each answer must come within {@link #HANG_SECONDS} (a bound for a request
 * that never ends, not a speed goal: the slowest answer per endpoint is printed). Nor may the inputs make it keep
 * memory: the heap in use after a full collection may grow by at most {@link #GROWTH_MB} over the whole run (a cache
 * keyed by what a client sends, or a buffer kept per request, would fail it).
 */
@BaucuIntegrationTest
class HostileInputIT {

    static final int PER_TARGET = Integer.getInteger("fuzz.inputs", 250);
    static final int HANG_SECONDS = Integer.getInteger("fuzz.hang-seconds", 20);
    static final int GROWTH_MB = Integer.getInteger("fuzz.growth-mb", 64);
    static final String[] NASTY = {"<script>alert(1)</script>", "\"'; drop table voter_entry; --", "\u202Eevil\u202C",
        "x".repeat(10_000), "", " ", "0", "-1", "1e309", "NaN", "9223372036854775808", "null", "{}", "[]", "\u0000",
        "Nguyễn Văn \u0041\u0301", "../../etc/passwd", "%00", "=cmd|' /C calc'!A0", "@SUM(1+1)"};

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    VillageElections villageElections;
    @Autowired
    UserDetailsService accounts;

    final long seed = Long.getLong("fuzz.seed", System.nanoTime());
    final SplittableRandom random = new SplittableRandom(seed);
    final Map<String, Integer> tried = new TreeMap<>();
    final List<String> failures = new ArrayList<>();
    final Map<String, Long> slowest = new TreeMap<>();
    final java.util.concurrent.ExecutorService server = java.util.concurrent.Executors.newSingleThreadExecutor();

    @org.junit.jupiter.api.AfterEach
    void stopServer() {
        server.shutdownNow();
    }

    @Test
    void mutatedRequestsGetAClearAnswerNeverAServerError() throws Exception {
        System.out.println("HostileInputIT seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        VillageElections.Built v = villageElections.frozen(60);
        var team = user(accounts.loadUserByUsername(users.create(Role.ELECTION_TEAM, v.villageCode(), null)));
        String evaluation = """
                {"ruleSet":"VILLAGE_HEAD_2008","seats":1,"electionDay":"2022-06-05","votingMethod":"SECRET_BALLOT",
                 "electorate":60,"participants":50,"ballotsIssued":50,"ballotsReturned":50,"validBallots":49,
                 "invalidBallots":1,"candidates":[{"id":"a","name":"An","votes":30},{"id":"b","name":"Bình","votes":19}]}""";
        String calendar = "{\"ruleSet\":\"NATIONAL_ASSEMBLY_2025\",\"electionDay\":\"2026-03-15\"}";
        String minutes = MinutesBodies.village(v, 60, 50, 49, 1, 30, 19, "");
        long heapBefore = heapAfterFullCollection();

        fuzzJson("POST /api/v1/evaluations", evaluation,
                body -> post("/api/v1/evaluations").contentType(MediaType.APPLICATION_JSON).content(body));
        fuzzJson("POST /api/v1/calendars/preview", calendar,
                body -> post("/api/v1/calendars/preview").contentType(MediaType.APPLICATION_JSON).content(body));
        fuzzJson("POST minutes entry", minutes, body -> post("/api/v1/elections/" + v.electionId() + "/contests/"
                + v.villageCode() + "/minutes/entries").with(team).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).content(body));
        fuzzText("POST /portal/lookup", text -> post("/portal/lookup").with(csrf()).param("fullName", text)
                .param("birthDate", mutate("1980-01-01")).param("idLast4", mutate("1234")));
        fuzzText("GET /portal/verify", text -> get("/portal/verify").param("sha256", text));
        fuzzText("GET /api/v1/public/minutes/{sha256}", text -> get("/api/v1/public/minutes/" + path(text)));
        fuzzText("GET /api/v1/public/elections/{id}/results", text -> get("/api/v1/public/elections/" + path(text)
                + "/results").param("version", mutate("1")));
        fuzzText("GET /portal/results/{id}/contests/{place}", text -> get("/portal/results/" + v.electionId()
                + "/contests/" + path(text)).param("version", mutate("1")));
        fuzzText("GET /api/v1/elections/{id}/dashboard", text -> get("/api/v1/elections/" + v.electionId()
                + "/dashboard").with(team).param("unit", text));

        long heapAfter = heapAfterFullCollection();
        System.out.println("HostileInputIT inputs per endpoint: " + tried);
        System.out.println("HostileInputIT slowest answer per endpoint (ms): " + slowest);
        System.out.printf("HostileInputIT heap in use after a full collection: %,d KB before, %,d KB after%n",
                heapBefore / 1024, heapAfter / 1024);
        assertThat(heapAfter - heapBefore).as("heap kept by %,d hostile inputs", tried.size() * PER_TARGET)
                .isLessThan(GROWTH_MB * 1024L * 1024L);
        assertThat(failures).as("seed " + seed + ": every hostile input gets a 4xx or a correct answer").isEmpty();
        assertThat(tried.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(tried.size() * PER_TARGET);
    }

    void fuzzJson(String target, String valid, Function<String, MockHttpServletRequestBuilder> request) throws Exception {
        for (int i = 0; i < PER_TARGET; i++) {
            String body = i == 0 ? valid : mutateJson(valid);
            send(target, body, request.apply(body));
        }
    }

    void fuzzText(String target, Function<String, MockHttpServletRequestBuilder> request) throws Exception {
        for (int i = 0; i < PER_TARGET; i++) {
            String text = mutate(i % 2 == 0 ? NASTY[random.nextInt(NASTY.length)] : randomText());
            send(target, text, request.apply(text));
        }
    }

    void send(String target, String input, MockHttpServletRequestBuilder request) {
        tried.merge(target, 1, Integer::sum);
        long start = System.nanoTime();
        var answer = server.submit(() -> mvc.perform(request).andReturn().getResponse());
        try {
            var response = answer.get(HANG_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            slowest.merge(target, (System.nanoTime() - start) / 1_000_000, Math::max);
            int s = response.getStatus();
            if (s >= 500) {
                failures.add(target + " → " + s + " for " + shorten(input));
            }
            String type = String.valueOf(response.getContentType());
            if (type.startsWith("text/html") && response.getContentAsString(StandardCharsets.UTF_8)
                    .contains("<script>alert(1)</script>")) {
                failures.add(target + " echoed markup for " + shorten(input));
            }
        } catch (java.util.concurrent.TimeoutException hung) {
            answer.cancel(true);
            failures.add(target + " → no answer within " + HANG_SECONDS + " s for " + shorten(input));
        } catch (java.util.concurrent.ExecutionException escaped) {
            failures.add(target + " → " + escaped.getCause() + " for " + shorten(input));
        } catch (Exception escaped) {
            failures.add(target + " → " + escaped + " for " + shorten(input));
        }
    }

    /** The heap in use once the collector has run (the least of three full collections, so garbage does not count). */
    static long heapAfterFullCollection() throws InterruptedException {
        var memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            memory.gc();
            Thread.sleep(200);
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    String mutateJson(String valid) {
        String text = valid;
        int rounds = 1 + random.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            int how = random.nextInt(10);
            if (how == 0) {
                return text.substring(0, random.nextInt(text.length()));           // cut short
            }
            if (how == 1) {
                StringBuilder b = new StringBuilder(text);                          // a random byte
                b.insert(random.nextInt(b.length()), (char) random.nextInt(0x20, 0x2FF));
                return b.toString();
            }
            JsonNode tree = json.readTree(text);
            List<ObjectNode> objects = new ArrayList<>();
            collect(tree, objects);
            ObjectNode o = objects.get(random.nextInt(objects.size()));
            List<String> names = new ArrayList<>();
            o.propertyNames().forEach(names::add);
            if (names.isEmpty()) {
                continue;
            }
            String field = names.get(random.nextInt(names.size()));
            switch (how) {
                case 2 -> o.remove(field);
                case 3 -> o.putNull(field);
                case 4 -> o.put(field, NASTY[random.nextInt(NASTY.length)]);
                case 5 -> o.put(field, random.nextBoolean() ? Long.MAX_VALUE : -random.nextLong(1, 1_000_000));
                case 6 -> o.put(field, random.nextDouble() * 1e12);
                case 7 -> o.putArray(field).add(1).add("x");
                case 8 -> o.putObject(field).put("x", 1);
                default -> {
                    JsonNode value = o.get(field);
                    if (value instanceof ArrayNode a && !a.isEmpty()) {
                        for (int k = 0; k < 1 + random.nextInt(200); k++) {
                            a.add(a.get(0).deepCopy());                           // the same name many times
                        }
                    } else {
                        o.put(field, true);
                    }
                }
            }
            text = json.writeValueAsString(tree);
        }
        return text;
    }

    static void collect(JsonNode node, List<ObjectNode> out) {
        if (node instanceof ObjectNode o) {
            out.add(o);
        }
        for (Iterator<JsonNode> it = node.values().iterator(); it.hasNext(); ) {
            collect(it.next(), out);
        }
    }

    String mutate(String valid) {
        return switch (random.nextInt(5)) {
            case 0 -> valid;
            case 1 -> NASTY[random.nextInt(NASTY.length)];
            case 2 -> valid + randomText();
            case 3 -> valid.isEmpty() ? randomText() : valid.substring(0, random.nextInt(valid.length()));
            default -> randomText();
        };
    }

    String randomText() {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(1, 80);
        for (int i = 0; i < n; i++) {
            b.append((char) (random.nextBoolean() ? random.nextInt(0x20, 0x7F) : random.nextInt(0xA0, 0x1EFF)));
        }
        return b.toString();
    }

    /** A path segment as a client might send it: the characters a URL may not hold encoded. */
    static String path(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String shorten(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…(" + s.length() + ")" : s;
    }
}
