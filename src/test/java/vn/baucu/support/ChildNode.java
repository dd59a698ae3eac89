package vn.baucu.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

import vn.baucu.BaucuApplication;

/**
 * baucu as a JVM of its own on a given database (the test's, or another on the same server), as a second node behind
 * a load balancer or as the application started on a restored backup. Closing it stops it.
 */
public final class ChildNode implements AutoCloseable {

    public final int port;
    public final Path log;
    private final Process process;

    private ChildNode(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts baucu on {@code jdbcUrl} with the test database's roles, and waits until it is healthy. */
    public static ChildNode start(String name, String jdbcUrl, JdbcConnectionDetails app, FlywayConnectionDetails owner)
            throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Path.of("target", name + ".log");
        var pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), BaucuApplication.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        var env = pb.environment();
        env.put("DB_URL", jdbcUrl);
        env.put("DB_USER", app.getUsername());
        env.put("DB_PASSWORD", app.getPassword() == null ? "" : app.getPassword());
        env.put("DB_OWNER_USER", owner.getUsername());
        env.put("DB_OWNER_PASSWORD", owner.getPassword() == null ? "" : owner.getPassword());
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("BAUCU_DEMO", "false");
        env.put("BAUCU_ADMIN_PASSWORD", "admin-test-password");
        Process process = pb.start();
        ChildNode node = new ChildNode(port, log, process);
        HttpClient plain = HttpClient.newHttpClient();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " stopped:\n" + Files.readString(log));
            }
            try {
                var r = plain.send(HttpRequest.newBuilder(node.uri("/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return node;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        node.close();
        throw new AssertionError(name + " did not start:\n" + Files.readString(log));
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
