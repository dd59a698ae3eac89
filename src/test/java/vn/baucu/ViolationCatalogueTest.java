package vn.baucu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.baucu.rules.ViolationCode;

/**
 * The one catalogue of violation codes is complete and in step: every code the sources report is listed with the
 * message it is used with, every listed code is used and has its messages in Vietnamese and English, and
 * {@code docs/violation-codes.md} is the page generated from it ({@code -Dgolden.update=true} rewrites it).
 */
class ViolationCatalogueTest {

    static final Path DOC = Path.of("docs/violation-codes.md");
    /** A code literal followed, within the same call, by a message key literal. */
    static final String CODE = "\"([A-Z]{1,5}-\\d{3}|[A-Z]+(?:_[A-Z0-9]+)+)\"";
    static final Pattern USE = Pattern.compile(CODE + "\\s*,((?:(?!" + CODE.replace("(", "(?:").replace("(?:?:", "(?:")
            + ")[^;]){0,220}?)"
            + "\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+\\.?)\"", Pattern.DOTALL);
    /** The call that reports it: a violation, finding or import issue made, or a helper that makes one. */
    static final Pattern CALL = Pattern.compile("\\b(of|atRow|Violation|error|warning|warn|add|fileProblem|Issue)\\("
            + "[^;(]{0,50}(\\([^;()]*\\)[^;(]{0,30})?$");

    @Test
    void everyCodeTheSourcesReportIsListedWithTheMessageItIsUsedWith() throws IOException {
        Map<String, List<String>> used = uses();
        assertThat(used).as("codes found in the sources").hasSizeGreaterThan(100);
        List<String> problems = new ArrayList<>();
        used.forEach((code, keys) -> {
            var listed = ViolationCode.of(code);
            if (listed.isEmpty()) {
                problems.add(code + " is reported but not in ViolationCode");
            } else {
                keys.stream().filter(k -> !listed.get().hasMessage(k))
                        .forEach(k -> problems.add(code + " is used with " + k + " but means " + listed.get().messageKeys()));
            }
        });
        assertThat(problems).isEmpty();
        assertThat(Arrays.stream(ViolationCode.values()).map(ViolationCode::code).filter(c -> !used.containsKey(c)))
                .as("listed codes that nothing reports").isEmpty();
    }

    @Test
    void everyMessageExistsInVietnameseAndEnglish() throws IOException {
        for (String bundle : List.of("messages.properties", "messages_en.properties")) {
            Properties p = new Properties();
            try (var in = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources", bundle)), StandardCharsets.UTF_8)) {
                p.load(in);
            }
            for (ViolationCode c : ViolationCode.values()) {
                for (String key : c.messageKeys()) {
                    assertThat(key.endsWith(".") ? p.stringPropertyNames().stream().anyMatch(k -> k.startsWith(key))
                            : p.containsKey(key)).as(bundle + ": " + c.code() + " " + key).isTrue();
                }
            }
        }
    }

