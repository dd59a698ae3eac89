package vn.baucu.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import vn.baucu.platform.Role;
import vn.baucu.support.MinutesBodies;
import vn.baucu.support.TestUsers;
import vn.baucu.support.VillageElections;

/**
 * What every browser test shares: the application on a random port, one Debian Chromium for the class, pages on a
 * 390 px phone (or a desktop), signing in through the login form, full-page screenshots in target/screenshots, and
 * the API over real HTTP for what a test sets up without a page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PhoneBrowserTest {

    static final Path SHOTS = Paths.get("target/screenshots");

    @LocalServerPort
    int port;

    vn.baucu.support.Chromium chromium;

    @Autowired
    VillageElections villageElections;
    @Autowired
    TestUsers testUsers;
    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void launch() throws Exception {
        Files.createDirectories(SHOTS);
        chromium = new vn.baucu.support.Chromium();
    }

    @AfterAll
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name)).setFullPage(true));
    }

    /** A new page of {@code context}, signed in as {@code username} with {@code password}, on the home page. */
    Page signedIn(BrowserContext context, String username, String password) {
        Page page = context.newPage();
        page.navigate(url("/login"));
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("main button[type=submit]").click();
        page.waitForURL("**/");
        return page;
    }

    /** The same with the test users' password ({@link vn.baucu.support.TestUsers#PASSWORD}). */
    Page signedIn(BrowserContext context, String username) {
        return signedIn(context, username, vn.baucu.support.TestUsers.PASSWORD);
    }

    /** A new test user with {@code role} on {@code unit}; its username. */
    String user(Role role, String unit) {
        return testUsers.create(role, unit, null);
    }

    /** A request over real HTTP as {@code username} (HTTP Basic); fails the test unless it succeeds; its status. */
    int send(String method, String path, String username, String json, Map<String, String> headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (username + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return response.statusCode();
    }

    /** The village's minutes entered twice (two team members) and certified by the commune, over the API. */
    void countOverTheApi(VillageElections.Built v, String commune) throws Exception {
        String body = MinutesBodies.village(v, 60, 50, 49, 1, 40, 9, "");
        String entries = "/api/v1/elections/" + v.electionId() + "/contests/" + v.villageCode() + "/minutes/entries";
        for (int i = 0; i < 2; i++) {
            send("POST", entries, user(Role.ELECTION_TEAM, v.villageCode()), body,
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        }
        long minutes = jdbc.sql("select id from minutes where election_id = :e").param("e", v.electionId())
                .query(Long.class).single();
        send("POST", "/api/v1/elections/" + v.electionId() + "/contests/" + v.villageCode() + "/minutes/" + minutes
                + "/certification", commune, null, Map.of("If-Match", "\"1\""));
    }
}
