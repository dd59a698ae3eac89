package vn.baucu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import vn.baucu.geography.UnitLevel;

/**
 * Every UI string comes from the message bundles, in both languages: no hard-coded text in templates,
 * no key missing on either side, no key used in a template or in Java that the bundles lack.
 */
class I18nTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path TEMPLATES = RESOURCES.resolve("templates");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)");
    private static final Pattern JAVA_KEY = Pattern.compile(
            "\"((?:unit|village|file|problem|user|login|error|role|level|link|election|resolution|polling-area|body|candidate|calendar|evaluation|minutes|list|voter|composition|conference)\\.[a-z0-9.\\-]+)\"");

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> vi = load("messages.properties").stringPropertyNames();
        Set<String> en = load("messages_en.properties").stringPropertyNames();
        assertThat(difference(vi, en)).as("keys in Vietnamese but not in English").isEmpty();
        assertThat(difference(en, vi)).as("keys in English but not in Vietnamese").isEmpty();
    }

    /** Every message goes through MessageFormat (spring.messages.always-use-message-format), so ' must be ''. */
    @Test
    void apostrophesAreDoubled() throws IOException {
        for (String bundle : List.of("messages.properties", "messages_en.properties")) {
            Properties p = load(bundle);
            assertThat(p.stringPropertyNames().stream().filter(k -> p.getProperty(k).matches(".*(?<!')'(?!').*")))
                    .as("single apostrophes in " + bundle).isEmpty();
        }
    }

    @Test
    void noEmptyMessages() throws IOException {
        for (String bundle : List.of("messages.properties", "messages_en.properties")) {
            Properties p = load(bundle);
            assertThat(p.stringPropertyNames().stream().filter(k -> p.getProperty(k).isBlank()))
                    .as("empty messages in " + bundle).isEmpty();
        }
    }

    @Test
    void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        for (Path template : templates()) {
            collect(TEMPLATE_KEY, Files.readString(template), keys, missing, template.toString());
        }
        try (Stream<Path> java = Files.walk(Path.of("src/main/java"))) {
            for (Path source : java.filter(p -> p.toString().endsWith(".java")).toList()) {
                collect(JAVA_KEY, Files.readString(source), keys, missing, source.toString());
            }
        }
        for (Role role : Role.values()) {
            if (!keys.contains("role." + role)) {
                missing.add("role." + role);
            }
        }
        for (UnitLevel level : UnitLevel.values()) {
            if (!keys.contains("level." + level)) {
                missing.add("level." + level);
            }
        }
        for (vn.baucu.rules.Eligibility.Exclusion e : vn.baucu.rules.Eligibility.Exclusion.values()) {
            if (!keys.contains("candidate.excluded." + e)) {
                missing.add("candidate.excluded." + e);
            }
        }
        for (DomainException.Kind kind : DomainException.Kind.values()) {
            if (!keys.contains("problem.title." + kind.slug)) {
                missing.add("problem.title." + kind.slug);
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesHaveNoHardCodedText() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path template : templates()) {
            Document doc = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
            for (Element e : doc.getAllElements()) {
                if (e.tagName().equals("style") || e.tagName().equals("script")) {
                    continue; // CSS and scripts are not UI text
                }
                for (TextNode text : e.textNodes()) {
                    if (LETTER.matcher(text.text()).find() && !replaced(e)) {
                        offences.add(TEMPLATES.relativize(template) + ": <" + e.tagName() + "> \"" + text.text().strip() + "\"");
                    }
                }
                for (String attribute : List.of("placeholder", "title", "alt", "aria-label", "value")) {
                    if (e.hasAttr(attribute) && LETTER.matcher(e.attr(attribute)).find()
                            && !e.hasAttr("th:" + attribute) && !attribute.equals("value")) {
                        offences.add(TEMPLATES.relativize(template) + ": " + attribute + "=\"" + e.attr(attribute) + "\"");
                    }
                }
            }
        }
        assertThat(offences).as("hard-coded UI text; use th:text=\"#{key}\"").isEmpty();
    }

    /** Text whose element, or an ancestor, is replaced by Thymeleaf is only a design-time placeholder. */
    private static boolean replaced(Element e) {
        for (Element x = e; x != null; x = x.parent()) {
            if (x.hasAttr("th:text") || x.hasAttr("th:utext") || x.hasAttr("th:replace") || x.hasAttr("th:insert")) {
                return true;
            }
        }
        return false;
    }

    private static void collect(Pattern pattern, String text, Set<String> keys, Set<String> missing, String where) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String key = m.group(1);
            if (!keys.contains(key) && !key.endsWith(".")) {
                missing.add(key + " (" + where + ")");
            }
        }
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> s = Files.walk(TEMPLATES)) {
            return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
