package vn.baucu.verifier;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.ZipInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.baucu.rules.ContestEvaluator;
import vn.baucu.rules.ContestFigures;
import vn.baucu.rules.Evaluation;
import vn.baucu.rules.FiguresRejected;
import vn.baucu.rules.Percentages;
import vn.baucu.rules.Round;
import vn.baucu.rules.RuleSet;
import vn.baucu.rules.VotingMethod;

/**
 * Checks an open-data download on its own: every file against the manifest's SHA-256, every minutes against the hash it
 * is named by (the one printed on the paper), the snapshot against its own SHA-256, every contest's figures against the
 * sum of its certified minutes, every outcome, elected name and percentage against the rules engine run on those
 * figures, and the summary against the sum of the contests. Each difference is reported in a sentence.
 */
public final class Verifier {

    private static final String[] FIELDS = {"electorate", "participants", "ballotsIssued", "ballotsReturned",
        "validBallots", "invalidBallots"};

    /** What was checked and every difference found (none: the download is consistent). */
    public record Report(int files, int contests, int minutes, List<String> differences) {
        public boolean ok() {
            return differences.isEmpty();
        }
    }

    private Verifier() {
    }

    /** The command: {@code verify <download.zip>}; exit code 0 when everything holds, 1 on a difference, 2 on misuse. */
    public static int run(String[] args, PrintStream out) {
        if (args.length < 2) {
            out.println("usage: java -jar baucu.jar verify <download.zip>");
            return 2;
        }
        Report r;
        try {
            r = verify(Files.readAllBytes(Path.of(args[1])));
        } catch (IOException | UncheckedIOException e) {
            out.println("cannot read " + args[1] + ": " + e.getMessage());
            return 2;
        }
        out.println("baucu verify: " + r.files() + " files, " + r.contests() + " contests, " + r.minutes() + " minutes");
        r.differences().forEach(d -> out.println("DIFFERENCE: " + d));
        out.println(r.ok() ? "OK: every hash, total and outcome recomputes as published"
                : r.differences().size() + " difference(s)");
        return r.ok() ? 0 : 1;
    }

