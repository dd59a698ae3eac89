package vn.baucu.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import vn.baucu.platform.Authorization;
import vn.baucu.platform.Role;
import vn.baucu.platform.Users;
import vn.baucu.support.VillageElections;

/**
 * Polling day on a 390 px phone in real Chromium: a village's team opens the meeting, reports turnout twice and
 * enters the minutes; a second member enters them with a typo; the commune's coordinator sees the difference, keeps
 * the right entry and certifies. Screenshots go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountingBrowserIT {

    static final Path SHOTS = Paths.get("target/screenshots");
    static final String PASSWORD = "browser-counting-password";

    @LocalServerPort
    int port;
    @Autowired
    VillageElections villageElections;
    @Autowired
    Users users;

    Playwright playwright;
    Browser browser;

    @BeforeAll
    void launch() throws Exception {
        Files.createDirectories(SHOTS);
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getProperty("baucu.chromium", "/usr/bin/chromium")))
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-quic")));
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    String user(Role role, String unit) {
        String name = "b-" + role.name().toLowerCase().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 6);
        Authorization.runAsSystem(() -> {
            users.create(name, "Thành viên " + name, role, unit, PASSWORD, "test");
            return null;
        });
        return name;
    }

    Page signedIn(String username) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setLocale("vi").setExtraHTTPHeaders(java.util.Map.of("Accept-Language", "vi")));
        Page page = context.newPage();
        page.navigate(url("/login"));
        page.locator("#username").fill(username);
        page.locator("#password").fill(PASSWORD);
        page.locator("main button[type=submit]").click();
        page.waitForURL("**/");
        return page;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name)).setFullPage(true));
    }

    void enterMinutes(Page page, VillageElections.Built v, String firstVotes) {
        page.locator("#votingMethod").selectOption("SECRET_BALLOT");
        page.locator("#electorate").fill("60");
        page.locator("#participants").fill("50");
        page.locator("#ballotsIssued").fill("50");
        page.locator("#ballotsReturned").fill("50");
        page.locator("#validBallots").fill("49");
        page.locator("#invalidBallots").fill("1");
        page.locator("#votes-" + v.first()).fill(firstVotes);
        page.locator("#votes-" + v.second()).fill("15");
        page.locator("#submit-entry").click();
    }

    @Test
    void aTeamOpensReportsAndEntersAndTheCoordinatorResolvesAndCertifies() {
        VillageElections.Built v = villageElections.frozen(60);
        Page team = signedIn(user(Role.ELECTION_TEAM, v.villageCode()));
        team.navigate(url("/elections/" + v.electionId() + "/polling-day"));
        assertThat(team.locator("#place-name")).containsText("Thôn Kiểm Phiếu");
        assertThat(team.locator("#electorate")).hasText("60");
        team.locator("#opened-by").fill("Trần Văn Tổ Trưởng");
        team.locator("#box-empty").check();
        team.locator("#open-form button[type=submit]").click();
        assertThat(team.locator("#done")).isVisible();
        assertThat(team.locator("#opened")).hasText("07:00");
        team.locator("#slot").selectOption("09:00");
        team.locator("#voted").fill("20");
        team.locator("#turnout-form button[type=submit]").click();
        assertThat(team.locator("#latest")).containsText("20 (33.33%)");
        team.locator("#slot").selectOption("11:00");
        team.locator("#voted").fill("35");
        team.locator("#turnout-form button[type=submit]").click();
        assertThat(team.locator("#latest")).containsText("35 (58.33%)");
        assertThat(team.locator("#reports tbody tr")).hasCount(2);
        shot(team, "polling-day-team.png");

        team.locator("#minutes-links a").first().click();
        assertThat(team.locator("#status")).hasText("Chưa nhập");
        enterMinutes(team, v, "30");
        assertThat(team.locator("#status")).hasText("Đã nhập lần 1");
        assertThat(team.locator("#entry-form")).hasCount(0);
        shot(team, "minutes-first-entry.png");

        Page second = signedIn(user(Role.ELECTION_TEAM, v.villageCode()));
        second.navigate(team.url());
        assertThat(second.locator("#agreed")).hasCount(0);
        enterMinutes(second, v, "33");
        assertThat(second.locator("#status")).hasText("Hai lần nhập khác nhau");
        assertThat(second.locator("#differences td[data-field='candidates[" + v.first() + "].votes']")).hasText("1. Phạm Văn Kiểm");

        Page coordinator = signedIn(user(Role.COMMUNE_OFFICIAL, v.communeCode()));
        coordinator.navigate(url("/elections/" + v.electionId() + "/polling-day?commune=" + v.communeCode()));
        assertThat(coordinator.locator("tr[data-place='" + v.villageCode() + "']")).containsText("Hai lần nhập khác nhau");
        coordinator.navigate(team.url());
        assertThat(coordinator.locator("#differences td.first")).hasText("30");
        assertThat(coordinator.locator("#differences td.second")).hasText("33");
        shot(coordinator, "minutes-difference-coordinator.png");
        coordinator.locator("#keep-FIRST").click();
        assertThat(coordinator.locator("#status")).hasText("Đã khớp");
        coordinator.locator("#signed-by").fill("Trần Văn Tổ Trưởng");
        coordinator.locator("#certify-button").click();
        assertThat(coordinator.locator("#status")).hasText("Đã chứng nhận");
        assertThat(coordinator.locator("#minutes-state")).containsText("SHA-256");
        assertThat(coordinator.locator("#agreed")).containsText("30");
        shot(coordinator, "minutes-certified.png");
    }
}
