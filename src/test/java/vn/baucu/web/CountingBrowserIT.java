package vn.baucu.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Page;

import vn.baucu.platform.Role;
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

    @LocalServerPort
    int port;
    @Autowired
    VillageElections villageElections;

    @Autowired
    vn.baucu.support.TestUsers testUsers;

    vn.baucu.support.Chromium chromium;

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

    String user(Role role, String unit) {
        return testUsers.create(role, unit, null);
    }

    Page signedIn(String username) {
        Page page = chromium.phone("vi").newPage();
        page.navigate(url("/login"));
        page.locator("#username").fill(username);
        page.locator("#password").fill(vn.baucu.support.TestUsers.PASSWORD);
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

        // the results follow at once: 30 of 60 households is not more than half, so nobody is elected; then published
        coordinator.navigate(url("/elections/" + v.electionId() + "/results"));
        assertThat(coordinator.locator("tr[data-place='" + v.villageCode() + "']")).containsText("Đã chứng nhận");
        assertThat(coordinator.locator("tr[data-place='" + v.villageCode() + "']")).containsText("Không ai trúng cử");
        coordinator.locator("#publish").click();
        assertThat(coordinator.locator("#done")).containsText("Đã công bố");
        assertThat(coordinator.locator("#summary")).containsText("Bản công bố gần nhất: số 1");
        shot(coordinator, "results-commune.png");

        // a journalist on a phone, without an account: from the published elections down to the village, its minutes
        // and the verification of the hash printed on the paper
        Page citizen = chromium.phone("vi").newPage();
        citizen.navigate(url("/portal/results"));
        shot(citizen, "portal-results.png");
        citizen.locator("#elections a[href='/portal/results/" + v.electionId() + "']").click();
        assertThat(citizen.locator("#version")).containsText("bản công bố số 1");
        shot(citizen, "portal-election.png");
        citizen.locator("tr[data-place='" + v.villageCode() + "'] a").click();
        assertThat(citizen.locator("#candidates")).containsText("30");
        shot(citizen, "portal-contest.png");
        citizen.locator("#minutes a[href^='/portal/verify']").click();
        assertThat(citizen.locator("#verdict")).containsText("Khớp");
        assertThat(citizen.locator("#figures")).containsText("30");
        shot(citizen, "portal-verify.png");
        citizen.locator("#sha256").fill("0".repeat(64));
        citizen.locator("main form button").click();
        assertThat(citizen.locator("#verdict")).containsText("không khớp");
    }
}
