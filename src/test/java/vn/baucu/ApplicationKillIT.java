package vn.baucu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * baucu as a workstation runs it — its own JVM on the embedded default with a kept data directory — is killed
 * with SIGKILL in the middle of a 200,000-row import confirmed on the clerk's page. The next start succeeds at
 * once (its PostgreSQL, left running by the killed JVM, is stopped cleanly first), the list is exactly as it
 * was before the import, and the job is marked FAILED with the reason.
 */
class ApplicationKillIT {

    static final String ADMIN_PASSWORD = "kill-test-password";
    static final int ROWS = 200_000;

    @TempDir
    Path data;
    Process app;
    int port;
    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroy();
            app.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void killedMidImportTheNextStartRecoversAndNothingHalfDoneIsVisible() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        start("first");
        long election = Long.parseLong(api("POST", "/api/v1/elections", "{\"kind\":\"NATIONAL_ASSEMBLY\","
                + "\"ruleSet\":\"NATIONAL_ASSEMBLY_2025\",\"name\":\"QH bị dừng\",\"term\":\"2027-2032\","
                + "\"electionDay\":\"2027-05-23\"}", 201).replaceAll(".*\"id\":(\\d+).*", "$1"));
        String area = api("POST", "/api/v1/communes/06709/polling-areas", "{\"pollingDay\":\"2027-05-23\",\"number\":1,"
                + "\"name\":\"KV dừng\",\"voters\":4000}", 201).replaceAll(".*?\"id\":(\\d+).*", "$1");
        String header = "Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân\n";
        multipart("/api/v1/elections/" + election + "/voter-lists?pollingArea=" + area, "cu.csv",
                (header + "Mai Văn Cũ,01/01/1980,Nam,022080900001\nMai Thị Cũ,02/02/1981,Nữ,022181900002\n")
                        .getBytes(StandardCharsets.UTF_8), true, 201);

        StringBuilder csv = new StringBuilder(header);
        for (int i = 0; i < ROWS; i++) {
            csv.append("Người Thứ ").append(i).append(",03/03/1985,Nam,022085").append(String.format("%06d", i)).append('\n');
        }
        login();
        String checked = multipart("/elections/" + election + "/voter-lists/check?pollingArea=" + area + "&_csrf=" + csrf(
                "/elections/" + election + "/voter-lists"), "moi.csv", csv.toString().getBytes(StandardCharsets.UTF_8), false, 200);
        String token = find(checked, "name=\"token\" value=\"([0-9a-f-]{36})\"");
        String started = send(HttpRequest.newBuilder(uri("/elections/" + election + "/voter-lists/confirm"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token + "&pollingArea=" + area + "&_csrf="
                        + find(checked, "name=\"_csrf\" value=\"([^\"]+)\""))), 200);
        String job = "/elections/" + election + "/voter-lists/jobs/" + find(started, "/voter-lists/jobs/([0-9a-f-]{36})");

        long percent = 0;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (percent == 0 && System.nanoTime() < until) {
            String p = send(HttpRequest.newBuilder(uri(job)).GET(), 200);
            assertThat(p).doesNotContain("alert ok");
            Matcher m = Pattern.compile("<progress max=\"100\" value=\"(\\d+)\"").matcher(p);
            percent = m.find() ? Long.parseLong(m.group(1)) : 0;
            Thread.sleep(10);
        }
        assertThat(percent).as("the import was running when killed").isBetween(1L, 99L);
        app.destroyForcibly();                                       // SIGKILL, half way
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();

