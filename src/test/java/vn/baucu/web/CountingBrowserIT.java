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
class CountingBrowserIT extends PhoneBrowserTest {

    @Autowired
    org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails database;

    Page signedIn(String username) {
        return signedIn(chromium.phone("vi"), username);
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

    @Test
    void aDashboardUpdatesLiveWhenMinutesAreCertifiedInAnotherSession() throws Exception {
        VillageElections.Built v = villageElections.frozen(60);
        String commune = user(Role.COMMUNE_OFFICIAL, v.communeCode());
        Page phone = signedIn(commune);
        phone.navigate(url("/elections/" + v.electionId() + "/dashboard"));
        assertThat(phone.locator("#tile-minutes .big")).hasText("0/1");
        assertThat(phone.locator("#live")).hasAttribute("data-connected", "true");
        assertThat(phone.locator("#live-state")).hasText("Đang cập nhật trực tiếp");
        shot(phone, "dashboard-phone.png");
        Page desktop = signedIn(chromium.desktop("vi"), commune);
        desktop.navigate(url("/elections/" + v.electionId() + "/dashboard/screen"));
        assertThat(desktop.locator("#live")).hasAttribute("data-connected", "true");

        countOverTheApi(v, commune);

        // both open pages change by themselves, without a reload
        assertThat(phone.locator("#tile-minutes .big")).hasText("1/1");
        assertThat(phone.locator("#tile-outcomes .big")).hasText("1/1");
        assertThat(phone.locator("#attention li[data-kind='RECOGNITION_PENDING']")).hasCount(1);
        assertThat(desktop.locator("#tile-minutes .big")).hasText("1/1");
        org.assertj.core.api.Assertions.assertThat(Integer.parseInt(phone.locator("#live").getAttribute("data-reloads")))
                .isPositive();
        shot(phone, "dashboard-phone-live.png");
        shot(desktop, "dashboard-screen.png");
        desktop.navigate(url("/elections/" + v.electionId() + "/dashboard"));
        shot(desktop, "dashboard-desktop.png");
    }

    @Test
    void theLiveStreamAnnouncesACertificationOnEveryNode() throws Exception {
        VillageElections.Built v = villageElections.frozen(60);
        String commune = user(Role.COMMUNE_OFFICIAL, v.communeCode());
        // a second application node: its own listener on its own connection to the same database
        vn.baucu.platform.LiveChanges otherNode = new vn.baucu.platform.LiveChanges(jdbc, database);
        var heard = new java.util.concurrent.LinkedBlockingQueue<vn.baucu.platform.LiveChanges.Change>();
        otherNode.subscribeAll(heard::add);
        otherNode.start();
        var events = new java.util.concurrent.LinkedBlockingQueue<String>();
        var stream = http.sendAsync(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(
                        "/api/v1/elections/" + v.electionId() + "/live")))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (commune + ":" + vn.baucu.support.TestUsers.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header("Accept", "text/event-stream").build(), java.net.http.HttpResponse.BodyHandlers.ofLines());
        try {
            var response = stream.get(10, java.util.concurrent.TimeUnit.SECONDS);
            org.assertj.core.api.Assertions.assertThat(response.statusCode()).isEqualTo(200);
            org.assertj.core.api.Assertions.assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("text/event-stream");
            Thread reader = new Thread(() -> response.body().forEach(events::add));
            reader.setDaemon(true);
            reader.start();
            org.assertj.core.api.Assertions.assertThat(events.poll(10, java.util.concurrent.TimeUnit.SECONDS))
                    .isEqualTo("event:ready");
            for (int i = 0; i < 50 && !otherNode.listening(); i++) {
                Thread.sleep(100);
            }
            org.assertj.core.api.Assertions.assertThat(otherNode.listening()).isTrue();

            countOverTheApi(v, commune);

            String line;
            boolean changed = false;
            while ((line = events.poll(10, java.util.concurrent.TimeUnit.SECONDS)) != null) {
                if (line.equals("event:change")) {
                    changed = true;
                    break;
                }
            }
            org.assertj.core.api.Assertions.assertThat(changed).as("a change event on this node's stream").isTrue();
            // the other node heard the same election's changes: the two entries and the certification
            java.util.List<String> kinds = new java.util.ArrayList<>();
            vn.baucu.platform.LiveChanges.Change c;
            while ((c = heard.poll(5, java.util.concurrent.TimeUnit.SECONDS)) != null) {
                if (c.electionId() == v.electionId()) {
                    kinds.add(c.kind() + ":" + c.place());
                    if (kinds.size() == 3) {
                        break;
                    }
                }
            }
            org.assertj.core.api.Assertions.assertThat(kinds).containsExactly("MINUTES:" + v.villageCode(),
                    "MINUTES:" + v.villageCode(), "MINUTES:" + v.villageCode());
        } finally {
            otherNode.stop();
            stream.cancel(true);
        }
    }
}
