package vn.baucu.results.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.baucu.platform.DomainException;
import vn.baucu.platform.FindingProblems;
import vn.baucu.platform.Violation;
import vn.baucu.rules.BallotValidity;
import vn.baucu.rules.CandidateLists;
import vn.baucu.rules.ContestEvaluator;
import vn.baucu.rules.Eligibility;
import vn.baucu.rules.FiguresRejected;
import vn.baucu.rules.LegalCalendar;
import vn.baucu.rules.Milestone;
import vn.baucu.rules.RuleSet;
import vn.baucu.rules.VillageHeads;
import vn.baucu.rules.WorkingDays;

/**
 * Every worked case of law.md §4 (and a few more) as a folder under {@code fixtures/elections/}, with
 * its input and expected outcome: adding a case is adding a folder. Evaluation cases go through the
 * published contract's request and response types.
 */
class WorkedCasesTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/elections");
    static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Arguments> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(FIXTURES)) {
            List<Arguments> out = new ArrayList<>();
            for (Path dir : dirs.sorted().toList()) {
                out.add(Arguments.of(dir.getFileName().toString(), JSON.readTree(dir.resolve("case.json").toFile())));
            }
            return out.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void workedCase(String name, JsonNode fixture) {
        switch (fixture.get("kind").asString()) {
            case "evaluation" -> evaluation(fixture);
            case "calendar" -> calendar(fixture);
            case "ballot" -> rows(fixture).forEach(WorkedCasesTest::ballot);
            case "party-ballot" -> rows(fixture).forEach(WorkedCasesTest::partyBallot);
            case "candidate-list" -> rows(fixture).forEach(WorkedCasesTest::candidateList);
            case "party-list" -> rows(fixture).forEach(WorkedCasesTest::partyList);
            case "voter-age" -> rows(fixture).forEach(r -> assertThat(Eligibility.isVoterAge(date(r, "birthDate"),
                    date(r, "electionDay"))).as(r.toString()).isEqualTo(r.get("eligible").asBoolean()));
            case "removal" -> rows(fixture).forEach(WorkedCasesTest::removal);
            case "recognition" -> rows(fixture).forEach(r -> assertThat(VillageHeads.status(r.get("elected").asBoolean(),
                    date(r, "recognised"), date(r, "asOf")).name()).as(r.toString()).isEqualTo(r.get("status").asString()));
            default -> fail("unknown fixture kind in " + name);
        }
    }

    private static void evaluation(JsonNode fixture) {
        EvaluationRequest request = JSON.treeToValue(fixture.get("request"), EvaluationRequest.class);
        JsonNode expected = fixture.get("expected");
        if (expected.has("status")) {
            DomainException e = catchThrowableOfType(DomainException.class, () -> evaluate(request));
            assertThat(e).as("expected a problem").isNotNull();
            assertThat(e.kind().status).isEqualTo(expected.get("status").asInt());
            assertThat(e.violations().stream().map(Violation::code).toList())
                    .containsExactlyElementsOf(strings(expected.get("violationCodes")));
            return;
        }
        EvaluationResponse response = evaluate(request);
        JsonNode actual = JSON.valueToTree(response);
        for (Map.Entry<String, JsonNode> field : expected.properties()) {
            if (field.getKey().equals("reasonCodes")) {
                assertThat(response.reasons().stream().map(EvaluationResponse.Reason::code).toList())
                        .containsExactlyElementsOf(strings(field.getValue()));
            } else {
                assertSubset(field.getKey(), field.getValue(), actual.get(field.getKey()));
            }
        }
    }

    private static EvaluationResponse evaluate(EvaluationRequest request) {
        try {
            return EvaluationResponse.of(ContestEvaluator.evaluate(request.toFigures()), r -> r.code());
        } catch (FiguresRejected rejected) {
            throw FindingProblems.of(rejected);
        }
    }

    private static void calendar(JsonNode fixture) {
        RuleSet ruleSet = RuleSet.valueOf(fixture.get("request").get("ruleSet").asString());
        LocalDate day = LocalDate.parse(fixture.get("request").get("electionDay").asString());
        JsonNode expected = fixture.get("expected");
        if (expected.has("status")) {
            FiguresRejected e = catchThrowableOfType(FiguresRejected.class,
                    () -> LegalCalendar.of(ruleSet, day, WorkingDays.bundled()));
            assertThat(e).as("expected a rejection").isNotNull();
            assertThat(e.findings().stream().map(f -> f.code()).toList())
                    .containsExactlyElementsOf(strings(expected.get("violationCodes")));
            return;
        }
        List<Milestone> milestones = LegalCalendar.of(ruleSet, day, WorkingDays.bundled());
        for (Map.Entry<String, JsonNode> e : expected.properties()) {
            String code = e.getKey().replace(".until", "");
            Milestone m = milestones.stream().filter(x -> x.code().equals(code)).findFirst()
                    .orElseThrow(() -> new AssertionError("no milestone " + code));
            LocalDate actual = e.getKey().endsWith(".until") ? m.until() : m.date();
            assertThat(actual).as(e.getKey()).isEqualTo(LocalDate.parse(e.getValue().asString()));
        }
    }

    private static void ballot(JsonNode r) {
        var verdict = BallotValidity.strikeOut(new BallotValidity.StrikeOutBallot(!r.has("official") || r.get("official").asBoolean(),
                !r.has("stamped") || r.get("stamped").asBoolean(), r.get("names").asInt(), r.get("kept").asInt(),
                r.has("added") && r.get("added").asBoolean()), r.get("seats").asInt());
        assertThat(verdict.valid()).as(r.toString()).isEqualTo(r.get("valid").asBoolean());
        assertThat(verdict.code()).as(r.toString()).isEqualTo(r.get("code").asString());
    }

    private static void partyBallot(JsonNode r) {
        var verdict = BallotValidity.agreeDisagree(r.get("issued").asBoolean(),
                strings(r.get("marks")).stream().map(BallotValidity.Mark::valueOf).toList());
        assertThat(verdict.verdict().valid()).as(r.toString()).isEqualTo(r.get("valid").asBoolean());
        if (r.has("countsFor")) {
            List<Boolean> expected = new ArrayList<>();
            r.get("countsFor").forEach(b -> expected.add(b.asBoolean()));
            assertThat(verdict.countsFor()).isEqualTo(expected);
        }
    }

    private static void candidateList(JsonNode r) {
        RuleSet rs = RuleSet.valueOf(r.get("ruleSet").asString());
        int seats = r.get("seats").asInt();
        if (r.has("minimum")) {
            assertThat(CandidateLists.minimumCandidates(rs, seats)).as(r.toString()).isEqualTo(r.get("minimum").asInt());
            assertThat(CandidateLists.check(rs, seats, r.get("minimum").asInt())).as(r.toString()).isEmpty();
            assertThat(CandidateLists.check(rs, seats, r.get("minimum").asInt() - 1)).as(r.toString()).isNotEmpty();
        }
        if (r.has("findings")) {
            assertThat(CandidateLists.check(rs, seats, r.get("candidates").asInt()).stream().map(f -> f.code()).toList())
                    .as(r.toString()).containsExactlyElementsOf(strings(r.get("findings")));
        }
    }

    private static void partyList(JsonNode r) {
        if (r.has("maximum")) {
            assertThat(CandidateLists.maximumCandidates(RuleSet.PARTY_CELL_2024, r.get("seats").asInt()))
                    .as(r.toString()).isEqualTo(r.get("maximum").asInt());
        } else {
            assertThat(CandidateLists.floorNominationAccepted(r.get("present").asLong(), r.get("approvals").asLong()))
                    .as(r.toString()).isEqualTo(r.get("accepted").asBoolean());
        }
    }

    private static void removal(JsonNode r) {
        if (r.has("petitionSuffices")) {
            assertThat(VillageHeads.removalPetitionSuffices(r.get("households").asLong(), r.get("petitioners").asLong()))
                    .as(r.toString()).isEqualTo(r.get("petitionSuffices").asBoolean());
        } else if (r.has("removalPasses")) {
            assertThat(VillageHeads.removalPasses(r.get("households").asLong(), r.get("approvals").asLong()))
                    .as(r.toString()).isEqualTo(r.get("removalPasses").asBoolean());
        } else {
            assertThat(VillageHeads.newElectionDecisionDeadline(date(r, "removalRecognised")))
                    .isEqualTo(date(r, "newElectionDecidedBy"));
        }
    }

    /** Every field of {@code expected} is in {@code actual} with the same value; arrays match element by element. */
    static void assertSubset(String path, JsonNode expected, JsonNode actual) {
        assertThat(actual).as(path + " missing").isNotNull();
        if (expected.isObject()) {
            for (Map.Entry<String, JsonNode> f : expected.properties()) {
                assertSubset(path + "." + f.getKey(), f.getValue(), actual.get(f.getKey()));
            }
        } else if (expected.isArray() && !expected.isEmpty() && expected.get(0).has("id")) {
            // candidates: each expected one is found by id; the others are not constrained
            for (JsonNode e : expected) {
                JsonNode match = null;
                for (JsonNode a : actual) {
                    if (a.get("id").equals(e.get("id"))) {
                        match = a;
                    }
                }
                assertSubset(path + "[id=" + e.get("id").asString() + "]", e, match);
            }
        } else if (expected.isArray()) {
            assertThat(actual.size()).as(path + " size").isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertSubset(path + "[" + i + "]", expected.get(i), actual.get(i));
            }
        } else if (expected.isNumber()) {
            assertThat(actual.decimalValue()).as(path).isEqualByComparingTo(expected.decimalValue());
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }

    private static List<JsonNode> rows(JsonNode fixture) {
        List<JsonNode> out = new ArrayList<>();
        fixture.get("rows").forEach(out::add);
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static LocalDate date(JsonNode r, String field) {
        JsonNode n = r.get(field);
        return n == null || n.isNull() ? null : LocalDate.parse(n.asString());
    }
}
