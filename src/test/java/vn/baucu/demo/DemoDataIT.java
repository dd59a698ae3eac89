package vn.baucu.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.baucu.geography.AdminUnit;
import vn.baucu.geography.AdminUnits;
import vn.baucu.geography.UnitLevel;
import vn.baucu.platform.Authorization;
import vn.baucu.support.BaucuIntegrationTest;

/** The Quảng Ninh demo set: the seed scenario's figures, in the 2022 structure and after the reform. */
@BaucuIntegrationTest
class DemoDataIT {

    @Autowired
    DemoData demo;
    @Autowired
    AdminUnits units;
    @Autowired
    JdbcClient jdbc;

    @Test
    void loadsQuangNinhWithItsVillagesAndHouseholdRepresentatives() {
        Authorization.runAsSystem(demo::load);
        assertThat(demo.loaded()).isTrue();
        assertThat(Authorization.runAsSystem(demo::load)).as("a second load does nothing").isNull();

        List<AdminUnit> villages2022 = Authorization.runAsSystem(() ->
                units.list(UnitLevel.VILLAGE, DemoData.PROVINCE, DemoData.ELECTION_DAY)).stream()
                .filter(v -> "DEMO".equals(v.source()) || "IMPORT".equals(v.source())).toList();
        List<String> demoCodes = jdbc.sql("select distinct village_code from resident where source = 'DEMO'")
                .query(String.class).list();
        assertThat(demoCodes).hasSize(DemoData.VILLAGES);
        assertThat(villages2022.stream().filter(v -> demoCodes.contains(v.code()))).hasSize(DemoData.VILLAGES);
        assertThat(villages2022.stream().filter(v -> demoCodes.contains(v.code())).mapToInt(AdminUnit::households).sum())
                .isEqualTo(DemoData.HOUSEHOLDS);
        assertThat(units.list(UnitLevel.DISTRICT, "22", DemoData.ELECTION_DAY)).hasSize(13);
        assertThat(units.list(UnitLevel.COMMUNE, "22", DemoData.ELECTION_DAY)).hasSize(171);

        // one representative per household, every village's register matching its recorded household count
        Integer mismatched = jdbc.sql("""
                select count(*) from admin_unit v
                where v.level = 'VILLAGE' and v.valid_to = '2025-07-01' and v.code in (select village_code from resident where source = 'DEMO')
                  and v.households <> (select count(*) from resident r where r.village_code = v.code and r.household_representative)""")
                .query(Integer.class).single();
        assertThat(mismatched).isZero();
        Long representatives = jdbc.sql("select count(*) from resident where source = 'DEMO' and household_representative")
                .query(Long.class).single();
        assertThat(representatives).isEqualTo(DemoData.HOUSEHOLDS);
        Integer underage = jdbc.sql("select count(*) from resident where source = 'DEMO' and birth_date > :d")
                .param("d", java.sql.Date.valueOf(DemoData.ELECTION_DAY.minusYears(18))).query(Integer.class).single();
        assertThat(underage).as("every representative is a voter on election day").isZero();

        // the 2022 election: a contest per village; in every village its household list (matching the households
        // the commune recorded), posted, and a settled list of one or two candidates from the Front meeting
        long election = jdbc.sql("select id from election where name = :n").param("n", DemoData.ELECTION_NAME)
                .query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from contest where election_id = :e").param("e", election).query(Integer.class).single())
                .isGreaterThanOrEqualTo(DemoData.VILLAGES);
        assertThat(jdbc.sql("""
                select count(*) from voter_list l join admin_unit v on v.code = l.village_code and v.valid_to = '2025-07-01'
                where l.election_id = :e and l.households = v.households and l.entries = v.households and l.posted_on is not null""")
                .param("e", election).query(Integer.class).single()).isEqualTo(DemoData.VILLAGES);
        // posting the lists and sending the Front meetings' minutes completed the milestones, on time
        for (String code : List.of("ELECTION_DECIDED", "CANDIDATE_LIST_SUBMITTED", "ELECTION_TEAM_FORMED",
                "VOTER_LIST_POSTED", "MEETING")) {
            assertThat(jdbc.sql("""
                    select count(*) from milestone m join contest c on c.id = m.contest_id
                    where m.election_id = :e and m.code = :code and m.done_on <= m.due_date""")
                    .param("e", election).param("code", code).query(Integer.class).single())
                    .as(code).isEqualTo(DemoData.VILLAGES);
        }
        assertThat(jdbc.sql("""
                select count(distinct c.place_code) from candidate k join contest c on c.id = k.contest_id
                where k.election_id = :e and k.list_position is not null and k.list_posted_on is not null""")
                .param("e", election).query(Integer.class).single()).isEqualTo(DemoData.VILLAGES);
        // polling day: every minutes typed by both clerks, certified once; a recognition decision per head elected
        assertThat(jdbc.sql("""
                select count(*) from minutes m where m.election_id = :e and m.status = 'CERTIFIED'
                  and (select count(distinct entered_by) from minutes_entry x where x.minutes_id = m.id) = 2""")
                .param("e", election).query(Integer.class).single()).isEqualTo(DemoData.VILLAGES);
        assertThat(jdbc.sql("select count(*) from recognition where election_id = :e").param("e", election)
                .query(Integer.class).single()).isEqualTo(1_449);

        // after the reform every demo village sits under one of the 54 new communes
        List<AdminUnit> villagesNow = Authorization.runAsSystem(() ->
                units.list(UnitLevel.VILLAGE, DemoData.PROVINCE, LocalDate.of(2026, 3, 15)));
        assertThat(villagesNow.stream().filter(v -> demoCodes.contains(v.code()))).hasSize(DemoData.VILLAGES)
                .allSatisfy(v -> assertThat(v.validFrom()).isEqualTo(DemoData.REFORM));
    }

