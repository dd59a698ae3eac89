package vn.baucu.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * What every browser test shares: the application on a random port, one Debian Chromium for the class, pages on a
 * 390 px phone (or a desktop), signing in through the login form, and full-page screenshots in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PhoneBrowserTest {

    static final Path SHOTS = Paths.get("target/screenshots");

    @LocalServerPort
    int port;

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
}
