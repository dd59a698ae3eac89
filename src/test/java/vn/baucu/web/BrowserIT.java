package vn.baucu.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Page;

/**
 * Real Chromium on a phone-sized screen: sign in, search units without diacritics (htmx), open a
 * commune as of 2022 and add a village through the form. Screenshots go to target/screenshots.
 */
class BrowserIT extends PhoneBrowserTest {

    private Page phone(String language) {
        return chromium.phone(language).newPage();
    }

    private void signIn(Page page) {
        page.navigate("http://127.0.0.1:" + port + "/login");
        page.locator("#username").fill("admin");
        page.locator("#password").fill("admin-test-password");
        page.locator("main button[type=submit]").click();
        page.waitForURL("**/");
    }

    @Test
    void anOfficialFindsACommuneAndAddsAVillageOnAPhone() {
        Page page = phone("vi");
        signIn(page);
        assertThat(page.locator("header.national")).containsText("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        assertThat(page.locator(".session .unit")).hasText("Toàn quốc");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("home-vi.png")).setFullPage(true));

        page.navigate("http://127.0.0.1:" + port + "/units?asOf=2022-06-05");
        assertThat(page.locator("h2").first()).containsText("63");
        page.locator("#q").fill("phuc xa");
        assertThat(page.locator("#results")).containsText("Phường Phúc Xá");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("search-vi.png")).setFullPage(true));
        page.locator("#results a", new Page.LocatorOptions().setHasText("Phường Phúc Xá")).click();
        assertThat(page.locator("h1")).hasText("Phường Phúc Xá");
        assertThat(page.locator("body")).containsText("Phường Hồng Hà");

