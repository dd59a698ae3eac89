package vn.baucu.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import vn.baucu.BaucuApplication;
import vn.baucu.counting.CountingMinutes;
import vn.baucu.counting.MinutesEntry;
import vn.baucu.counting.MinutesSummary;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.CurrentUser;
import vn.baucu.platform.Role;
import vn.baucu.support.TestUsers;
import vn.baucu.support.VillageElections;

/**
 * On demand only (not matched by the failsafe includes): {@code bench/dashboard-latency.sh}. From a certification's
 * commit to the change visible on a connected dashboard: a signed-in client holds the dashboard's live stream and, on
 * each {@code change} event, reloads the dashboard's figures as the page does; a minutes is corrected, entered twice
 * and certified N times (1,000 by default) on node A, and each time the client waits until the reloaded figures show
 * it certified. Run with the client on node A itself and on a second application node (its own Spring context and
 * server on the same database). Baseline in the same run: a bare {@code NOTIFY} from one connection to a
 * {@code LISTEN}ing other, the floor of any design that goes through the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DashboardLatencyBenchmark {

    static final int ROUNDS = Integer.getInteger("bench.rounds", 1_000);

    @LocalServerPort
    int port;
    @Autowired
    JdbcConnectionDetails database;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    VillageElections villageElections;
    @Autowired
    TestUsers users;
    @Autowired
    CountingMinutes minutes;

    @Test
    void certificationToDashboard() throws Exception {
        long[] baseline = bareNotify(ROUNDS);
        VillageElections.Built v = villageElections.frozen(60);
        String commune = users.create(Role.COMMUNE_OFFICIAL, v.communeCode(), null);
        long[] one;
        long[] two;
        try (ConfigurableApplicationContext nodeB = new SpringApplicationBuilder(BaucuApplication.class)
                .profiles("test")
                .properties("server.port=0", "DB_URL=" + database.getJdbcUrl(), "DB_USER=" + database.getUsername(),
                        "DB_PASSWORD=" + (database.getPassword() == null ? "" : database.getPassword()))
                .run()) {
            int portB = Integer.parseInt(nodeB.getEnvironment().getProperty("local.server.port"));
            one = rounds(v, commune, port, ROUNDS);
            two = rounds(v, commune, portB, ROUNDS);
        }
        System.out.println("== dashboard latency benchmark (" + ROUNDS + " certifications per run) ==");
        System.out.println(line("bare NOTIFY -> LISTEN (baseline)", baseline));
        System.out.println(line("certified -> visible, same node", one));
        System.out.println(line("certified -> visible, other node", two));
        System.out.printf(Locale.ROOT, "ratio p99 same node / baseline p99:  %.1f%n", p(one, 99) / p(baseline, 99));
        System.out.printf(Locale.ROOT, "ratio p99 other node / baseline p99: %.1f%n", p(two, 99) / p(baseline, 99));
        System.out.printf(Locale.ROOT, "goal p99 < 1000 ms: same node %s, other node %s%n",
                p(one, 99) < 1_000_000 ? "met" : "NOT met", p(two, 99) < 1_000_000 ? "met" : "NOT met");
    }

    /** Microseconds from each certification's commit until the client's reloaded figures show it certified. */
    long[] rounds(VillageElections.Built v, String commune, int onPort, int n) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://127.0.0.1:" + onPort;
        signIn(http, base, commune);
        LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
        var stream = http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/elections/" + v.electionId() + "/live"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        var response = stream.get(30, TimeUnit.SECONDS);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("live stream: " + response.statusCode());
        }
        Thread reader = new Thread(() -> response.body().filter(l -> l.startsWith("event:")).forEach(events::add));
        reader.setDaemon(true);
        reader.start();
        if (!"event:ready".equals(events.poll(30, TimeUnit.SECONDS))) {
            throw new IllegalStateException("no ready event");
        }
        String panel = base + "/elections/" + v.electionId() + "/dashboard/panel";
        CurrentUser team1 = new CurrentUser("bench.team1", "Tổ bầu cử 1", Role.ELECTION_TEAM, v.villageCode());
        CurrentUser team2 = new CurrentUser("bench.team2", "Tổ bầu cử 2", Role.ELECTION_TEAM, v.villageCode());
        CurrentUser official = new CurrentUser(commune, "Cán bộ xã", Role.COMMUNE_OFFICIAL, v.communeCode());
        String body = vn.baucu.support.MinutesBodies.village(v, 60, 50, 49, 1, 40, 9, "");
        MinutesEntry entry = new tools.jackson.databind.json.JsonMapper().readValue(body, MinutesEntry.class);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            Long id = jdbc.sql("select id from minutes where election_id = :e").param("e", v.electionId())
                    .query(Long.class).optional().orElse(null);
            if (id != null) {
                MinutesSummary s = Authorization.runAs(official, () -> minutes.list(v.electionId(), v.villageCode()).get(0));
                if (s.status() == vn.baucu.counting.MinutesStatus.CERTIFIED) {
                    Authorization.runAs(official, () -> minutes.correct(v.electionId(), v.villageCode(), s.id(),
                            "Kiểm tra lại (benchmark)", "QĐ benchmark"));
                }
            }
            Authorization.runAs(team1, () -> minutes.enter(v.electionId(), v.villageCode(), entry, UUID.randomUUID(), "API"));
            MinutesSummary verified = Authorization.runAs(team2,
                    () -> minutes.enter(v.electionId(), v.villageCode(), entry, UUID.randomUUID(), "API")).body().minutes();
            // wait until the client has seen the figures of the entries (not yet certified), then certify
            awaitPanel(http, panel, events, false);
            events.clear();
            Authorization.runAs(official, () -> minutes.certify(v.electionId(), v.villageCode(), verified.id(),
                    verified.version(), "Chủ tịch"));
            long committed = System.nanoTime();
            awaitPanel(http, panel, events, true);
            out[i] = (System.nanoTime() - committed) / 1_000;
        }
        stream.cancel(true);
        return out;
    }

    static final Pattern TILE = Pattern.compile("id=\"tile-minutes\">\\s*<span class=\"big\">(\\d+)/(\\d+)</span>");

    /** Waits for change events and reloads the figures until they show the minutes certified (or not). */
    static void awaitPanel(HttpClient http, String panel, LinkedBlockingQueue<String> events, boolean certified)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String html = http.send(HttpRequest.newBuilder(URI.create(panel)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = TILE.matcher(html);
            if (m.find() && ("1".equals(m.group(1))) == certified) {
                return;
            }
            events.poll(2, TimeUnit.SECONDS);   // the next change event, then reload
        }
        throw new IllegalStateException("the dashboard did not show the change within 10 s");
    }

    static void signIn(HttpClient http, String base, String user) throws Exception {
        String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
    }

    /** Microseconds from a NOTIFY's commit on one connection to its arrival on a listening one. */
    long[] bareNotify(int n) throws Exception {
        long[] out = new long[n];
        try (Connection listen = DriverManager.getConnection(database.getJdbcUrl(), database.getUsername(), database.getPassword());
             Connection send = DriverManager.getConnection(database.getJdbcUrl(), database.getUsername(), database.getPassword())) {
            try (Statement s = listen.createStatement()) {
                s.execute("LISTEN bench_baseline");
            }
            PGConnection pg = listen.unwrap(PGConnection.class);
            for (int i = 0; i < n; i++) {
                try (Statement s = send.createStatement()) {
                    s.execute("NOTIFY bench_baseline, '" + i + "'");
                }
                long committed = System.nanoTime();
                String expected = String.valueOf(i);
                boolean got = false;
                while (!got) {
                    PGNotification[] notes = pg.getNotifications(5_000);
                    got = notes != null && Arrays.stream(notes).anyMatch(x -> x.getParameter().equals(expected));
                }
                out[i] = (System.nanoTime() - committed) / 1_000;
            }
        }
        return out;
    }

    static double p(long[] values, int percentile) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static String line(String what, long[] v) {
        return String.format(Locale.ROOT, "%-36s p50 %8.2f ms  p99 %8.2f ms  max %8.2f ms", what, p(v, 50) / 1000,
                p(v, 99) / 1000, p(v, 100) / 1000);
    }
}