    @Test
    void aCodeIsRefusedWithAnotherCodesMessage() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> vn.baucu.rules.Finding.error("K-101", "x", "candidate.name-required"))
                .hasMessageContaining("K-101");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> vn.baucu.platform.Violation.of("K-999", "x", "election.required"))
                .hasMessageContaining("not in the catalogue");
    }

    @Test
    void theDocumentedPageIsGeneratedFromTheCatalogue() throws IOException {
        String page = page();
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(DOC, page, StandardCharsets.UTF_8);
        }
        assertThat(DOC).as("regenerate with -Dgolden.update=true").exists();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8)).isEqualTo(page);
    }

    static String page() throws IOException {
        Properties vi = new Properties();
        Properties en = new Properties();
        try (var a = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources/messages.properties")), StandardCharsets.UTF_8);
             var b = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources/messages_en.properties")), StandardCharsets.UTF_8)) {
            vi.load(a);
            en.load(b);
        }
        Map<String, String> families = new LinkedHashMap<>();
        families.put("A", "Khu vực bỏ phiếu — polling areas");
        families.put("B", "Đại hội chi bộ — Party cell congresses");
        families.put("C", "Lịch bầu cử — legal calendar");
        families.put("D", "Ngày bỏ phiếu — polling day");
        families.put("E", "Đánh giá kết quả (hợp đồng contest-evaluation) — contest evaluation input");
        families.put("F", "Tệp nhập — imported files");
        families.put("G", "Thôn, tổ dân phố — villages");
        families.put("H", "Kết quả, công nhận, bầu lại và bầu thêm — results, recognition and follow-up elections");
        families.put("K", "Người ứng cử, hiệp thương — candidates and consultations");
        families.put("L", "Cuộc bầu cử, danh sách — elections and candidate lists");
        families.put("M", "Biên bản kiểm phiếu — counting minutes (errors)");
        families.put("O", "Tổ chức phụ trách bầu cử — election bodies");
        families.put("P", "Yêu cầu — request format");
        families.put("Q", "Cơ cấu, thành phần — composition");
        families.put("R", "Nghị quyết đơn vị bầu cử — electoral units and resolutions");
        families.put("SCOPE", "Phạm vi — election scope");
        families.put("U", "Người dùng — users");
        families.put("V", "Hội nghị cử tri — voter conferences");
        families.put("W", "Cảnh báo cần giải trình — warnings that need an explanation");
        families.put("", "Danh sách cử tri (tên mã theo contracts/voter-list-format.md) — voter lists");
        Map<String, List<ViolationCode>> byFamily = new TreeMap<>();
        for (ViolationCode c : ViolationCode.values()) {
            String f = c.code().contains("-") ? c.code().substring(0, c.code().indexOf('-')) : "";
            byFamily.computeIfAbsent(f, k -> new ArrayList<>()).add(c);
        }
        StringBuilder out = new StringBuilder("""
                # Mã vi phạm — violation codes

                Generated from `vn.baucu.rules.ViolationCode` by `ViolationCatalogueTest` (`mvn test
                -Dtest=ViolationCatalogueTest -Dgolden.update=true` rewrites it); do not edit by hand. Every problem
                baucu reports — in an API problem's `violations`, an import report's `errors`, or on a page — carries one
                of these codes, and a code means one thing only. Errors block; warnings (W) ask for a written
                explanation. `{0}`… are filled in with the case's values.

                """);
        assertThat(families.keySet()).as("every family of codes has a section").containsAll(byFamily.keySet());
        for (var f : families.entrySet()) {
            List<ViolationCode> codes = byFamily.get(f.getKey());
            if (codes == null) {
                continue;
            }
            out.append("## ").append(f.getKey().isEmpty() ? "" : f.getKey() + " — ").append(f.getValue()).append("\n\n")
                    .append("| code | | message (vi) | message (en) | legal basis |\n|---|---|---|---|---|\n");
            for (ViolationCode c : codes) {
                String key = c.messageKeys().get(0);
                String v = key.endsWith(".") ? firstWithPrefix(vi, key) : vi.getProperty(key);
                String e = key.endsWith(".") ? firstWithPrefix(en, key) : en.getProperty(key);
                out.append("| `").append(c.code()).append("` | ").append(c.severity() == ViolationCode.Severity.WARNING ? "W" : "")
                        .append(" | ").append(cell(v)).append(" | ").append(cell(e)).append(" | ").append(cell(c.legalBasis()))
                        .append(" |\n");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String firstWithPrefix(Properties p, String prefix) {
        return p.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).sorted().findFirst().map(p::getProperty)
                .orElse("") + " …";
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("''", "'").replace("|", "\\|").replace("\n", " ");
    }

    /** Every code reported in src/main, with the message keys it is reported with. */
    static Map<String, List<String>> uses() throws IOException {
        Map<String, TreeSet<String>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String s = Files.readString(file, StandardCharsets.UTF_8);
                Matcher m = USE.matcher(s);
                while (m.find()) {
                    String before = s.substring(Math.max(0, m.start() - 60), m.start()).replace('\n', ' ');
                    if (CALL.matcher(before).find()) {
                        found.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(3));
                    }
                }
                // codes chosen by a condition: "A" : "B" next to their keys
                Matcher t = Pattern.compile("\\? \"([A-Z]-\\d{3})\" : \"([A-Z]-\\d{3})\",[^;]{0,80}?\\? \"([a-z.-]+)\" : \"([a-z.-]+)\"",
                        Pattern.DOTALL).matcher(s);
                while (t.find()) {
                    found.computeIfAbsent(t.group(1), k -> new TreeSet<>()).add(t.group(3));
                    found.computeIfAbsent(t.group(2), k -> new TreeSet<>()).add(t.group(4));
                }
            }
        }
        Map<String, List<String>> out = new TreeMap<>();
        found.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }
}
