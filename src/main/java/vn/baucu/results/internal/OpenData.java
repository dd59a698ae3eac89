package vn.baucu.results.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.baucu.counting.CountingMinutes;
import vn.baucu.platform.CellText;
import vn.baucu.platform.Inputs;

/**
 * The open-data download of one published snapshot: the results document exactly as published ({@code results.json})
 * and as CSV, every certified minutes it relies on exactly as hashed ({@code minutes/<sha256>.json}), all minutes
 * flattened into {@code counting-minutes.csv}, and {@code manifest.json} with the SHA-256 and size of every file. Enough for
 * anyone to recompute every total and outcome ({@code java -jar baucu.jar verify <download>}); nothing unpublished,
 * no personal data.
 */
@Component
class OpenData {

    private final Snapshots snapshots;
    private final CountingMinutes minutes;
    private final JsonMapper json;

    OpenData(Snapshots snapshots, CountingMinutes minutes, JsonMapper json) {
        this.snapshots = snapshots;
        this.minutes = minutes;
        this.json = json;
    }

    byte[] download(Snapshots.Snapshot s) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("results.json", s.document().getBytes(StandardCharsets.UTF_8));
        files.put("results.csv", snapshots.csv(s).getBytes(StandardCharsets.UTF_8));
        JsonNode doc = json.readTree(s.document());
        StringBuilder csv = new StringBuilder("sha256,place,level,polling_area,version,electorate,participants,"
                + "ballots_issued,ballots_returned,valid_ballots,invalid_ballots,candidate_id,candidate,votes,counted\n");
        for (JsonNode c : doc.get("contests")) {
            for (JsonNode m : c.get("minutes")) {
                String sha = m.get("sha256").asString();
                String canonical = minutes.certifiedBySha(sha).orElse(null);
                if (canonical == null || files.containsKey("minutes/" + sha + ".json")) {
                    continue;
                }
                files.put("minutes/" + sha + ".json", canonical.getBytes(StandardCharsets.UTF_8));
                JsonNode data = json.readTree(canonical);
                JsonNode f = data.get("figures");
                for (JsonNode k : data.get("candidates")) {
                    csv.append(sha).append(',').append(cell(c.get("place").asString())).append(',')
                            .append(m.get("level").asString()).append(',').append(text(m.get("pollingArea"))).append(',')
                            .append(text(m.get("version"))).append(',').append(text(f.get("electorate"))).append(',')
                            .append(text(f.get("participants"))).append(',').append(text(f.get("ballotsIssued"))).append(',')
                            .append(text(f.get("ballotsReturned"))).append(',').append(text(f.get("validBallots"))).append(',')
                            .append(text(f.get("invalidBallots"))).append(',').append(k.get("id").asString()).append(',')
                            .append(cell(k.get("name").asString())).append(',').append(text(k.get("votes"))).append(',')
                            .append(text(k.get("counted"))).append('\n');
                }
            }
        }
        files.put("counting-minutes.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        List<Map<String, Object>> listed = new ArrayList<>();
        files.forEach((path, bytes) -> listed.add(Map.of("path", path, "sha256", Inputs.sha256(bytes), "bytes", bytes.length)));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schema", "baucu/open-data/1");
        manifest.put("election", doc.get("election").get("id").asLong());
        manifest.put("snapshot", Map.of("version", s.version(), "publishedAt", s.publishedAt().toString(),
                "sha256", s.sha256()));
        manifest.put("files", listed);
        try (var out = new ByteArrayOutputStream(); var zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            put(zip, "manifest.json", json.writerWithDefaultPrettyPrinter().writeValueAsString(manifest)
                    .getBytes(StandardCharsets.UTF_8));
            for (var e : files.entrySet()) {
                put(zip, e.getKey(), e.getValue());
            }
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(0);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "" : n.asString();
    }

    private static String cell(String value) {
        return CellText.csv(value);
    }
}
