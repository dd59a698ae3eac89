package vn.baucu.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import com.microsoft.playwright.Page;

/**
 * axe-core, the accessibility engine, run inside a page of the browser tests. It comes from npm, installed by
 * {@code bin/test} in {@code ~/.cache/baucu/axe-core-4.14.1} (pinned by version and SHA-256; {@code -Dbaucu.axe} names
 * another copy). A page's Content-Security-Policy forbids inline scripts, so the engine is evaluated through the
 * browser's debugging protocol, as a test tool, without loosening the policy the page is served with.
 */
public final class Axe {

    public static final String VERSION = "4.14.1";

    /** The WCAG 2.0 and 2.1 rules at levels A and AA (axe's tags). */
    private static final String RUN = """
            async () => {
              const r = await axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                resultTypes: ['violations']});
              return r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' | '
                  + v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' '))
                      .join(' ; '));
            }""";

    private static String source;

    private Axe() {
    }

    private static synchronized String source() throws java.io.IOException {
        if (source == null) {
            Path js = Paths.get(System.getProperty("baucu.axe", System.getProperty("user.home") + "/.cache/baucu/axe-core-"
                    + VERSION + "/node_modules/axe-core/axe.min.js"));
            if (!Files.isRegularFile(js)) {
                throw new IllegalStateException("axe-core " + VERSION + " is not at " + js
                        + ": bin/test installs it (npm install --prefix ~/.cache/baucu/axe-core-" + VERSION + " axe-core@"
                        + VERSION + ")");
            }
            source = Files.readString(js);
        }
        return source;
    }

    /**
     * The WCAG 2.1 A and AA violations axe finds in the page as it is now, one line each: the rule, its impact, what it
     * asks, and the first elements that break it with why.
     */
    @SuppressWarnings("unchecked")
    public static List<String> violations(Page page) throws java.io.IOException {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            page.evaluate("() => { " + source() + "\n}");
        }
        return (List<String>) page.evaluate(RUN);
    }
}
