package vn.baucu.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;

import vn.baucu.platform.Role;
import vn.baucu.support.VillageElections;

/**
 * The Party committee's pages on a 390 px phone in real Chromium: a village's cell added through the form, its members
 * imported from an Excel CSV file, a congress convened, the roll taken and the list approved, so that the count forms
 * (figures, or pile by pile of ballot papers) are on the page. Then a citizen, signed in as nobody, opens the public
 * turnout page. Screenshots go to target/screenshots.
 */
class PartyAndPortalBrowserIT extends PhoneBrowserTest {

    @Test
    void thePartyCommitteeRunsACellOnAPhoneAndACitizenSeesTheTurnout() throws Exception {
        VillageElections.Built v = villageElections.frozen(60);
        Page page = signedIn(chromium.phone("vi"), testUsers.create(Role.PARTY_COMMITTEE, v.communeCode(), null));

        page.navigate(url("/party/cells?scope=" + v.communeCode()));
        assertThat(page.locator("h1")).isVisible();
        page.locator("#village").fill(v.villageCode());
        page.locator("#since").fill("2022-06-05");
        shot(page, "party-cells-vi.png");
        page.locator("#new-cell button[type=submit]").click();
        page.waitForURL("**/party/cells/*");
        assertThat(page.locator("#convene")).isVisible();

        // six full members from a spreadsheet's CSV (a BOM, semicolons); the file's wrong rows would be named by line
        Path file = importMembers(page, 6, "Đảng Viên Số ", ';');
        shot(page, "party-cell-vi.png");

        page.locator("#term").fill("2022-2025");
        page.locator("#heldOn").fill("2022-07-03");
        page.locator("#convene button[type=submit]").click();
        page.waitForURL("**/party/congresses/*");
        assertThat(page.locator("#attendance")).isVisible();
        shot(page, "party-congress-convened-vi.png");
        page.locator("#attendance button[type=submit]").click();
        assertThat(page.locator("#list-form")).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        shot(page, "party-congress-opened-vi.png");
        page.locator("#list-form input[name=nominee]").first().check();
        page.locator("#listFor").fill("6");
        page.locator("#list-form button[type=submit]").click();
        assertThat(page.locator("form.figures-form")).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        // counted from the papers, pile by pile: 5 papers agreeing, 1 disagreeing, all six issued by the count team
        page.locator("details.from-papers summary").click();
        assertThat(page.locator("form[id^=papers-]")).isVisible();
        page.locator("form[id^=papers-] input[name=participants]").fill("6");
        page.locator("form[id^=papers-] input[name=ballotsIssued]").fill("6");
        page.locator("form[id^=papers-] input[name=n-0]").fill("5");
        page.locator("form[id^=papers-] select[name^=m-0-]").selectOption("AGREE");
        page.locator("form[id^=papers-] input[name=n-1]").fill("1");
        page.locator("form[id^=papers-] select[name^=m-1-]").selectOption("DISAGREE");
        shot(page, "party-congress-papers-vi.png");
        page.waitForResponse(r -> r.url().endsWith("/ballots"),
                new Page.WaitForResponseOptions().setTimeout(90_000),
                () -> page.locator("form[id^=papers-] button[type=submit]").click());
        page.waitForLoadState();
        // a shared machine can take a while over the post and its redirect
        assertThat(page.locator("section[data-vote]")).hasAttribute("data-status", "ENTERED",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        assertThat(page.locator("#done")).isVisible();
        shot(page, "party-congress-vote-vi.png");
        Files.deleteIfExists(file);

        // the village's team opens the meeting and reports 20 of its 60 households at 9:00
        Page team = signedIn(chromium.phone("vi"), testUsers.create(Role.ELECTION_TEAM, v.villageCode(), null));
        team.navigate(url("/elections/" + v.electionId() + "/polling-day"));
        team.locator("#opened-by").fill("Trần Văn Tổ Trưởng");
        team.locator("#box-empty").check();
        team.locator("#open-form button[type=submit]").click();
        assertThat(team.locator("#done")).isVisible();
        team.locator("#slot").selectOption("09:00");
        team.locator("#voted").fill("20");
        team.locator("#turnout-form button[type=submit]").click();
        assertThat(team.locator("#latest")).containsText("20 (33.33%)");

        // the public turnout page: no login, a heading that says what it shows
        Page citizen = chromium.phone("vi").newPage();
        citizen.navigate(url("/portal/turnout"));
        assertThat(citizen.locator("h1")).isVisible();
        shot(citizen, "portal-turnout-vi.png");
        citizen.navigate(url("/portal/elections/" + v.electionId() + "/turnout"));
        assertThat(citizen.locator("h1")).containsText("Thôn Kiểm Phiếu");
        assertThat(citizen.locator("main")).containsText("20");
        assertThat(citizen.locator("main")).containsText("60");
        shot(citizen, "portal-election-turnout-vi.png");
    }

    /**
     * A delegates' congress on a phone (law.md §4 C case 29, small): a commune's Party organisation with 8 full members
     * convenes 6 full delegates (one of the convening committee) and 2 alternates; at the roll one delegate is away with
     * nobody in the seat and another is replaced by an alternate, so 6 are convened, 1 is taken out and 5 are present.
     */
    @Test
    void aDelegatesCongressIsConvenedAndItsRollTakenOnAPhone() throws Exception {
        VillageElections.Built v = villageElections.nominated(40);
        Page page = signedIn(chromium.phone("vi"), testUsers.create(Role.PARTY_COMMITTEE, v.communeCode(), null));
        page.navigate(url("/party/cells?scope=" + v.communeCode()));
        page.locator("#name").fill("Đảng bộ xã Kiểm Phiếu");
        page.locator("#since").fill("2022-06-05");
        page.locator("#new-cell button[type=submit]").click();
        page.waitForURL("**/party/cells/*");

        Files.deleteIfExists(importMembers(page, 8, "Đại Biểu Số ", ','));

        page.locator("#term").fill("2020-2025");
        page.locator("#heldOn").fill("2020-07-05");
        page.locator("#committeeSeats").fill("3");
        page.locator("#kind").selectOption("DELEGATES");
        page.locator("#delegates summary").click();
        var choices = page.locator("#delegates select");
        assertThat(choices).hasCount(8);
        choices.nth(0).selectOption("COMMITTEE");
        for (int i = 1; i < 6; i++) {
            choices.nth(i).selectOption("FULL");
        }
        choices.nth(6).selectOption("ALTERNATE");
        choices.nth(7).selectOption("ALTERNATE");
        shot(page, "party-delegates-convene-vi.png");
        page.locator("#convene button[type=submit]").click();
        page.waitForURL("**/party/congresses/*");
        assertThat(page.locator("#kind")).hasText("Đại hội đại biểu");
        // the roll: the 6 full delegates, the convening committee's member with no alternate to choose
        assertThat(page.locator("#attendance select[name^=m-]")).hasCount(6);
        assertThat(page.locator("#attendance select[name^=alt-]")).hasCount(5);
        page.locator("#attendance select[name^=m-]").nth(1).selectOption("ABSENT");
        page.locator("#attendance select[name^=m-]").nth(2).selectOption("ABSENT");
        page.locator("#attendance select[name^=alt-]").nth(1).selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Thay bằng Đại Biểu Số 7 (dự khuyết)"));
        shot(page, "party-delegates-attendance-vi.png");
        page.locator("#attendance button[type=submit]").click();
        assertThat(page.locator("#roll")).hasText("Đại biểu chính thức triệu tập 6; trừ 1 vắng cả đại hội không có người thay: 5; có mặt 5",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(30_000));
        shot(page, "party-delegates-opened-vi.png");
    }

    /** {@code n} full members imported on the cell's page from a CSV file as a spreadsheet writes it (with a BOM). */
    static Path importMembers(Page page, int n, String name, char separator) throws java.io.IOException {
        String s = String.valueOf(separator);
        StringBuilder csv = new StringBuilder("\uFEFF" + String.join(s, "Họ và tên", "Ngày sinh", "Số định danh cá nhân",
                "Loại đảng viên", "Miễn sinh hoạt") + "\n");
        long base = java.util.concurrent.ThreadLocalRandom.current().nextLong(100_000_000L, 900_000_000L);
        for (int i = 1; i <= n; i++) {
            csv.append(String.join(s, name + i, "04/03/1970", "022" + (base + i), "Chính thức", "")).append("\n");
        }
        Path file = Files.createTempFile("dang-vien", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        page.locator("#file").setInputFiles(file);
        page.locator("#import-members button[type=submit]").click();
        assertThat(page.locator("#members tbody tr")).hasCount(n,
                new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(30_000));
        return file;
    }
}
