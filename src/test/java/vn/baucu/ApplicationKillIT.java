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

    private void start(String name) throws Exception {
        Path log = Path.of("target", "application-kill-" + name + ".log");
        var pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-cp", System.getProperty("java.class.path"), BaucuApplication.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile());
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
                    return;
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
