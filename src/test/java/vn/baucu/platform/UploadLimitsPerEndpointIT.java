package vn.baucu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Each upload endpoint has its own limit, refused from the declared length before the body is read: an 11 MB
 * village file is 413 (villages take 10 MB), while a voter list of the same size is read and checked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UploadLimitsPerEndpointIT {

    @LocalServerPort
    int port;

    private HttpResponse<String> upload(String path, byte[] content) throws Exception {
        String boundary = "b" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin-test-password"
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aVillageFileAboveItsOwnLimitIs413AndAVoterListOfTheSameSizeIsRead() throws Exception {
        byte[] eleven = new byte[11 * 1024 * 1024];
        Arrays.fill(eleven, (byte) 'a');
        var villages = upload("/api/v1/villages/imports?effective=2025-07-01", eleven);
        assertThat(villages.statusCode()).isEqualTo(413);
        assertThat(villages.body()).contains("urn:baucu:problem:too-large");
        var voters = upload("/api/v1/voter-lists/validate?ruleSet=NATIONAL_ASSEMBLY_2025&electionDay=2026-03-15", eleven);
        assertThat(voters.statusCode()).as(voters.body()).isEqualTo(422);   // read, and refused for what it holds
    }
}
