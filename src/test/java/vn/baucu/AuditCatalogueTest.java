package vn.baucu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.baucu.audit.AuditAction;

/**
 * The one catalogue of audit actions is complete and in step: every action the sources record is listed (the
 * voter-list changes are recorded as {@code VOTER_LIST_} + their kind), every listed action is recorded somewhere,
 * and {@code docs/audit-events.md} is generated from it ({@code -Dgolden.update=true} rewrites it).
 */
class AuditCatalogueTest {

    static final Path DOC = Path.of("docs/audit-events.md");
    static final Pattern RECORD = Pattern.compile("(?:audit\\.record|recordAs|recordOnItsOwn)\\([^;]*?\"([A-Z][A-Z_]+)\"");
    static final Pattern OTHERWISE = Pattern.compile("(?:audit\\.record|recordAs|recordOnItsOwn)\\([^;]*?\\? \"[A-Z_]+\" : \"([A-Z_]+)\"");
    static final Pattern CHANGE_KIND = Pattern.compile("\\brecord\\(\\w+, \\w+, \"([A-Z]+)\"");
    static final Pattern SIGN_IN = Pattern.compile("case \\w+ -> \"([A-Z_]+)\"");

    @Test
    void everyRecordedActionIsListedAndEveryListedOneIsRecorded() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String s = Files.readString(f, StandardCharsets.UTF_8);
                boolean signIns = f.endsWith("PlatformEventsAudit.java");
                for (Pattern p : signIns ? new Pattern[] {RECORD, OTHERWISE, SIGN_IN} : new Pattern[] {RECORD, OTHERWISE}) {
                    Matcher m = p.matcher(s);
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
                Matcher k = CHANGE_KIND.matcher(s);
                while (k.find()) {
                    used.add("VOTER_LIST_" + k.group(1));
                }
            }
        }
        used.removeIf(a -> a.endsWith("_") || !a.contains("_") && !a.equals("CONSULTATION"));
        Set<String> listed = Arrays.stream(AuditAction.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
        assertThat(used).as("recorded but not in AuditAction").isSubsetOf(listed);
        assertThat(listed).as("in AuditAction but never recorded").isSubsetOf(used);
    }

    @Test
    void theDocumentedPageIsGeneratedFromTheCatalogue() throws IOException {
        StringBuilder out = new StringBuilder("""
                # Sự kiện nhật ký kiểm toán — audit events

                Generated from `vn.baucu.audit.AuditAction` by `AuditCatalogueTest` (`-Dgolden.update=true` rewrites it);
                do not edit by hand. Each entry of the audit log records who (`actor`), when, the action below, its
                subject and unit, and its details; entries are hash-chained (each carries the SHA-256 of the previous
                one) and the table refuses UPDATE and DELETE. A change is recorded in the transaction of the change, so
                an audit failure fails the change; reads of personal data and sign-in events are recorded too (a failed
                sign-in or a refused import in a transaction of its own, since nothing else commits).

                """);
        Map<AuditAction.Kind, String> titles = Map.of(AuditAction.Kind.ACCOUNT, "Tài khoản, đăng nhập — accounts and sign-in",
                AuditAction.Kind.CHANGE, "Thay đổi dữ liệu bầu cử — changes to election data",
                AuditAction.Kind.READ, "Đọc dữ liệu cá nhân — reads of personal data");
        for (AuditAction.Kind kind : AuditAction.Kind.values()) {
            out.append("## ").append(titles.get(kind)).append("\n\n| action | meaning |\n|---|---|\n");
            Arrays.stream(AuditAction.values()).filter(a -> a.kind() == kind)
                    .forEach(a -> out.append("| `").append(a.name()).append("` | ").append(a.meaning()).append(" |\n"));
            out.append('\n');
        }
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(DOC, out.toString(), StandardCharsets.UTF_8);
        }
        assertThat(DOC).as("regenerate with -Dgolden.update=true").exists();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8)).isEqualTo(out.toString());
    }
}
