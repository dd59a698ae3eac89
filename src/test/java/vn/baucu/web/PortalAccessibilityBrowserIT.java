package vn.baucu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import vn.baucu.platform.Role;
import vn.baucu.support.Axe;
import vn.baucu.support.VillageElections;

/**
 * Every public page, in Vietnamese and in English on a 390 px phone in real Chromium, checked with axe-core against
 * WCAG 2.1 A and AA (headings, labels, names of links and buttons, contrast, language of the page, tables): a village
 * whose team opened the meeting and reported turnout, whose minutes were entered twice, certified and published. Each
 * page must also have one {@code h1} that says what it shows. Screenshots go to target/screenshots.
 */
class PortalAccessibilityBrowserIT extends PhoneBrowserTest {

    @Test
    void everyPublicPageIsReadableWithAScreenReaderInBothLanguages() throws Exception {
        VillageElections.Built v = villageElections.frozen(60);
        String team = user(Role.ELECTION_TEAM, v.villageCode());
        String commune = user(Role.COMMUNE_OFFICIAL, v.communeCode());
        String day = jdbc.sql("select election_day from election where id = :e").param("e", v.electionId())
                .query(String.class).single();
        String place = "/api/v1/elections/" + v.electionId() + "/polling-day/" + v.villageCode();
        send("POST", place + "/opening", team, """
                {"at":"%sT07:00:00","openedBy":"Trần Văn Tổ Trưởng","boxShownEmpty":true}""".formatted(day),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        send("POST", place + "/turnout", team, "{\"slot\":\"09:00\",\"voted\":20}",
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        countOverTheApi(v, commune);
        send("POST", "/api/v1/elections/" + v.electionId() + "/results/publications", commune, null, Map.of());
        String sha = jdbc.sql("select v.sha256 from minutes_version v join minutes m on m.id = v.minutes_id"
                + " where m.election_id = :e").param("e", v.electionId()).query(String.class).single();

        List<String> pages = List.of(
                "/",
                "/login",
                "/portal/results",
                "/portal/results/" + v.electionId(),
                "/portal/results/" + v.electionId() + "/units/" + v.communeCode(),
                "/portal/results/" + v.electionId() + "/contests/" + v.villageCode(),
                "/portal/verify",
                "/portal/verify?sha256=" + sha,
                "/portal/verify?sha256=" + "0".repeat(64),
                "/portal/elections/" + v.electionId() + "/contests/" + v.villageCode(),
                "/portal/turnout",
                "/portal/elections/" + v.electionId() + "/turnout",
                "/portal/lookup",
                "/portal/evaluation");
        List<String> problems = check(pages, null);
        assertThat(problems).as("axe-core " + Axe.VERSION + ", WCAG 2.1 A and AA").isEmpty();
    }

    /**
     * The officials' pages of the same village election on a phone, signed in as the commune's official, in both
     * languages: the election, its candidates, lists, polling day, minutes, dashboard, results and units; then the
     * village team's pages and the commune Party committee's.
     */
    @Test
    void theOfficialsPagesAreReadableWithAScreenReaderToo() throws Exception {
        VillageElections.Built v = villageElections.frozen(60);
        String commune = user(Role.COMMUNE_OFFICIAL, v.communeCode());
        countOverTheApi(v, commune);
        String e = "/elections/" + v.electionId();
        List<String> pages = List.of("/", "/elections", e, e + "/candidates", e + "/contests/" + v.villageCode() + "/candidates",
                e + "/consultations", e + "/organisations", e + "/voter-lists", e + "/polling-day",
                e + "/polling-day/" + v.villageCode(), e + "/contests/" + v.villageCode() + "/minutes", e + "/dashboard",
                e + "/results", "/units", "/units/" + v.communeCode());
        List<String> problems = new ArrayList<>(check(pages, commune));
        // the team's phone pages, and the Party committee's
        problems.addAll(check(List.of("/", e + "/polling-day", e + "/polling-day/" + v.villageCode(),
                e + "/contests/" + v.villageCode() + "/minutes"), user(Role.ELECTION_TEAM, v.villageCode())));
        problems.addAll(check(List.of("/party/cells?scope=" + v.communeCode(), "/party/unified-post?scope=" + v.communeCode()),
                user(Role.PARTY_COMMITTEE, v.communeCode())));
        assertThat(problems).as("axe-core " + Axe.VERSION + ", WCAG 2.1 A and AA").isEmpty();
    }

    /** Each page in Vietnamese and in English, signed in as {@code username} (null: nobody): what axe finds. */
    private List<String> check(List<String> pages, String username) throws Exception {
        List<String> problems = new ArrayList<>();
        for (String language : List.of("vi", "en")) {
            BrowserContext context = chromium.phone(language);
            Page page = username == null ? context.newPage() : signedIn(context, username);
            for (String path : pages) {
                var response = page.navigate(url(path));
                assertThat(response.status()).as(path).isEqualTo(200);
                assertThat(page.locator("h1").count()).as("one h1 on " + path).isEqualTo(1);
                assertThat(page.locator("h1").innerText()).as("the h1 of " + path).isNotBlank();
                assertThat(page.locator("html").getAttribute("lang")).as("the language of " + path).isEqualTo(language);
                for (String violation : Axe.violations(page)) {
                    problems.add(language + " " + path + ": " + violation);
                }
            }
            shot(page, (username == null ? "portal" : "official") + "-last-axe-" + language + ".png");
            context.close();
        }
        return problems;
    }
}
