package vn.baucu.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/** Real HTTP requests to a running node (tests with child JVMs, benchmarks): JSON with the write headers of the API. */
public final class Http {

    private Http() {
    }

    /** The {@code Authorization} value of HTTP Basic. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code Authorization} value of an API token. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /**
     * Sends {@code body} (JSON, or nothing when null) with {@code authorization}, an {@code Idempotency-Key} and an
     * {@code If-Match} when given; the answer whatever its status, an IOException if the server is gone.
     */
    public static HttpResponse<String> send(HttpClient http, URI uri, String method, String authorization, String body,
                                            UUID key, String ifMatch) throws IOException, InterruptedException {
        var b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization).header("Content-Type", "application/json");
        if (key != null) {
            b.header("Idempotency-Key", key.toString());
        }
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