        String name = "Thôn Trình Duyệt " + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        page.locator("#c-name").fill(name);
        page.locator("#c-kind").selectOption("THON");
        page.locator("#c-households").fill("123");
        page.locator("#c-effective").fill("2022-01-15");
        page.locator("#c-name").press("Enter");
        assertThat(page.locator(".alert.ok")).containsText("Đã thêm");
        assertThat(page.locator("table")).containsText(name);
        assertThat(page.locator("#a-name")).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("commune-vi.png")).setFullPage(true));

        // rename it from 2023 on: the village page shows both versions
        page.locator("table a", new Page.LocatorOptions().setHasText(name)).click();
        assertThat(page.locator("h1")).hasText(name);
        page.locator("summary", new Page.LocatorOptions().setHasText("Đổi tên")).click();
        page.locator("#a-name").fill(name + " Mới");
        page.locator("#a-effective").fill("2023-01-01");
        page.locator("#a-name").press("Enter");
        assertThat(page.locator(".alert.ok")).containsText("Đã lưu");
        assertThat(page.locator("ol.history li")).hasCount(2);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("village-vi.png")).setFullPage(true));
        page.navigate("http://127.0.0.1:" + port + "/units/00001?asOf=2022-06-05");

        // the same name again is refused on the page, with the rule's code
        page.locator("#c-name").fill(name);
        page.locator("#c-kind").selectOption("THON");
        page.locator("#c-households").fill("5");
        page.locator("#c-effective").fill("2022-01-20");
        page.locator("#c-name").press("Enter");
        assertThat(page.locator("#form-errors")).containsText("G-206");
    }

    @Test
    void aJournalistChecksAVillageResultWithoutSigningIn() {
        Page page = phone("vi");
        page.navigate("http://127.0.0.1:" + port + "/portal/evaluation");
        page.locator("#ruleSet").selectOption("VILLAGE_HEAD_2023");
        page.locator("#electorate").fill("310");
        page.locator("#participants").fill("216");
        page.locator("#ballotsIssued").fill("216");
        page.locator("#ballotsReturned").fill("216");
        page.locator("#validBallots").fill("210");
        page.locator("#invalidBallots").fill("6");
        page.locator("input[name=name]").first().fill("Nguyễn Văn Hùng");
        page.locator("input[name=votes]").first().fill("110");
        page.locator("form button[type=submit]").click();
        assertThat(page.locator("#result h2")).hasText("Không ai trúng cử");
        assertThat(page.locator("#result")).containsText("35.48");
        assertThat(page.locator("#result")).containsText("Luật 10/2022/QH15, Điều 21 khoản 1");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("calculator-vi.png")).setFullPage(true));
    }

    @Test
    void theSameJourneyInEnglish() {
        Page page = phone("en");
        signIn(page);
        assertThat(page.locator("header.national")).containsText("SOCIALIST REPUBLIC OF VIETNAM");
        page.navigate("http://127.0.0.1:" + port + "/units");
        assertThat(page.locator("h2").first()).containsText("34 provinces");
        page.locator("a", new Page.LocatorOptions().setHasText("VI")).first().click();
        assertThat(page.locator("h2").first()).containsText("34 tỉnh");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("units-switched-vi.png")).setFullPage(true));
    }

    /** Election, polling area and a two-person list through the API, as the set-up of a page journey. */
    private long voterList(Page page) {
        var api = page.context().request();
        var auth = com.microsoft.playwright.options.RequestOptions.create().setHeader("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString("admin:admin-test-password".getBytes()));
        String base = "http://127.0.0.1:" + port;
        String e = api.post(base + "/api/v1/elections", auth.setHeader("Content-Type", "application/json").setData(
                "{\"kind\":\"NATIONAL_ASSEMBLY\",\"ruleSet\":\"NATIONAL_ASSEMBLY_2025\",\"name\":\"QH trình duyệt\","
                        + "\"term\":\"2027-2032\",\"electionDay\":\"2027-05-23\"}")).text();
        long election = Long.parseLong(e.replaceAll(".*?\"id\":(\\d+).*", "$1"));
        int number = 100_000 + (int) (Math.random() * 800_000);
        String a = api.post(base + "/api/v1/communes/06709/polling-areas", auth.setData("{\"pollingDay\":\"2027-05-23\","
                + "\"number\":" + number + ",\"name\":\"KV Trình duyệt " + number + "\",\"voters\":800}")).text();
        String area = a.replaceAll(".*?\"id\":(\\d+).*", "$1");
        String suffix = String.format("%06d", number % 1_000_000);
        String csv = "Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân\nĐinh Thị Thu,01/01/1990,Nữ,022190" + suffix
                + "\nTrần Văn Bảy,02/02/1980,Nam,022080" + suffix + "\n";
        var upload = com.microsoft.playwright.options.RequestOptions.create()
                .setHeader("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:admin-test-password".getBytes()))
                .setMultipart(com.microsoft.playwright.options.FormData.create().set("pollingArea", area)
                        .set("file", new com.microsoft.playwright.options.FilePayload("kv.csv", "text/csv",
                                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        var imported = api.post(base + "/api/v1/elections/" + election + "/voter-lists", upload);
        org.assertj.core.api.Assertions.assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        return election;
    }

    @Test
    void aClerkStrikesAVoterOffAndAnswersAComplaintOnAPhone() {
        Page page = phone("vi");
        signIn(page);
        long election = voterList(page);
        page.navigate("http://127.0.0.1:" + port + "/elections/" + election + "/voter-lists");
        page.locator("#lists a").first().click();
        assertThat(page.locator("#entries")).containsText("Đinh Thị Thu");
        page.locator("#entries tr", new Page.LocatorOptions().setHasText("Đinh Thị Thu")).locator("summary").click();
        page.locator("#entries tr", new Page.LocatorOptions().setHasText("Đinh Thị Thu")).locator("select[name=reason]").first()
                .selectOption("DIED");
        page.locator("#entries tr", new Page.LocatorOptions().setHasText("Đinh Thị Thu")).locator("input[name=reasonText]").first()
                .fill("Giấy chứng tử 05/2027");
        page.locator("#entries tr", new Page.LocatorOptions().setHasText("Đinh Thị Thu"))
                .locator("button", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("Xóa tên")).click();
        assertThat(page.locator(".alert.ok")).containsText("Đã xóa tên");
        assertThat(page.locator("#changes")).containsText("Đã chết");
        page.locator("summary", new Page.LocatorOptions().setHasText("Nhận khiếu nại")).click();
        page.locator("#k-who").fill("Trần Văn Bảy");
        page.locator("#k-what").fill("Sai năm sinh");
        page.locator("button", new Page.LocatorOptions().setHasText("Ghi nhận khiếu nại")).click();
        assertThat(page.locator("#complaints")).containsText("Sai năm sinh");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("voter-list-vi.png")).setFullPage(true));
        org.assertj.core.api.Assertions.assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
                .as("nothing wider than the phone but the scrolling tables").isLessThanOrEqualTo(390);
    }

    @Test
    void aCommuneBuildsAVillageCandidateListOnAPhone() {
        Page page = phone("vi");
        signIn(page);
        var api = page.context().request();
        var auth = com.microsoft.playwright.options.RequestOptions.create()
                .setHeader("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:admin-test-password".getBytes()))
                .setHeader("Content-Type", "application/json");
        String base = "http://127.0.0.1:" + port;
        String v = api.post(base + "/api/v1/admin-units/06709/villages", auth.setData("{\"name\":\"Thôn Điện Thoại "
                + UUID.randomUUID().toString().substring(0, 4) + "\",\"kind\":\"thôn\",\"households\":80,\"effective\":\"2025-07-01\"}")).text();
        String village = v.replaceAll(".*\"code\":\"([^\"]+)\".*", "$1");
        String e = api.post(base + "/api/v1/elections", auth.setData("{\"kind\":\"VILLAGE_HEAD\",\"ruleSet\":\"VILLAGE_HEAD_2023\","
                + "\"name\":\"Bầu trưởng thôn\",\"term\":\"2027-2029\",\"electionDay\":\"2027-06-06\",\"scopeCode\":\"06709\"}")).text();
        long election = Long.parseLong(e.replaceAll(".*?\"id\":(\\d+).*", "$1"));

        page.navigate(base + "/elections/" + election + "/candidates?q=" + village);
        page.locator("#contests a").first().click();
        page.locator("summary", new Page.LocatorOptions().setHasText("Giới thiệu người ứng cử")).click();
        page.locator("#n-name").fill("Nông Thị Ước");
        page.locator("#n-birth").fill("1979-09-09");
        page.locator("#n-sex").selectOption("F");
        page.locator("#n-eth").fill("Tày");
        page.locator("button", new Page.LocatorOptions().setHasText("Ghi nhận người ứng cử")).click();
        assertThat(page.locator(".alert.ok")).containsText("Đã ghi nhận người ứng cử");
        page.locator("#front-meeting summary").click();
        page.locator("#m-held").fill("2027-05-10");
        page.locator("#m-att").fill("9");
        page.locator("#m-chair").fill("Lục Văn Chủ Trì");
        page.locator("#front-meeting input[name=candidateIds]").first().check();
        page.locator("#m-agreed").check();
        page.locator("#m-agreed-on").fill("2027-05-11");
        page.locator("#m-sent").fill("2027-05-12");
        page.locator("button", new Page.LocatorOptions().setHasText("Ghi nhận biên bản")).click();
        assertThat(page.locator("#front-meeting")).containsText("Nông Thị Ước");
        page.locator("button", new Page.LocatorOptions().setHasText("Lập danh sách chính thức")).click();
        assertThat(page.locator("#candidates")).containsText("Trong danh sách chính thức");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("village-candidates-vi.png")).setFullPage(true));
        org.assertj.core.api.Assertions.assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(390);
    }
}
