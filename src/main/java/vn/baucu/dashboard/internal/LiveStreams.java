package vn.baucu.dashboard.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import jakarta.annotation.PreDestroy;
import vn.baucu.platform.LiveChanges;

/**
 * The dashboards connected to this node, each an open server-sent-event stream of one election. Announcements come
 * from {@link LiveChanges} (every node hears every change); each stream is marked and a sender sends one
 * {@code change} event per stream at most every {@link #TICK}, so a burst of a thousand certifications costs a dashboard
 * a few reloads, not a thousand, and a slow client never holds up the database listener. A comment every
 * {@link #HEARTBEAT} finds the streams whose client has gone.
 */
@Component
class LiveStreams {

    static final Duration TICK = Duration.ofMillis(100);
    static final Duration HEARTBEAT = Duration.ofSeconds(20);
    /** A stream is closed after this long; the browser's EventSource then reconnects by itself. */
    static final Duration LIFETIME = Duration.ofMinutes(30);

    private final LiveChanges live;
    private final Map<SseEmitter, Stream> streams = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sender = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "baucu-live-send");
        t.setDaemon(true);
        return t;
    });

    private static final class Stream {
        final long electionId;
        final AtomicLong pending = new AtomicLong();
        volatile String lastPlace;
        volatile long sent;
        LiveChanges.Subscription subscription;

        Stream(long electionId) {
            this.electionId = electionId;
        }
    }

    LiveStreams(LiveChanges live) {
        this.live = live;
        sender.scheduleWithFixedDelay(this::flush, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        sender.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    SseEmitter open(long electionId) throws IOException {
        SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
        Stream stream = new Stream(electionId);
        stream.subscription = live.subscribe(electionId, change -> {
            stream.lastPlace = change.place();
            stream.pending.incrementAndGet();
        });
        streams.put(emitter, stream);
        Runnable gone = () -> close(emitter);
        emitter.onCompletion(gone);
        emitter.onTimeout(gone);
        emitter.onError(e -> gone.run());
        // the first event says the stream is open (and whether this node is listening to the database)
        emitter.send(SseEmitter.event().name("ready").data(live.listening() ? "listening" : "reconnecting")
                .reconnectTime(2000));
        return emitter;
    }

    /** How many streams are open on this node. */
    int open() {
        return streams.size();
    }

    private void close(SseEmitter emitter) {
        Stream s = streams.remove(emitter);
        if (s != null) {
            s.subscription.close();
        }
    }

    private void flush() {
        for (var e : streams.entrySet()) {
            Stream s = e.getValue();
            long n = s.pending.getAndSet(0);
            if (n == 0) {
                continue;
            }
            s.sent += n;
            try {
                e.getKey().send(SseEmitter.event().name("change").id(String.valueOf(s.sent))
                        .data(s.lastPlace == null ? "" : s.lastPlace));
            } catch (IOException | IllegalStateException ex) {
                close(e.getKey());
            }
        }
    }

    private void heartbeat() {
        for (SseEmitter e : streams.keySet()) {
            try {
                e.send(SseEmitter.event().comment("ok"));
            } catch (IOException | IllegalStateException ex) {
                close(e);
            }
        }
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
        streams.keySet().forEach(SseEmitter::complete);
    }
}