    public static Report verify(byte[] zip) {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, byte[]> files = unzip(zip);
        List<String> d = new ArrayList<>();
        byte[] manifestBytes = files.remove("manifest.json");
        if (manifestBytes == null) {
            return new Report(files.size(), 0, 0, List.of("the download has no manifest.json"));
        }
        JsonNode manifest = json.readTree(manifestBytes);
        Map<String, Boolean> listed = new HashMap<>();
        for (JsonNode f : manifest.get("files")) {
            String path = f.get("path").asString();
            listed.put(path, true);
            byte[] bytes = files.get(path);
            if (bytes == null) {
                d.add(path + " is in the manifest but not in the download");
            } else if (!sha256(bytes).equals(f.get("sha256").asString())) {
                d.add(path + ": its SHA-256 is " + sha256(bytes) + ", the manifest says " + f.get("sha256").asString());
            }
        }
        files.keySet().stream().filter(p -> !listed.containsKey(p)).sorted()
                .forEach(p -> d.add(p + " is in the download but not in the manifest"));
        byte[] resultsBytes = files.get("results.json");
        if (resultsBytes == null) {
            return new Report(files.size(), 0, 0, add(d, "the download has no results.json"));
        }
        JsonNode doc = json.readTree(resultsBytes);
        // the snapshot's own hash: the document as published, with snapshot.sha256 left out
        String published = doc.get("snapshot").get("sha256").asString();
        ObjectNode unsigned = ((ObjectNode) doc).deepCopy();
        ((ObjectNode) unsigned.get("snapshot")).remove("sha256");
        String recomputed = sha256(json.writeValueAsString(unsigned).getBytes(StandardCharsets.UTF_8));
        if (!recomputed.equals(published)) {
            d.add("results.json hashes to " + recomputed + " without its own hash, but says " + published);
        }
        if (!published.equals(manifest.get("snapshot").get("sha256").asString())) {
            d.add("the manifest names snapshot " + manifest.get("snapshot").get("sha256").asString() + ", results.json is "
                    + published);
        }
        Map<String, JsonNode> minutes = new HashMap<>();
        files.forEach((path, bytes) -> {
            if (path.startsWith("minutes/") && path.endsWith(".json")) {
                String name = path.substring("minutes/".length(), path.length() - ".json".length());
                if (!sha256(bytes).equals(name)) {
                    d.add(path + " hashes to " + sha256(bytes) + ": it is not the certified minutes " + name);
                }
                minutes.put(name, json.readTree(bytes));
            }
        });

        JsonNode election = doc.get("election");
        RuleSet ruleSet = RuleSet.valueOf(election.get("ruleSet").asString());
        Round round = election.hasNonNull("round") ? Round.valueOf(election.get("round").asString()) : Round.FIRST;
        LocalDate day = LocalDate.parse(election.get("electionDay").asString());
        int contests = 0;
        int certified = 0;
        long seatsFilled = 0;
        long electorate = 0;
        long participants = 0;
        Map<String, Long> outcomes = new TreeMap<>();
        for (JsonNode c : doc.get("contests")) {
            contests++;
            String place = c.get("place").asString();
            if (c.hasNonNull("electorate")) {
                electorate += c.get("electorate").asLong();
                participants += c.get("participants").asLong();
            }
            for (JsonNode k : c.get("candidates")) {
                seatsFilled += k.get("elected").asBoolean() ? 1 : 0;
            }
            if (c.hasNonNull("outcome")) {
                outcomes.merge(c.get("outcome").asString(), 1L, Long::sum);
            }
            if (!"CERTIFIED".equals(c.get("status").asString())) {
                continue;
            }
            certified++;
            // the contest's figures: the sum of its certified minutes
            Long[] sums = new Long[FIELDS.length];
            Map<String, Long> votes = new LinkedHashMap<>();
            String method = null;
            boolean complete = true;
            for (JsonNode ref : c.get("minutes")) {
                JsonNode m = minutes.get(ref.get("sha256").asString());
                if (m == null) {
                    d.add("contest " + place + ": its minutes " + ref.get("sha256").asString() + " is not in the download");
                    complete = false;
                    continue;
                }
                JsonNode f = m.get("figures");
                method = f.get("votingMethod").asString();
                for (int i = 0; i < FIELDS.length; i++) {
                    if (f.hasNonNull(FIELDS[i])) {
                        sums[i] = (sums[i] == null ? 0 : sums[i]) + f.get(FIELDS[i]).asLong();
                    }
                }
                for (JsonNode k : m.get("candidates")) {
                    votes.merge(k.get("id").asString(), k.get("counted").asBoolean() ? k.get("votes").asLong() : 0, Long::sum);
                }
            }
            if (!complete) {
                continue;
            }
            for (int i = 0; i < FIELDS.length; i++) {
                Long shown = c.hasNonNull(FIELDS[i]) ? c.get(FIELDS[i]).asLong() : null;
                if (!Objects.equals(shown, sums[i])) {
                    d.add("contest " + place + ": " + FIELDS[i] + " is " + shown + " in the results, " + sums[i]
                            + " in the sum of its minutes");
                }
            }
            List<ContestFigures.CandidateFigures> names = new ArrayList<>();
            for (JsonNode k : c.get("candidates")) {
                String id = k.get("id").asString();
                long sum = k.path("struckOff").asBoolean() ? 0 : votes.getOrDefault(id, 0L);
                if (sum != k.get("votes").asLong()) {
                    d.add("contest " + place + ": " + k.get("name").asString() + " has " + k.get("votes").asLong()
                            + " votes in the results, " + sum + " in the sum of the minutes");
                }
                names.add(new ContestFigures.CandidateFigures(id, k.get("name").asString(),
                        k.hasNonNull("birthDate") ? LocalDate.parse(k.get("birthDate").asString()) : null, sum));
            }
            ContestFigures figures = new ContestFigures(ruleSet, round, c.get("seats").asInt(), day,
                    method == null ? null : VotingMethod.valueOf(method), nz(sums[0]), 0, nz(sums[1]), sums[2], sums[3],
                    sums[4], sums[5], names);
            Evaluation e;
            try {
                e = ContestEvaluator.evaluate(figures);
            } catch (FiguresRejected rejected) {
                d.add("contest " + place + ": the rules refuse its figures (" + rejected.findings().get(0).code() + ")");
                continue;
            }
            if (!e.outcome().name().equals(c.get("outcome").asString())) {
                d.add("contest " + place + ": the outcome is " + c.get("outcome").asString() + " in the results, "
                        + e.outcome().name() + " by the rules");
            }
            if (!e.followUp().kind().name().equals(c.get("followUp").get("kind").asString())) {
                d.add("contest " + place + ": what follows is " + c.get("followUp").get("kind").asString()
                        + " in the results, " + e.followUp().kind().name() + " by the rules");
            }
            Map<String, Evaluation.CandidateResult> byId = new HashMap<>();
            e.candidates().forEach(r -> byId.put(r.id(), r));
            for (JsonNode k : c.get("candidates")) {
                Evaluation.CandidateResult r = byId.get(k.get("id").asString());
                boolean elected = r != null && r.elected();
                if (elected != k.get("elected").asBoolean()) {
                    d.add("contest " + place + ": " + k.get("name").asString() + " is " + (k.get("elected").asBoolean()
                            ? "" : "not ") + "elected in the results, " + (elected ? "" : "not ") + "by the rules");
                }
                String percent = r == null ? null : r.percent();
                String shown = k.hasNonNull("percent") ? k.get("percent").asString() : null;
                if (!Objects.equals(percent, shown)) {
                    d.add("contest " + place + ": " + k.get("name").asString() + " has " + shown + "% in the results, "
                            + percent + "% by the rules");
                }
            }
        }
        JsonNode s = doc.get("summary");
        check(d, "summary.contests", s.get("contests").asLong(), contests);
        check(d, "summary.certified", s.get("certified").asLong(), certified);
        check(d, "summary.seatsFilled", s.get("seatsFilled").asLong(), seatsFilled);
        check(d, "summary.electorate", s.get("electorate").asLong(), electorate);
        check(d, "summary.participants", s.get("participants").asLong(), participants);
        String turnout = Percentages.format(participants, electorate);
        if (s.hasNonNull("turnoutPercent") && !s.get("turnoutPercent").asString().equals(turnout)) {
            d.add("summary.turnoutPercent is " + s.get("turnoutPercent").asString() + ", the contests give " + turnout);
        }
        Map<String, Long> shownOutcomes = new TreeMap<>();
        s.get("outcomes").properties().forEach(en -> shownOutcomes.put(en.getKey(), en.getValue().asLong()));
        if (!shownOutcomes.equals(outcomes)) {
            d.add("summary.outcomes is " + shownOutcomes + ", the contests give " + outcomes);
        }
        return new Report(files.size() + 1, contests, minutes.size(), d);
    }

    private static void check(List<String> d, String what, long shown, long recomputed) {
        if (shown != recomputed) {
            d.add(what + " is " + shown + ", the contests give " + recomputed);
        }
    }

    private static List<String> add(List<String> d, String s) {
        d.add(s);
        return d;
    }

    private static long nz(Long v) {
        return v == null ? 0 : v;
    }

    private static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.isDirectory()) {
                    out.put(e.getName(), in.readNBytes(64 << 20));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