        long restart = System.nanoTime();
        start("second");
        assertThat(Duration.ofNanos(System.nanoTime() - restart)).as("the next start succeeds at once")
                .isLessThan(Duration.ofSeconds(45));
        login();
        String after = send(HttpRequest.newBuilder(uri(job)).GET(), 200);
        assertThat(after).contains("alert error").contains("máy chủ chạy việc nhập đã dừng");
        String old = api("GET", "/api/v1/elections/" + election + "/voters?q=mai", null, 200);
        assertThat(old).contains("Mai Văn Cũ").contains("Mai Thị Cũ");
        assertThat(api("GET", "/api/v1/elections/" + election + "/voters?q=nguoi%20thu", null, 200))
                .as("nothing of the killed import is visible").isEqualTo("[]");
    }

    static final int AREAS = 40;

    /**
     * A results-night burst — the minutes of 40 polling areas, each entered by two clerks and certified, four senders
     * at once — with baucu killed (SIGKILL) part way. After the restart every acknowledged entry and certification is
     * there, nothing half-done is visible, and sending every request again with its same Idempotency-Key stores
     * nothing twice; once finished, a recomputation from the minutes finds every stored result right and the audit
     * chain is intact.
     */
    @Test
    void killedMidMinutesBurstNothingAcknowledgedIsLostAndResendsStoreNothingTwice() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = start("burst-first", java.util.Map.of("BAUCU_TEST_BUILD", "areas:" + AREAS));
        String[] built = builtLine(log).split(" ");
        long election = Long.parseLong(built[1]);
        java.util.List<Long> areas = java.util.Arrays.stream(built[3].split(",")).map(Long::valueOf).toList();
        java.util.List<Long> names = java.util.Arrays.stream(built[4].split(",")).map(Long::valueOf).toList();
        var u = new vn.baucu.support.UnitElections.Built(election, "22-1", built[2], areas, names, 300);
        String[] clerks = {built[5], built[6]};
        String province = built[7];
        String base = "/api/v1/elections/" + election + "/contests/22-1/minutes";
        // per area: the keys of its two entries, and what each step got back (0: no answer)
        UUID[][] keys = new UUID[AREAS][2];
        int[][] answers = new int[AREAS][3];
        long[] minutesIds = new long[AREAS];
        var acknowledged = new java.util.concurrent.atomic.AtomicInteger();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        for (int i = 0; i < AREAS; i++) {
            int a = i;
            keys[a][0] = UUID.randomUUID();
            keys[a][1] = UUID.randomUUID();
            pool.submit(() -> {
                try {
                    for (int step = 0; step < 2; step++) {
                        var r = raw("POST", base + "/entries", clerks[step], body(u, a), keys[a][step], null);
                        answers[a][step] = r.statusCode();
                        if (r.statusCode() != 201) {
                            return;
                        }
                        minutesIds[a] = Long.parseLong(find(r.body(), "\"minutes\":\\{\"id\":(\\d+)"));
                        acknowledged.incrementAndGet();
                    }
                    var r = raw("POST", base + "/" + minutesIds[a] + "/certification", province, null, null, "\"1\"");
                    answers[a][2] = r.statusCode();
                    if (r.statusCode() == 200) {
                        acknowledged.incrementAndGet();
                    }
                } catch (IOException | InterruptedException killed) {
                    // no answer: the server died with the request in flight
                }
                return;
            });
        }
        // and the province publishing the results over and over meanwhile: each answered publication is kept
        java.util.Map<Integer, String> published = new java.util.concurrent.ConcurrentHashMap<>();
        Thread publisher = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    var r = http.send(HttpRequest.newBuilder(uri("/api/v1/elections/" + election + "/results/publications"))
                            .header("Authorization", basic()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 201) {
                        published.put(Integer.parseInt(find(r.body(), "\"version\":(\\d+)")),
                                find(r.body(), "\"sha256\":\"([0-9a-f]+)\""));
                    }
                }
            } catch (IOException | InterruptedException killed) {
                // the server died with a publication in flight
            }
        });
        publisher.start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (acknowledged.get() < AREAS * 3 * 2 / 5 && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        app.destroyForcibly();                                       // SIGKILL, with requests in flight
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        publisher.join(60_000);
        int acked = acknowledged.get();
        assertThat(acked).as("killed part way").isBetween(AREAS * 3 * 2 / 5, AREAS * 3 - 1);

        start("burst-second");
        // every answered publication is there as answered; the versions follow each other with no gap, none half-made
        assertThat(published).as("publications answered before the kill").isNotEmpty();
        int latest = Integer.parseInt(find(http.send(HttpRequest.newBuilder(uri("/api/v1/public/elections/" + election
                        + "/results")).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body(),
                "\"snapshot\":\\{\"version\":(\\d+)"));
        assertThat(latest).isGreaterThanOrEqualTo(published.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow());
        for (int v = 1; v <= latest; v++) {
            var r = http.send(HttpRequest.newBuilder(uri("/api/v1/public/elections/" + election + "/results?version=" + v))
                    .GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("snapshot %d", v).isEqualTo(200);
            String etag = r.headers().firstValue("ETag").orElseThrow();
            if (published.containsKey(v)) {
                assertThat(etag).as("snapshot %d as answered", v).isEqualTo("\"" + published.get(v) + "\"");
            }
            assertThat(r.body()).contains("\"version\":" + v);
        }
        // every acknowledged step is there; nothing else
        var held = minutesByArea(base, province);
        for (int a = 0; a < AREAS; a++) {
            var m = held.get(areas.get(a));
            if (answers[a][2] == 200) {
                assertThat(m.status()).as("area %d: its certification was acknowledged", a).isEqualTo("CERTIFIED");
            } else if (answers[a][1] == 201) {
                assertThat(m.status()).as("area %d", a).isIn("VERIFIED", "CERTIFIED");
            } else if (answers[a][0] == 201) {
                assertThat(m).as("area %d: its first entry was acknowledged", a).isNotNull();
                assertThat(m.entries()).as("area %d", a).isGreaterThanOrEqualTo(1);
            }
            if (m != null && !m.status().equals("CERTIFIED") && !m.status().equals("VERIFIED")) {
                assertThat(m.entries()).as("area %d: at most the two entries sent", a).isBetween(0, 2);
            }
        }
        // everything sent again with the same keys: replays answer 200 and store nothing; the rest is done now
        int replayed = 0;
        for (int a = 0; a < AREAS; a++) {
            for (int step = 0; step < 2; step++) {
                var r = raw("POST", base + "/entries", clerks[step], body(u, a), keys[a][step], null);
                if (answers[a][step] == 201) {
                    assertThat(r.statusCode()).as("area %d entry %d: a resend of an acknowledged entry", a, step)
                            .isEqualTo(200);
                }
                if (r.statusCode() == 200) {
                    replayed++;
                }
                if (r.statusCode() == 200 || r.statusCode() == 201) {
                    minutesIds[a] = Long.parseLong(find(r.body(), "\"minutes\":\\{\"id\":(\\d+)"));
                }
            }
            var m = minutesByArea(base, province).get(areas.get(a));
            if (!m.status().equals("CERTIFIED")) {
                assertThat(raw("POST", base + "/" + m.id() + "/certification", province, null, null, "\"1\"").statusCode())
                        .isEqualTo(200);
            } else {
                assertThat(raw("POST", base + "/" + m.id() + "/certification", province, null, null, "\"1\"").statusCode())
                        .as("certifying twice").isEqualTo(409);
            }
        }
        int entriesAcknowledged = 0;
        for (int[] answer : answers) {
            entriesAcknowledged += (answer[0] == 201 ? 1 : 0) + (answer[1] == 201 ? 1 : 0);
        }
        assertThat(replayed).as("every acknowledged entry, and any committed whose answer was lost, replayed")
                .isGreaterThanOrEqualTo(entriesAcknowledged);
        held = minutesByArea(base, province);
        assertThat(held).hasSize(AREAS);
        assertThat(held.values()).allSatisfy(m -> {
            assertThat(m.status()).isEqualTo("CERTIFIED");
            assertThat(m.version()).isEqualTo(1);
        });
        // the stored results are what the minutes make, and the audit chain is whole
        assertThat(api("POST", "/api/v1/elections/" + election + "/results/recomputation", null, 200))
                .contains("\"differed\":[]");
        String results = api("GET", "/api/v1/elections/" + election + "/results", null, 200);
        assertThat(results).contains("\"status\":\"CERTIFIED\"").contains("\"electorate\":" + 300 * AREAS);
        assertThat(api("GET", "/api/v1/audit/verification", null, 200)).contains("\"intact\":true");
        // the next publication follows the last one kept
        assertThat(api("POST", "/api/v1/elections/" + election + "/results/publications", null, 201))
                .contains("\"version\":" + (latest + 1));
    }

    record Held(long id, String status, int entries, int version) {
    }

    private java.util.Map<Long, Held> minutesByArea(String base, String user) throws Exception {
        var r = raw("GET", base, user, null, null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        java.util.Map<Long, Held> out = new java.util.HashMap<>();
        for (var m : new tools.jackson.databind.json.JsonMapper().readTree(r.body())) {
            out.put(m.get("pollingArea").asLong(), new Held(m.get("id").asLong(), m.get("status").asString(),
                    m.get("entries").asInt(), m.get("version").asInt()));
        }
        return out;
    }

    private static String body(vn.baucu.support.UnitElections.Built u, int a) {
        return vn.baucu.support.MinutesBodies.area(u, u.areas().get(a), 300, 280, 150, 90, 40);
    }

    /** A request as {@code user} (the test password), whatever its answer; an IOException if the server is gone. */
    private HttpResponse<String> raw(String method, String path, String user, String json, UUID key, String ifMatch)
            throws IOException, InterruptedException {
        return vn.baucu.support.Http.send(http, uri(path), method,
                vn.baucu.support.Http.basic(user, vn.baucu.support.TestUsers.PASSWORD), json, key, ifMatch);
    }

    /** The {@code BUILT …} line the child prints once its election is ready. */
    private String builtLine(Path log) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < until) {
            assertThat(app.isAlive()).as("baucu is running (see %s)", log).isTrue();
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.startsWith("BUILT ")) {
                    return line;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the election was not built; see " + log);
    }

    private Path start(String name) throws Exception {
        return start(name, java.util.Map.of());
    }

    private Path start(String name, java.util.Map<String, String> env) throws Exception {
        Path log = Path.of("target", "application-kill-" + name + ".log");
        var pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-cp", System.getProperty("java.class.path"), KillableBaucu.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        pb.environment().remove("DB_URL");
        pb.environment().put("BAUCU_DATA_DIR", data.toString());
        pb.environment().put("SERVER_PORT", String.valueOf(port));
        pb.environment().put("BAUCU_DEMO", "false");
        pb.environment().put("BAUCU_ADMIN_PASSWORD", ADMIN_PASSWORD);
        app = pb.start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < until) {
            assertThat(app.isAlive()).as("baucu is running (see %s)", log).isTrue();
            try {
                var r = http.send(HttpRequest.newBuilder(uri("/actuator/health")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return log;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("baucu did not start; see " + log + ":\n" + Files.readString(log));
    }

    private void login() throws Exception {
        String form = "username=admin&password=" + ADMIN_PASSWORD + "&_csrf=" + csrf("/login");
        var r = http.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    private String csrf(String page) throws Exception {
        return find(send(HttpRequest.newBuilder(uri(page)).GET(), 200), "name=\"_csrf\" value=\"([^\"]+)\"");
    }

    private String api(String method, String path, String json, int expected) throws Exception {
        var b = HttpRequest.newBuilder(uri(path)).header("Authorization", basic()).header("Content-Type", "application/json");
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.method(method, HttpRequest.BodyPublishers.ofString(json));
        return send(b, expected);
    }

    private String multipart(String path, String fileName, byte[] content, boolean basic, int expected) throws Exception {
        String boundary = "----baucu" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (basic) {
            b.header("Authorization", basic());
        }
        return send(b, expected);
    }

    private String send(HttpRequest.Builder request, int expected) throws Exception {
        var r = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as("%s → %s", r.uri(), r.body()).isEqualTo(expected);
        return r.body();
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in %s", regex, text.length() > 2000 ? text.substring(0, 2000) : text).isTrue();
        return m.group(1);
    }
}
