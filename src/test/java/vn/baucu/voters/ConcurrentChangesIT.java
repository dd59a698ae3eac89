package vn.baucu.voters;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Two people change the same record at the same moment, over real HTTP: the state change is one conditional
 * update, so exactly one wins and the other gets 409; nothing is counted twice. A change sent with an older
 * version (If-Match) gets 412.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentChangesIT {

    static final int ROUNDS = 12;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterAll
    void close() {
        pool.shutdownNow();
    }

    @Test
    void twoRemovalsOfOneVoterCountOnceAndTwoAnswersToOneComplaintKeepTheFirst() throws Exception {
        long election = Long.parseLong(send("POST", "/api/v1/elections", null, "{\"kind\":\"NATIONAL_ASSEMBLY\","
                + "\"ruleSet\":\"NATIONAL_ASSEMBLY_2025\",\"name\":\"QH đồng thời\",\"term\":\"2027-2032\","
                + "\"electionDay\":\"2027-05-23\"}").body().replaceAll(".*\"id\":(\\d+).*", "$1"));
        int number = 100_000 + (int) (Math.random() * 800_000);
        String area = send("POST", "/api/v1/communes/06709/polling-areas", null, "{\"pollingDay\":\"2027-05-23\",\"number\":"
                + number + ",\"name\":\"KV đồng thời\",\"voters\":800}").body().replaceAll(".*?\"id\":(\\d+).*", "$1");
        StringBuilder csv = new StringBuilder("Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân\n");
        for (int i = 0; i < ROUNDS; i++) {
            csv.append("Hà Văn Cùng ").append(i).append(",01/01/1980,Nam,0220806").append(String.format("%05d", i)).append('\n');
        }
        String boundary = "b" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        var imported = http.send(request("/api/v1/elections/" + election + "/voter-lists?pollingArea=" + area)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        long list = jdbc.sql("select id from voter_list where election_id = :e").param("e", election).query(Long.class).single();
        List<Long> entries = jdbc.sql("select id from voter_entry where voter_list_id = :l order by id").param("l", list)
                .query(Long.class).list();

        for (long entry : entries) {
            List<Integer> statuses = race("POST", "/api/v1/voter-entries/" + entry + "/removal", "{\"reason\":\"DIED\"}");
            assertThat(statuses).as("entry %d", entry).containsExactlyInAnyOrder(200, 409);
        }
        assertThat(jdbc.sql("select entries from voter_list where id = :l").param("l", list).query(Integer.class).single())
                .as("each voter counted off once").isZero();
        assertThat(jdbc.sql("select count(*) from voter_change where voter_list_id = :l and kind = 'REMOVE'").param("l", list)
                .query(Integer.class).single()).isEqualTo(ROUNDS);

        for (int i = 0; i < ROUNDS; i++) {
            String complaint = send("POST", "/api/v1/voter-lists/" + list + "/complaints", null,
                    "{\"complainant\":\"Người " + i + "\",\"content\":\"Sai tên\",\"receivedOn\":\"2026-11-30\"}").body()
                    .replaceAll(".*?\"id\":(\\d+).*", "$1");
            var statuses = race("POST", "/api/v1/voter-complaints/" + complaint + "/answer",
                    "{\"outcome\":\"ACCEPTED\",\"answer\":\"Đã sửa\",\"answeredOn\":\"2026-12-01\"}");
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            assertThat(jdbc.sql("select version from voter_complaint where id = :c").param("c", Long.parseLong(complaint))
                    .query(Integer.class).single()).as("answered once").isEqualTo(1);
        }

        // a stale version: read the ETag, someone else changes the record, then the change with the old ETag is 412
        String complaint = send("POST", "/api/v1/voter-lists/" + list + "/complaints", null,
                "{\"complainant\":\"Người cuối\",\"content\":\"Thiếu tên\",\"receivedOn\":\"2026-11-30\"}").body()
                .replaceAll(".*?\"id\":(\\d+).*", "$1");
        var read = send("GET", "/api/v1/voter-complaints/" + complaint, null, null);
        String etag = read.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"0\"");
        assertThat(send("POST", "/api/v1/voter-complaints/" + complaint + "/answer", etag,
                "{\"outcome\":\"REJECTED\",\"answer\":\"Không đúng\",\"answeredOn\":\"2026-12-01\"}").statusCode()).isEqualTo(200);
        var stale = send("POST", "/api/v1/voter-complaints/" + complaint + "/answer", etag,
                "{\"outcome\":\"ACCEPTED\",\"answer\":\"Đè lên\",\"answeredOn\":\"2026-12-01\"}");
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);
        assertThat(stale.body()).contains("stale-version");
        assertThat(jdbc.sql("select answer from voter_complaint where id = :c").param("c", Long.parseLong(complaint))
                .query(String.class).single()).isEqualTo("Không đúng");

        // and a complaint about a voter of another list is refused without naming them
        String otherArea = send("POST", "/api/v1/communes/06709/polling-areas", null, "{\"pollingDay\":\"2027-05-23\",\"number\":"
                + (number + 1) + ",\"name\":\"KV bên cạnh\",\"voters\":800}").body().replaceAll(".*?\"id\":(\\d+).*", "$1");
        String other = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nHọ và tên,Ngày sinh,Giới tính,Số định danh cá nhân\n"
                + "Người Bên Cạnh,01/01/1980,Nam,022080699999\n\r\n--" + boundary + "--\r\n";
        assertThat(http.send(request("/api/v1/elections/" + election + "/voter-lists?pollingArea=" + otherArea)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(other)).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(201);
        long otherEntry = jdbc.sql("select id from voter_entry where election_id = :e and voter_list_id <> :l")
                .param("e", election).param("l", list).query(Long.class).single();
        var wrong = send("POST", "/api/v1/voter-lists/" + list + "/complaints", null, "{\"entryId\":" + otherEntry
                + ",\"complainant\":\"A\",\"content\":\"B\",\"receivedOn\":\"2026-11-30\"}");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("COMPLAINT_ENTRY_OTHER_LIST").doesNotContain("Người Bên Cạnh");
    }

    @Test
    void twoWithdrawalsOfACandidateAndTwoFreezesOfAnElectionEachHappenOnce() throws Exception {
        long election = Long.parseLong(send("POST", "/api/v1/elections", null, "{\"kind\":\"NATIONAL_ASSEMBLY\","
                + "\"ruleSet\":\"NATIONAL_ASSEMBLY_2025\",\"name\":\"QH đồng thời 2\",\"term\":\"2026-2031\","
                + "\"electionDay\":\"2026-03-15\"}").body().replaceAll(".*\"id\":(\\d+).*", "$1"));
        List<String> qn = jdbc.sql("select code from admin_unit where level = 'COMMUNE' and province_code = '22' and valid_to is null")
                .query(String.class).list();
        assertThat(send("PUT", "/api/v1/elections/" + election + "/provinces/22/units", null, "[{\"number\":1,\"seats\":3,"
                + "\"communeCodes\":[\"" + String.join("\",\"", qn) + "\"]}]").statusCode()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            String candidate = send("POST", "/api/v1/elections/" + election + "/contests/22-1/candidates", null,
                    "{\"fullName\":\"Trần Thị Rút " + i + "\",\"birthDate\":\"1975-01-0" + (i + 1) + "\",\"sex\":\"F\","
                            + "\"nominationSource\":\"INTRODUCED\",\"ethnicity\":\"Kinh\"}").body()
                    .replaceAll(".*?\"id\":(\\d+).*", "$1");
            assertThat(race("POST", "/api/v1/candidates/" + candidate + "/status",
                    "{\"status\":\"WITHDRAWN\",\"reason\":\"Xin rút\"}")).containsExactlyInAnyOrder(200, 409);
            assertThat(jdbc.sql("select count(*) from audit_log where subject = 'candidate' and subject_id = :c "
                    + "and action = 'CANDIDATE_STATUS'").param("c", candidate).query(Integer.class).single())
                    .as("one status change recorded").isEqualTo(1);
        }
        assertThat(race("POST", "/api/v1/elections/" + election + "/freeze", "{}")).containsExactlyInAnyOrder(200, 409);
        assertThat(jdbc.sql("select count(*) from audit_log where subject = 'election' and subject_id = :e "
                + "and action = 'ELECTION_FROZEN'").param("e", String.valueOf(election)).query(Integer.class).single())
                .as("frozen once").isEqualTo(1);
    }

    /** The same request sent twice at the same moment (after a barrier); the two statuses. */
    private List<Integer> race(String method, String path, String json) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> both = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            both.add(CompletableFuture.supplyAsync(() -> {
                try {
                    HttpRequest r = request(path).header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
                    barrier.await();
                    return http.send(r, HttpResponse.BodyHandlers.ofString()).statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, pool));
        }
        List<Integer> statuses = new ArrayList<>();
        for (var f : both) {
            statuses.add(f.get());
        }
        return statuses;
    }

    private HttpResponse<String> send(String method, String path, String ifMatch, String json) throws Exception {
        var b = request(path).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("admin:admin-test-password".getBytes(StandardCharsets.UTF_8)));
    }
}