    @Test
    void namesLookVietnameseAndIdsAreWellFormed() {
        Authorization.runAsSystem(demo::load);
        List<String> sample = jdbc.sql("select full_name from resident where source = 'DEMO' order by id limit 200")
                .query(String.class).list();
        assertThat(sample).allSatisfy(n -> assertThat(n.split(" ")).hasSizeBetween(3, 4));
        assertThat(sample.stream().filter(n -> n.startsWith("Nguyễn ")).count()).isBetween(40L, 120L);
        Integer badIds = jdbc.sql("select count(*) from resident where source = 'DEMO' and personal_id !~ '^022[0-3][0-9]{8}$'")
                .query(Integer.class).single();
        assertThat(badIds).isZero();
    }

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    /**
     * The seed scenario's ending through the officials' results document, read by the demo observer: Quảng Ninh's
     * published figures of 5/6/2022, and every contest's outcome equal to what POST /api/v1/evaluations makes of its
     * own figures.
     */
    @Test
    void resultsGiveTheProvincesPublishedFiguresAndEachOutcomeIsTheCalculators() throws Exception {
        Authorization.runAsSystem(demo::load);
        long election = jdbc.sql("select id from election where name = :n").param("n", DemoData.ELECTION_NAME)
                .query(Long.class).single();
        var observer = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .httpBasic("qn.quansat", "baucu-demo-2022");
        String body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/api/v1/elections/" + election + "/results").with(observer))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        var doc = json.readTree(body);
        var summary = doc.get("summary");
        assertThat(summary.get("contests").asInt()).isEqualTo(1_452);
        assertThat(summary.get("certified").asInt()).isEqualTo(1_452);
        assertThat(summary.get("seatsFilled").asInt()).isEqualTo(1_449);
        assertThat(summary.get("outcomes").get("ELECTED_ALL").asInt()).isEqualTo(1_449);
        assertThat(summary.get("outcomes").get("NONE_ELECTED").asInt()).isEqualTo(3);
        assertThat(summary.get("followUps").get("REELECTION").asInt()).isEqualTo(3);
        assertThat(summary.get("electorate").asLong()).isEqualTo(346_663);
        assertThat(summary.get("participants").asLong()).isEqualTo(340_134);
        assertThat(summary.get("turnoutPercent").asString()).isEqualTo("98.12");

        java.util.Map<String, Integer> bands = new java.util.TreeMap<>();
        int checked = 0;
        for (var contest : doc.get("contests")) {
            for (var c : contest.get("candidates")) {
                if (c.get("elected").asBoolean()) {
                    double p = Double.parseDouble(c.get("percent").asString());
                    bands.merge(p >= 90 ? "90+" : p >= 70 ? "70-90" : "under 70", 1, Integer::sum);
                }
            }
            // the same figures through the public calculator give the same outcome, elected and percentages
            var request = json.createObjectNode();
            request.put("ruleSet", "VILLAGE_HEAD_2008");
            request.put("seats", contest.get("seats").asInt());
            request.put("electionDay", "2022-06-05");
            for (String f : List.of("votingMethod", "electorate", "participants", "ballotsIssued", "ballotsReturned",
                    "validBallots", "invalidBallots")) {
                request.set(f, contest.get(f));
            }
            var names = request.putArray("candidates");
            for (var c : contest.get("candidates")) {
                names.addObject().put("id", c.get("id").asString()).put("name", c.get("name").asString())
                        .put("votes", c.get("votes").asLong());
            }
            var evaluation = json.readTree(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .post("/api/v1/evaluations").contentType("application/json").content(request.toString()))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                    .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(evaluation.get("outcome").asString()).as(contest.get("place").asString())
                    .isEqualTo(contest.get("outcome").asString());
            assertThat(evaluation.get("followUp").get("kind").asString()).isEqualTo(contest.get("followUp").get("kind").asString());
            java.util.List<String> elected = new java.util.ArrayList<>();
            for (var c : contest.get("candidates")) {
                if (c.get("elected").asBoolean()) {
                    elected.add(c.get("id").asString());
                }
            }
            java.util.List<String> calculated = new java.util.ArrayList<>();
            evaluation.get("elected").forEach(e -> calculated.add(e.asString()));
            assertThat(calculated).isEqualTo(elected);
            for (int k = 0; k < contest.get("candidates").size(); k++) {
                assertThat(evaluation.get("candidates").get(k).get("percent").asString())
                        .isEqualTo(contest.get("candidates").get(k).get("percent").asString());
            }
            checked++;
        }
        assertThat(checked).isEqualTo(1_452);
        assertThat(bands).containsExactlyEntriesOf(new java.util.TreeMap<>(java.util.Map.of("90+", 1_061, "70-90", 316,
                "under 70", 72)));
    }

