package vn.baucu.voters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A real server with a small upload limit: an upload far over it is refused with 413 without the
 * server reading it all (the client is cut off long before it has sent the whole body).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.servlet.multipart.max-file-size=1MB", "spring.servlet.multipart.max-request-size=1MB"})
@ActiveProfiles("test")
class UploadLimitIT {

    @LocalServerPort
    int port;

    @Test
    void anUploadOverTheLimitIsRefused() throws Exception {
        long total = 200L * 1024 * 1024;   // 200 MB offered; the limit is 1 MB
        AtomicLong sent = new AtomicLong();
        String boundary = "baucu" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        InputStream body = new InputStream() {
            long pos;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] b, int off, int len) {
                long size = head.length + total + tail.length;
                if (pos >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - pos);
                for (int i = 0; i < n; i++, pos++) {
                    b[off + i] = pos < head.length ? head[(int) pos]
                            : pos < head.length + total ? (byte) 'a' : tail[(int) (pos - head.length - total)];
                }
                sent.addAndGet(n);
                return n;
            }
        };
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/voter-lists/validate?ruleSet=NATIONAL_ASSEMBLY_2025&electionDay=2026-03-15"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin-test-password".getBytes()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
        int status;
        try {
            status = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException cutOff) {
            status = 413;   // the server may close the connection once it has answered
        }
        assertThat(status).isEqualTo(413);
        assertThat(sent.get()).as("the server stopped reading long before 200 MB").isLessThan(total / 2);
    }
}
