package vn.baucu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.baucu.platform.Role;
import vn.baucu.support.ChildNode;
import vn.baucu.support.MinutesBodies;
import vn.baucu.support.TestUsers;
import vn.baucu.support.UnitElections;

/**
 * Two application nodes on one database, as behind a load balancer without sticky sessions: this test's server (node
 * A) and a second JVM of its own (node B), both on the test's PostgreSQL. A browser signed in on one is served by the
 * other (its session, its CSRF token and a redirect's message live in PostgreSQL); an API token issued by one is
 * honoured by the other; the same minutes certified on both at the same moment has exactly one winner; both nodes'
 * dashboards agree, and a certification on one reaches a live dashboard on the other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesIT {

    static final int AREAS = 12;

    @LocalServerPort
    int portA;
    @Autowired
    JdbcConnectionDetails database;
    @Autowired
    FlywayConnectionDetails owner;
    @Autowired
    UnitElections unitElections;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = new JsonMapper();
    int portB;
    ChildNode nodeB;

    @BeforeAll
    void startNodeB() throws Exception {
        nodeB = ChildNode.start("two-nodes-b", database.getJdbcUrl(), database, owner);
        portB = nodeB.port;
    }

    @AfterAll
    void stopNodeB() throws Exception {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void aBrowserSignedInOnOneNodeIsServedByTheOther() throws Exception {
        String commune = unitElections.frozen(300, 1).communeCode();
        // one cookie jar for both nodes, as a browser behind one host name has (cookies do not depend on the port)
        CookieManager jar = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(jar).build();
        String form = "username=admin&password=admin-test-password&_csrf=" + csrf(browser, portA, "/login");
        var login = browser.send(HttpRequest.newBuilder(uri(portA, "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(login.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("SESSION="));
        String session = new String(Base64.getDecoder().decode(jar.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("SESSION")).findFirst().orElseThrow().getValue()), StandardCharsets.UTF_8);
        String held = "select count(*) from spring_session where session_id = :s and principal_name = 'admin'";
        assertThat(jdbc.sql(held).param("s", session).query(Long.class).single()).as("the session is in PostgreSQL").isOne();

        // node B knows the session node A started
        var home = get(browser, portB, "/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Quản trị hệ thống");

        // a form whose token node A gave is accepted by node B, and B's redirect message is shown by A
        String token = csrf(browser, portA, "/units/" + commune);
        String name = "Thôn Hai Nút " + UUID.randomUUID().toString().substring(0, 6);
        // dated in 2026: a village of Quảng Ninh dated before 5/6/2022 would join the demo's 2022 election, with no households listed
        var created = browser.send(HttpRequest.newBuilder(uri(portB, "/units/" + commune + "/villages"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token + "&kind=thon&households=50&effective=2026-03-01&name="
                        + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        var shown = get(browser, portA, created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
        assertThat(shown.body()).contains("Đã thêm thôn, tổ dân phố.").contains(name);

        // signing out on A signs out on B
        String logoutToken = csrf(browser, portB, "/");
        var out = browser.send(HttpRequest.newBuilder(uri(portA, "/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + logoutToken)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(out.statusCode()).isEqualTo(302);
        var after = get(browser, portB, "/elections");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).contains("/login");
        assertThat(jdbc.sql(held).param("s", session).query(Long.class).single()).as("signed out: the session is gone").isZero();
    }

    @Test
    void theSameMinutesCertifiedOnBothNodesAtOnceHasOneWinnerAndBothDashboardsAgree() throws Exception {
        UnitElections.Built u = unitElections.frozen(300, AREAS);
        String clerk1 = users.create(Role.COMMUNE_OFFICIAL, u.communeCode(), null);
        String clerk2 = users.create(Role.COMMUNE_OFFICIAL, u.communeCode(), null);
        String province1 = users.create(Role.PROVINCE_OFFICIAL, "22", null);
        String province2 = users.create(Role.PROVINCE_OFFICIAL, "22", null);
        // tokens issued by one node, used on both
        String t1 = token(portA, clerk1);
        String t2 = token(portB, clerk2);
        String p1 = token(portA, province1);
        String p2 = token(portB, province2);
        String base = "/api/v1/elections/" + u.electionId() + "/contests/22-1/minutes";
        HttpClient http = HttpClient.newHttpClient();

        List<Long> minutes = new ArrayList<>();
        for (int a = 0; a < AREAS; a++) {
            String body = MinutesBodies.area(u, u.areas().get(a), 300, 280, 150, 90, 40);
            var first = send(http, a % 2 == 0 ? portA : portB, "POST", base + "/entries", t1, body, UUID.randomUUID(), null);
            assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
            var second = send(http, a % 2 == 0 ? portB : portA, "POST", base + "/entries", t2, body, UUID.randomUUID(), null);
            assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
            assertThat(second.body()).contains("\"status\":\"VERIFIED\"");
            minutes.add(Long.parseLong(find(second.body(), "\"minutes\":\\{\"id\":(\\d+)")));
        }

        // a live dashboard on node B, before the last certification is made on node A
        LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
        var stream = http.sendAsync(HttpRequest.newBuilder(uri(portB, "/api/v1/elections/" + u.electionId() + "/live"))
                .header("Authorization", "Bearer " + p2).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        stream.thenAccept(r -> r.body().forEach(events::add));
        assertThat(poll(events, "event:ready", 20)).as("the stream on node B opened").isTrue();

        for (int a = 0; a < AREAS - 1; a++) {
            long id = minutes.get(a);
            CountDownLatch go = new CountDownLatch(1);
            var onA = CompletableFuture.supplyAsync(() -> race(go, http, portA, base + "/" + id + "/certification", p1));
            var onB = CompletableFuture.supplyAsync(() -> race(go, http, portB, base + "/" + id + "/certification", p2));
            go.countDown();
            List<Integer> statuses = List.of(onA.get(60, TimeUnit.SECONDS), onB.get(60, TimeUnit.SECONDS));
            assertThat(statuses).as("minutes %d certified on both nodes at once", id)
                    .containsOnlyOnce(200).hasSize(2).allMatch(s -> s == 200 || s == 409 || s == 412);
        }
        events.clear();
        long last = minutes.get(AREAS - 1);
        assertThat(send(http, portA, "POST", base + "/" + last + "/certification", p1, null, null, "\"1\"").statusCode())
                .isEqualTo(200);
        assertThat(poll(events, "event:change", 10)).as("node A's certification reached node B's live dashboard").isTrue();
        stream.cancel(true);

        for (long id : minutes) {
            assertThat(jdbc.sql("select count(*) from audit_log where action = 'MINUTES_CERTIFIED' and subject_id = :id")
                    .param("id", String.valueOf(id)).query(Long.class).single()).as("minutes %d certified once", id).isEqualTo(1);
        }
        var held = json.readTree(send(http, portB, "GET", base, p2, null, null, null).body());
        assertThat(held.size()).isEqualTo(AREAS);
        for (JsonNode m : held) {
            assertThat(m.get("status").asString()).isEqualTo("CERTIFIED");
            assertThat(m.get("version").asInt()).isEqualTo(1);
        }
        String dashboard = "/api/v1/elections/" + u.electionId() + "/dashboard?unit=" + u.communeCode();
        JsonNode onA = json.readTree(send(http, portA, "GET", dashboard, p1, null, null, null).body());
        JsonNode onB = json.readTree(send(http, portB, "GET", dashboard, p2, null, null, null).body());
        ((ObjectNode) onA).remove("asOf");
        ((ObjectNode) onB).remove("asOf");
        assertThat(onB).as("both nodes' dashboards").isEqualTo(onA);
        assertThat(onA.toString()).contains("\"certified\":" + AREAS);
        // recomputing the whole election from its minutes finds every stored result right
        HttpResponse<String> admin = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(portA, "/api/v1/tokens"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "admin:admin-test-password".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        String adminToken = json.readTree(admin.body()).get("token").asString();
        assertThat(send(http, portB, "POST", "/api/v1/elections/" + u.electionId() + "/results/recomputation", adminToken, null,
                null, null).body()).contains("\"differed\":[]");
    }

    private int race(CountDownLatch go, HttpClient http, int port, String path, String token) {
        try {
            go.await();
            return send(http, port, "POST", path, token, null, null, "\"1\"").statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean poll(LinkedBlockingQueue<String> events, String wanted, int seconds) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < until) {
            String line = events.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.replace(" ", "").startsWith(wanted)) {
                return true;
            }
        }
        return false;
    }

    private String token(int port, String user) throws Exception {
        var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(port, "/api/v1/tokens"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).get("token").asString();
    }

    private HttpResponse<String> send(HttpClient http, int port, String method, String path, String token, String body,
                                      UUID key, String ifMatch) throws IOException, InterruptedException {
        return vn.baucu.support.Http.send(http, uri(port, path), method, vn.baucu.support.Http.bearer(token), body, key, ifMatch);
    }

    private HttpResponse<String> get(HttpClient browser, int port, String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri(port, path)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String csrf(HttpClient browser, int port, String page) throws Exception {
        var r = get(browser, port, page);
        assertThat(r.statusCode()).as(page).isEqualTo(200);
        return find(r.body(), "name=\"_csrf\" value=\"([^\"]+)\"");
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in %s", regex, text.length() > 2000 ? text.substring(0, 2000) : text).isTrue();
        return m.group(1);
    }
}