    /**
     * The province's dashboard of 5/6/2022 counts every village: 1,452 minutes certified, 1,449 heads elected and
     * recognised, the three re-elections on the attention list; the 13 districts add up to the province, and a district
     * drills down to its communes and a commune to its villages with the same figures.
     */
    @Test
    void theProvincesDashboardCountsEveryVillageAndDrillsDownToTheVillages() throws Exception {
        Authorization.runAsSystem(demo::load);
        long election = jdbc.sql("select id from election where name = :n").param("n", DemoData.ELECTION_NAME)
                .query(Long.class).single();
        var province = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .httpBasic("qn.tinh", "baucu-demo-2022");
        var d = dashboard(election, null, province);
        assertThat(d.get("unit").get("code").asString()).isEqualTo("22");
        var total = d.get("total");
        assertThat(total.get("minutes").get("expected").asInt()).isEqualTo(1_452);
        assertThat(total.get("minutes").get("certified").asInt()).isEqualTo(1_452);
        assertThat(total.get("outcomes").get("contests").asInt()).isEqualTo(1_452);
        assertThat(total.get("outcomes").get("elected").asInt()).isEqualTo(1_449);
        assertThat(total.get("outcomes").get("followUps").asInt()).isEqualTo(3);
        assertThat(total.get("outcomes").get("recognised").asInt()).isEqualTo(1_449);
        assertThat(total.get("outcomes").get("pendingRecognition").asInt()).isZero();
        // every milestone of the 2008 rules done on time in every village: nothing overdue
        assertThat(total.get("calendar").get("total").asInt()).isEqualTo(5 * 1_452);
        assertThat(total.get("calendar").get("done").asInt()).isEqualTo(5 * 1_452);
        assertThat(total.get("calendar").get("overdue").asInt()).isZero();
        assertThat(d.get("lines")).hasSize(13);
        int certified = 0;
        int elected = 0;
        for (var l : d.get("lines")) {
            certified += l.get("minutes").get("certified").asInt();
            elected += l.get("outcomes").get("elected").asInt();
        }
        assertThat(certified).isEqualTo(1_452);
        assertThat(elected).isEqualTo(1_449);
        java.util.List<String> reelections = new java.util.ArrayList<>();
        for (var a : d.get("attention")) {
            if (a.get("kind").asString().equals("RESULT_FOLLOW_UP")) {
                assertThat(a.get("detail").asString()).isEqualTo("REELECTION");
                reelections.add(a.get("place").asString());
            }
        }
        assertThat(reelections).hasSize(3);
        assertThat(d.get("attentionTotal").asInt()).as("the three re-elections only").isEqualTo(3);

        // down to the district of the first re-election, its commune, and the village itself
        String village = reelections.get(0);
        String commune = jdbc.sql("select commune_code from contest where election_id = :e and place_code = :p")
                .param("e", election).param("p", village).query(String.class).single();
        String district = units.find(commune, DemoData.ELECTION_DAY).orElseThrow().parentCode();
        var districtLine = d.get("lines").valueStream().filter(l -> l.get("code").asString().equals(district))
                .findFirst().orElseThrow();
        var dd = dashboard(election, district, province);
        assertThat(dd.get("total").get("minutes").get("certified").asInt())
                .isEqualTo(districtLine.get("minutes").get("certified").asInt());
        assertThat(dd.get("total").get("outcomes").get("followUps").asInt())
                .isEqualTo(districtLine.get("outcomes").get("followUps").asInt());
        assertThat(dd.get("lines").valueStream().map(l -> l.get("code").asString())).contains(commune);
        var cd = dashboard(election, commune, province);
        assertThat(cd.get("places").asBoolean()).isTrue();
        var villageLine = cd.get("lines").valueStream().filter(l -> l.get("code").asString().equals(village))
                .findFirst().orElseThrow();
        assertThat(villageLine.get("outcomes").get("followUps").asInt()).isEqualTo(1);
        assertThat(villageLine.get("outcomes").get("elected").asInt()).isZero();
        assertThat(cd.get("trail").valueStream().map(u -> u.get("code").asString())).containsExactly("22", district);
    }

