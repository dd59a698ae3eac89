package vn.baucu.geography;

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
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Villages and election bodies, which several people edit, carry a version: the ETag of a GET, sent back as If-Match.
 * Two changes sent at the same moment against the same version: one wins, the other gets 412 and changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class VersionsIT {

    @LocalServerPort
    int port;
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void twoAmendmentsOfAVillageAgainstTheSameVersionOneWins() throws Exception {
        String name = "Thôn Phiên Bản " + UUID.randomUUID().toString().substring(0, 6);
        var created = send(json("POST", "/api/v1/admin-units/06709/villages", "{\"name\":\"" + name
                + "\",\"kind\":\"thôn\",\"households\":40,\"effective\":\"2025-07-01\"}", null));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String code = created.body().replaceAll(".*\"code\":\"([^\"]+)\".*", "$1");
        var read = send(json("GET", "/api/v1/admin-units/" + code + "?asOf=2026-01-01", null, null));
        String etag = read.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"0\"");

        List<Integer> statuses = race(i -> json("POST", "/api/v1/villages/" + code + "/versions", "{\"name\":\"" + name + " "
                + i + "\",\"kind\":\"thôn\",\"households\":" + (41 + i) + ",\"effective\":\"2026-06-01\"}", etag));
        assertThat(statuses).containsExactlyInAnyOrder(201, 412);
        var now = send(json("GET", "/api/v1/admin-units/" + code + "?asOf=2026-07-01", null, null));
        assertThat(now.headers().firstValue("ETag")).contains("\"1\"");
        var history = send(json("GET", "/api/v1/admin-units/" + code + "/history", null, null));
        assertThat(history.body().split("\"validFrom\"").length - 1).as("one new version, not two").isEqualTo(2);
    }

    @Test
    void twoMemberImportsOfABodyAgainstTheSameVersionOneWins() throws Exception {
        var election = send(json("POST", "/api/v1/elections", "{\"kind\":\"NATIONAL_ASSEMBLY\",\"ruleSet\":\"NATIONAL_ASSEMBLY_2025\","
                + "\"name\":\"QH phiên bản\",\"term\":\"2026-2031\",\"electionDay\":\"2026-03-15\"}", null));
        String e = election.body().replaceAll(".*\"id\":(\\d+).*", "$1");
        var body = send(json("POST", "/api/v1/elections/" + e + "/organisations", "{\"kind\":\"ELECTION_COMMITTEE\","
                + "\"level\":\"PROVINCE\",\"unitCode\":\"22\",\"name\":\"Ủy ban bầu cử tỉnh\"}", null));
        assertThat(body.statusCode()).as(body.body()).isEqualTo(201);
        String id = body.body().replaceAll(".*?\"id\":(\\d+).*", "$1");
        String etag = send(json("GET", "/api/v1/organisations/" + id, null, null)).headers().firstValue("ETag").orElseThrow();
        List<Integer> statuses = race(i -> members("/api/v1/organisations/" + id + "/members/imports",
                "ho_ten,chuc_vu\nNgười Thứ " + i + ",CHAIR\n", etag));
        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        assertThat(send(json("GET", "/api/v1/organisations/" + id, null, null)).headers().firstValue("ETag")).contains("\"1\"");
    }

    private HttpRequest json(String method, String path, String body, String ifMatch) {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", basic())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return b.build();
    }

    private HttpRequest members(String path, String csv, String ifMatch) {
        String boundary = "b" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tv.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", basic())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("If-Match", ifMatch)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private List<Integer> race(java.util.function.IntFunction<HttpRequest> request) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> both = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            HttpRequest r = request.apply(i);
            Supplier<Integer> call = () -> {
                try {
                    barrier.await();
                    return http.send(r, HttpResponse.BodyHandlers.ofString()).statusCode();
                } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            };
            both.add(CompletableFuture.supplyAsync(call));
        }
        List<Integer> out = new ArrayList<>();
        for (var f : both) {
            out.add(f.get());
        }
        return out;
    }

    private HttpResponse<String> send(HttpRequest r) throws Exception {
        return http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString("admin:admin-test-password".getBytes(StandardCharsets.UTF_8));
    }
}
