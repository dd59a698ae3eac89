package vn.baucu.support;

import java.nio.file.Paths;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/** Debian's Chromium driven by Playwright (never a downloaded browser), and phone-sized contexts of it. */
public final class Chromium implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;

    public Chromium() {
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getProperty("baucu.chromium", "/usr/bin/chromium")))
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-quic")));
    }

    /** A 390 × 844 phone in the given language. */
    public BrowserContext phone(String language) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale(language)
                .setExtraHTTPHeaders(java.util.Map.of("Accept-Language", language)));
    }

    /** A 1366 × 900 desktop screen in the given language. */
    public BrowserContext desktop(String language) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900).setLocale(language)
                .setExtraHTTPHeaders(java.util.Map.of("Accept-Language", language)));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
