package vn.baucu.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Live updates that hold with several application nodes on one database: a change to an election's polling day,
 * minutes or results is announced with PostgreSQL's {@code NOTIFY} inside the transaction that makes it (so it is
 * delivered once that commits, and never for one rolled back), and every node {@code LISTEN}s on its own connection
 * and hands each announcement to the dashboards connected to it. Nothing is kept in memory but who is connected to
 * this node; a node that loses its connection reconnects and tells its listeners to refresh (a {@code RESYNC}).
 */
@Component
public class LiveChanges implements SmartLifecycle {

    public static final String CHANNEL = "baucu_live";
    /** What a listener is told when this node may have missed announcements (its connection was lost). */
    public static final String RESYNC = "RESYNC";

    private static final Logger log = LoggerFactory.getLogger(LiveChanges.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration RETRY = Duration.ofSeconds(1);

    /** One announced change: which election, what changed ({@code MINUTES}, {@code TURNOUT}, …) and where. */
    public record Change(long electionId, String kind, String place) {
        String payload() {
            return electionId + "|" + kind + "|" + (place == null ? "" : place);
        }

        static Change parse(String payload) {
            String[] p = payload.split("\\|", 3);
            return new Change(Long.parseLong(p[0]), p[1], p.length > 2 && !p[2].isEmpty() ? p[2] : null);
        }
    }

    /** A listener's registration; closing it stops the deliveries. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final JdbcClient jdbc;
    private final JdbcConnectionDetails database;
    private final Map<Long, Set<Consumer<Change>>> listeners = new ConcurrentHashMap<>();
    private final Set<Consumer<Change>> everything = new CopyOnWriteArraySet<>();
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    public LiveChanges(JdbcClient jdbc, JdbcConnectionDetails database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /**
     * Announces a change of an election, in the caller's transaction: the dashboards see it once it commits. The
     * payload is small (PostgreSQL's limit is 8,000 bytes), so a place code is cut to 64 characters.
     */
    public void changed(long electionId, String kind, String place) {
        String at = place == null ? null : place.length() > 64 ? place.substring(0, 64) : place;
        jdbc.sql("select pg_notify(:c, :p)").param("c", CHANNEL)
                .param("p", new Change(electionId, kind, at).payload()).query((rs, i) -> 1).list();
    }

    /** Delivers every change of one election to {@code listener} (on this node's listener thread: keep it short). */
    public Subscription subscribe(long electionId, Consumer<Change> listener) {
        listeners.computeIfAbsent(electionId, k -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> listeners.computeIfPresent(electionId, (k, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /** Delivers every change of every election (benchmarks, tests). */
    public Subscription subscribeAll(Consumer<Change> listener) {
        everything.add(listener);
        return () -> everything.remove(listener);
    }

    /** Whether this node is listening now (the connection is open and {@code LISTEN} was accepted). */
    public boolean listening() {
        return listening;
    }

    /** How many listeners are connected to this node. */
    public int connected() {
        return listeners.values().stream().mapToInt(Set::size).sum() + everything.size();
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listen, "baucu-live");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(RETRY.toMillis() * 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean first = true;
        while (running) {
            try (Connection c = DriverManager.getConnection(database.getJdbcUrl(), database.getUsername(),
                    database.getPassword())) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                listening = true;
                if (!first) {
                    log.info("baucu: live updates listening again");
                    deliver(new Change(0, RESYNC, null), true);
                }
                first = false;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notes = pg.getNotifications((int) POLL.toMillis());
                    if (notes == null) {
                        continue;
                    }
                    for (PGNotification n : notes) {
                        Change change;
                        try {
                            change = Change.parse(n.getParameter());
                        } catch (RuntimeException e) {
                            log.warn("baucu: an unreadable live announcement was ignored: {}", n.getParameter());
                            continue;
                        }
                        deliver(change, false);
                    }
                }
            } catch (SQLException e) {
                listening = false;
                if (running) {
                    log.warn("baucu: live updates lost the database connection ({}); retrying in {} s", e.getMessage(),
                            RETRY.toSeconds());
                    first = false;
                    try {
                        Thread.sleep(RETRY.toMillis());
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }
        listening = false;
    }

    private void deliver(Change change, boolean toAll) {
        if (toAll) {
            listeners.values().forEach(set -> set.forEach(l -> safely(l, change)));
        } else {
            listeners.getOrDefault(change.electionId(), Set.of()).forEach(l -> safely(l, change));
        }
        everything.forEach(l -> safely(l, change));
    }

    private static void safely(Consumer<Change> listener, Change change) {
        try {
            listener.accept(change);
        } catch (RuntimeException e) {
            log.debug("baucu: a live listener failed: {}", e.toString());
        }
    }
}
