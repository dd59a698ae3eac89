package vn.baucu.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.baucu.platform.Role;
import vn.baucu.support.BaucuIntegrationTest;
import vn.baucu.support.MinutesBodies;
import vn.baucu.support.TestUsers;
import vn.baucu.support.VillageElections;

/**
 * The public results portal without a login: the published elections, an election's snapshot, one contest with its
 * certified minutes, the verification page for the hash on a paper minutes — each page saying which publication it
 * shows, cacheable, and without a voter's personal id or birth date anywhere.
 */
@BaucuIntegrationTest
class ResultsPortalIT {

    /** 12 digits standing alone (not inside a hexadecimal hash): the shape of a personal id. */
    private static final Pattern PERSONAL_ID = Pattern.compile("(?<![0-9a-fA-F])\\d{12}(?![0-9a-fA-F])");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    VillageElections villageElections;

    String page(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The village's minutes (54 valid of 55) entered by two of its team and certified as {@code version}; its id. */
    long countAndCertify(VillageElections.Built v, long first, long second, int version, RequestPostProcessor commune)
            throws Exception {
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/elections/" + v.electionId() + "/contests/" + v.villageCode() + "/minutes/entries")
                    .with(users.as(Role.ELECTION_TEAM, v.villageCode())).header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(MinutesBodies.village(v, 60, 55, 54, 1, first, second, "")))
                    .andExpect(status().isCreated());
        }
        long id = jdbc.sql("select id from minutes where election_id = :e").param("e", v.electionId()).query(Long.class).single();
        mvc.perform(post("/api/v1/elections/" + v.electionId() + "/contests/" + v.villageCode() + "/minutes/" + id
                + "/certification").with(commune).header("If-Match", "\"" + version + "\"")).andExpect(status().isOk());
        return id;
    }

    @Test
    void aCitizenReadsThePublishedResultDownToTheVillageAndChecksThePaperMinutes() throws Exception {
        VillageElections.Built v = villageElections.frozen(60);
        RequestPostProcessor commune = users.as(Role.COMMUNE_OFFICIAL, v.communeCode());
        long id = countAndCertify(v, 45, 9, 1, commune);
        String election = "/portal/results/" + v.electionId();
        mvc.perform(get(election)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/elections/" + v.electionId() + "/results/publications").with(commune))
                .andExpect(status().isCreated());
        String name = jdbc.sql("select name from election where id = :e").param("e", v.electionId()).query(String.class).single();
        String sha = jdbc.sql("select sha256 from minutes_version where minutes_id = :m").param("m", id).query(String.class).single();

        List<String> pages = new ArrayList<>();
        String list = page("/portal/results");
        assertThat(list).contains(name).contains(election);
        pages.add(list);

        String doc = mvc.perform(get(election)).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("public")))
                .andExpect(header().exists("ETag"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(doc).as("the page says what it shows").contains("Kết quả: " + name).contains("bản công bố số 1")
                .contains("Phạm Văn Kiểm (75.00%)").contains("tổng số cử tri (hộ gia đình) của thôn");
        pages.add(doc);

        String contest = page(election + "/contests/" + v.villageCode() + "?version=1");
        assertThat(contest).contains(sha).contains("/api/v1/public/minutes/" + sha + ".pdf")
                .contains("/portal/verify?sha256=" + sha).contains("Trúng cử");
        pages.add(contest);

        String verified = page("/portal/verify?sha256=" + sha.toUpperCase(java.util.Locale.ROOT));
        assertThat(verified).contains("Khớp").contains("Bản công bố kết quả số 1 dùng biên bản này").contains(">45<");
        pages.add(verified);
        String wrong = page("/portal/verify?sha256=" + "0".repeat(64));
        assertThat(wrong).contains("không khớp");
        pages.add(wrong);
        pages.add(page("/portal/elections/" + v.electionId() + "/contests/" + v.villageCode()));
        assertThat(pages.get(pages.size() - 1)).as("the posted list says which village, commune and election")
                .contains(jdbc.sql("select name from admin_unit where code = :v").param("v", v.villageCode())
                        .query(String.class).list().get(0)).contains(name);

        // open data: the download verifies on its own; one vote changed in it is reported
        byte[] zip = mvc.perform(get("/api/v1/public/elections/" + v.electionId() + "/download.zip"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        var report = vn.baucu.verifier.Verifier.verify(zip);
        assertThat(report.differences()).isEmpty();
        assertThat(report.contests()).isEqualTo(1);
        assertThat(report.minutes()).isEqualTo(1);
        byte[] tampered = vn.baucu.support.Zips.rewrite(zip, "minutes/" + sha + ".json", t -> t.replace("\"votes\":45", "\"votes\":44"));
        assertThat(vn.baucu.verifier.Verifier.verify(tampered).differences())
                .anyMatch(d -> d.startsWith("minutes/" + sha + ".json: its SHA-256"))
                .anyMatch(d -> d.contains("Phạm Văn Kiểm has 45 votes in the results, 44 in the sum of the minutes"));
        // the command, as a citizen runs it
        java.nio.file.Path file = java.nio.file.Files.createTempFile("baucu-download", ".zip");
        java.nio.file.Files.write(file, tampered);
        var printed = new java.io.ByteArrayOutputStream();
        int code = vn.baucu.verifier.Verifier.run(new String[] {"verify", file.toString()},
                new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("DIFFERENCE: ");
        java.nio.file.Files.write(file, zip);
        assertThat(vn.baucu.verifier.Verifier.run(new String[] {"verify", file.toString()},
                new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).isZero();
        java.nio.file.Files.delete(file);
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                pages.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));       // every file of the download
            }
        }

        // no voter's personal id or birth date on any public page; nor the candidates' personal ids
        List<String> birthDates = new ArrayList<>();
        for (int h = 1; h <= 60; h++) {
            LocalDate born = LocalDate.of(1950 + h % 45, 1 + h % 12, 1 + h % 28);
            birthDates.add(born.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
            birthDates.add(born.toString());
        }
        for (String p : pages) {
            assertThat(PERSONAL_ID.matcher(p).find()).as("a personal id on a public page").isFalse();
            assertThat(birthDates).noneMatch(p::contains);
        }
    }

    /**
     * Results night: the public pages and JSON of a snapshot are served as a CDN needs them — no session and no cookie
     * for a visitor, an ETag per page and language, 304 for a client that holds it, HEAD answered — and from memory
     * once rendered; a new publication is served at once (the cache is keyed by the snapshot's hash).
     */
    @Test
    void thePublishedPagesAreCacheableAndANewPublicationIsServedAtOnce() throws Exception {
        VillageElections.Built v = villageElections.frozen(60);
        RequestPostProcessor commune = users.as(Role.COMMUNE_OFFICIAL, v.communeCode());
        long id = countAndCertify(v, 45, 9, 1, commune);
        mvc.perform(post("/api/v1/elections/" + v.electionId() + "/results/publications").with(commune))
                .andExpect(status().isCreated());
        String election = "/portal/results/" + v.electionId();

        var first = mvc.perform(get(election)).andExpect(status().isOk()).andReturn();
        assertThat(first.getRequest().getSession(false)).as("a visitor gets no session").isNull();
        assertThat(first.getResponse().getHeader("Set-Cookie")).isNull();
        String etag = first.getResponse().getHeader("ETag");
        assertThat(etag).endsWith("-election-vi\"");
        assertThat(first.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("_csrf")
                .contains("bản công bố số 1");
        String again = mvc.perform(get(election)).andExpect(status().isOk()).andExpect(header().string("ETag", etag))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(again).isEqualTo(first.getResponse().getContentAsString(StandardCharsets.UTF_8));
        mvc.perform(get(election).header("If-None-Match", etag)).andExpect(status().isNotModified());
        String english = mvc.perform(get(election).header("Accept-Language", "en")).andExpect(status().isOk())
                .andExpect(header().string("ETag", org.hamcrest.Matchers.endsWith("-election-en\"")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("publication 1").doesNotContain("bản công bố số 1");
        // the JSON: 304 for its holder, HEAD for a cache
        String json = "/api/v1/public/elections/" + v.electionId() + "/results";
        String jsonTag = mvc.perform(get(json)).andExpect(status().isOk()).andReturn().getResponse().getHeader("ETag");
        mvc.perform(get(json).header("If-None-Match", jsonTag)).andExpect(status().isNotModified());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head(json)).andExpect(status().isOk());
        // a client that accepts gzip (a browser, a CDN) gets the same bytes compressed once, under a validator of their own
        byte[] plainPage = first.getResponse().getContentAsByteArray();
        byte[] plainJson = mvc.perform(get(json)).andReturn().getResponse().getContentAsByteArray();
        for (String[] asked : new String[][] {{election, "-election-vi-gzip\""}, {json, "-gzip\""}}) {
            var gz = mvc.perform(get(asked[0]).header("Accept-Encoding", "br;q=1.0, gzip;q=0.8, *;q=0.1"))
                    .andExpect(status().isOk()).andExpect(header().string("Content-Encoding", "gzip"))
                    .andExpect(header().string("Vary", org.hamcrest.Matchers.containsString("Accept-Encoding")))
                    .andReturn().getResponse();
            String tag = gz.getHeader("ETag");
            assertThat(tag).endsWith(asked[1]);
            byte[] unzipped = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz.getContentAsByteArray()))
                    .readAllBytes();
            assertThat(unzipped).isEqualTo(asked[0].equals(json) ? plainJson : plainPage);
            assertThat(gz.getContentAsByteArray().length).isLessThan(unzipped.length);
            mvc.perform(get(asked[0]).header("Accept-Encoding", "gzip").header("If-None-Match", tag))
                    .andExpect(status().isNotModified());
            mvc.perform(get(asked[0]).header("Accept-Encoding", "gzip;q=0, identity"))
                    .andExpect(status().isOk()).andExpect(header().doesNotExist("Content-Encoding"));
        }

        // a correction and a second publication: the same address now shows version 2, the first stays addressable
        mvc.perform(post("/api/v1/elections/" + v.electionId() + "/contests/" + v.villageCode() + "/minutes/" + id
                        + "/corrections").with(commune).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Đếm lại\",\"decision\":\"QĐ 31/QĐ-UBND\"}"))
                .andExpect(status().isCreated());
        countAndCertify(v, 44, 10, 2, commune);
        mvc.perform(post("/api/v1/elections/" + v.electionId() + "/results/publications").with(commune))
                .andExpect(status().isCreated());
        var second = mvc.perform(get(election).header("If-None-Match", etag)).andExpect(status().isOk()).andReturn();
        assertThat(second.getResponse().getHeader("ETag")).isNotEqualTo(etag);
        assertThat(second.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("bản công bố số 2")
                .contains("(73.33%)");
        assertThat(page(election + "?version=1")).contains("bản công bố số 1").contains("(75.00%)");
        // a signed-in official gets the page rendered for them, with their name, never the visitors' copy
        String official = users.create(Role.COMMUNE_OFFICIAL, v.communeCode(), null);
        var session = vn.baucu.support.Pages.login(mvc, official, TestUsers.PASSWORD);
        assertThat(mvc.perform(get(election).cookie(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("_csrf");
    }
}
