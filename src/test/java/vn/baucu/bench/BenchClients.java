package vn.baucu.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import tools.jackson.databind.json.JsonMapper;
import vn.baucu.support.Http;
import vn.baucu.support.TestUsers;

/**
 * The clients of the HTTP benchmarks: {@code clients} threads sharing one keep-alive HTTP/1.1 client against a node on
 * {@code port}, signing in once for an API token, and work spread over the threads in contiguous slices.
 */
final class BenchClients implements AutoCloseable {

    interface Work {
        long apply(int i) throws Exception;
    }

    final int clients;
    private final int port;
    private final ExecutorService pool;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final JsonMapper json = new JsonMapper();

    BenchClients(int port, int clients) {
        this.port = port;
        this.clients = clients;
        this.pool = Executors.newFixedThreadPool(clients);
    }

    /** {@code work} for 0..n-1, each client taking one slice in order; the sum of what it returned. */
    long run(int n, Work work) throws Exception {
        List<Future<Long>> futures = new ArrayList<>();
        int per = (n + clients - 1) / clients;
        for (int c = 0; c < clients; c++) {
            int from = c * per;
            int to = Math.min(n, from + per);
            futures.add(pool.submit(() -> {
                long sum = 0;
                for (int i = from; i < to; i++) {
                    sum += work.apply(i);
                }
                return sum;
            }));
        }
        long sum = 0;
        for (Future<Long> f : futures) {
            sum += f.get();
        }
        return sum;
    }

    /** An API token for a test user (its password is {@link TestUsers#PASSWORD}). */
    String token(String user) throws Exception {
        return token(user, TestUsers.PASSWORD);
    }

    String token(String user, String password) throws Exception {
        var r = http.send(HttpRequest.newBuilder(uri("/api/v1/tokens")).header("Authorization", Http.basic(user, password))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).get("token").asString();
    }

    /** A GET with a token, or with no credentials when {@code token} is null. */
    HttpResponse<String> get(String path, String token) throws Exception {
        var b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", Http.bearer(token));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> getBasic(String path, String user, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", Http.basic(user, password)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> send(String method, String path, String token, String body, UUID key, String ifMatch)
            throws Exception {
        return Http.send(http, uri(path), method, Http.bearer(token), body, key, ifMatch);
    }

    /** What a timed run does; its result is kept so that nothing is optimised away. */
    interface Timed {
        long run() throws Exception;
    }

    /** {@code what} {@code repeats} times after one unmeasured run: [p50, p95, max] in ms. */
    static double[] times(int repeats, Timed what) throws Exception {
        what.run();
        double[] ms = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            what.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return new double[] {ms[repeats / 2], ms[Math.min(repeats - 1, (int) Math.ceil(repeats * 0.95) - 1)], ms[repeats - 1]};
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