    tools.jackson.databind.JsonNode dashboard(long election, String unit, org.springframework.test.web.servlet.request.RequestPostProcessor who)
            throws Exception {
        return json.readTree(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/api/v1/elections/" + election + "/dashboard" + (unit == null ? "" : "?unit=" + unit)).with(who))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * After the head elections, the 1,452 cells' congresses (31 pilots earlier): as of 3/7/2022 the provincial Party
     * committee's report counts 1,452 villages, 1,449 secretaries who are also the head, and names exactly the three
     * villages that elected no head as the shortfalls. The province's state official gets none of it.
     */
    @Test
    void theUnifiedPostReportOfThirdJuly2022NamesTheThreeVillagesWithoutAHead() throws Exception {
        Authorization.runAsSystem(demo::load);
        var tinhuy = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .httpBasic("qn.tinhuy", "baucu-demo-2022");
        var report = json.readTree(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/api/v1/party/unified-post").param("scope", "22").param("asOf", "2022-07-03").with(tinhuy))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(report.get("villages").asInt()).isEqualTo(1_452);
        assertThat(report.get("congressesHeld").asInt()).isEqualTo(1_452);
        assertThat(report.get("secretariesAreHeads").asInt()).as(report.get("shortfalls").toString()).isEqualTo(1_449);
        assertThat(report.get("percent").asString()).isEqualTo("99.79");
        long election = jdbc.sql("select id from election where name = :n").param("n", DemoData.ELECTION_NAME)
                .query(Long.class).single();
        List<String> noHead = jdbc.sql("""
                select c.place_code from contest_result r join contest c on c.id = r.contest_id
                where r.election_id = :e and r.outcome = 'NONE_ELECTED' order by c.place_code""")
                .param("e", election).query(String.class).list();
        assertThat(noHead).hasSize(3);
        java.util.List<String> shortfalls = new java.util.ArrayList<>();
        report.get("shortfalls").forEach(s -> {
            assertThat(s.get("reason").asString()).isEqualTo("HEAD_NOT_ELECTED");
            shortfalls.add(s.get("village").asString());
        });
        assertThat(shortfalls).containsExactlyInAnyOrderElementsOf(noHead);
        // the pilots held theirs earlier: as of 30/6/2022, 31 held
        var pilots = json.readTree(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/api/v1/party/unified-post").param("scope", "22").param("asOf", "2022-06-30").with(tinhuy))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(pilots.get("congressesHeld").asInt()).isEqualTo(31);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/party/unified-post")
                        .param("scope", "22").param("asOf", "2022-07-03")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic("qn.tinh", "baucu-demo-2022")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
    }

    /**
     * Open data: the demo's published results download verifies on its own with the rules engine (every hash, every
     * contest's sum and outcome, the summary), and one vote changed in it is reported.
     */
    @Test
    void theDemosPublishedDownloadVerifiesAndAChangedVoteIsReported() throws Exception {
        Authorization.runAsSystem(demo::load);
        long election = jdbc.sql("select id from election where name = :n").param("n", DemoData.ELECTION_NAME)
                .query(Long.class).single();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/v1/elections/" + election + "/results/publications")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic("qn.tinh", "baucu-demo-2022")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isCreated());
        byte[] zip = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/api/v1/public/elections/" + election + "/download.zip"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        var report = vn.baucu.verifier.Verifier.verify(zip);
        assertThat(report.differences()).isEmpty();
        assertThat(report.contests()).isEqualTo(DemoData.VILLAGES);
        assertThat(report.minutes()).isEqualTo(DemoData.VILLAGES);
        // one vote more for the first name of the results document
        byte[] tampered = vn.baucu.support.Zips.rewrite(zip, "results.json", t -> {
            var m = java.util.regex.Pattern.compile("\"votes\":(\\d+)").matcher(t);
            assertThat(m.find()).isTrue();
            return t.substring(0, m.start(1)) + (Long.parseLong(m.group(1)) + 1) + t.substring(m.end(1));
        });
        assertThat(vn.baucu.verifier.Verifier.verify(tampered).differences())
                .anyMatch(d -> d.startsWith("results.json: its SHA-256"))
                .anyMatch(d -> d.startsWith("results.json hashes to"))
                .anyMatch(d -> d.contains("votes in the results") && d.contains("in the sum of the minutes"));
    }
}
