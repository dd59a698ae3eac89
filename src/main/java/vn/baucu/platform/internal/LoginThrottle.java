package vn.baucu.platform.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.baucu.platform.SignInEvent;

/**
 * Throttles sign-ins per client as well as per account. A client with {@code client-failures} failures in the
 * window may not try again until the window has passed; an account with {@code max-failed-attempts} failures from
 * one client is locked for that client only, for {@code lockout-duration}. The account itself is locked for
 * everyone only after {@code account-lock-attempts} failures from any clients (a distributed attack). Kept in
 * PostgreSQL, so every node applies the same limits.
 */
@Component
public class LoginThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final int perAccountAndClient;
    private final int perClient;
    private final Duration window;

    LoginThrottle(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events,
                  @Value("${baucu.security.max-failed-attempts:5}") int perAccountAndClient,
                  @Value("${baucu.security.client-failures:20}") int perClient,
                  @Value("${baucu.security.lockout-duration:15m}") Duration window) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.perAccountAndClient = perAccountAndClient;
        this.perClient = perClient;
        this.window = window;
    }

    /** Why this attempt is refused before its password is even checked, or null when it may go ahead. */
    public SignInEvent.Kind refusal(String username, String client) {
        Counts c = counts(username, client);
        return c.fromClient() >= perClient ? SignInEvent.Kind.THROTTLED
                : c.onAccount() >= perAccountAndClient ? SignInEvent.Kind.LOCKED : null;
    }

    /** Records a failed sign-in, and tells when it is the one that locks the account for this client or throttles it. */
    void failed(String username, String client) {
        jdbc.sql("insert into auth_failure (username, client, at) values (:u, :c, :at)")
                .param("u", String.valueOf(username)).param("c", client).param("at", Timestamp.from(clock.instant())).update();
        events.publishEvent(new SignInEvent(SignInEvent.Kind.FAILED, username, client));
        Counts c = counts(username, client);
        if (c.fromClient() < perClient && c.onAccount() == perAccountAndClient) {
            events.publishEvent(new SignInEvent(SignInEvent.Kind.LOCKED, username, client));
        }
        if (c.fromClient() == perClient) {
            events.publishEvent(new SignInEvent(SignInEvent.Kind.THROTTLED, username, client));
        }
    }

    /** Failures in the window from the client, and of them on the account (0 without one). */
    private record Counts(int fromClient, int onAccount) {
    }

    /** Both counts in one index scan of the client's failures: this runs before every password check. */
    private Counts counts(String username, String client) {
        return jdbc.sql("""
                        select count(*), count(*) filter (where username = :u)
                        from auth_failure where client = :c and at > :since""")
                .param("u", String.valueOf(username)).param("c", client)
                .param("since", Timestamp.from(clock.instant().minus(window)))
                .query((rs, i) -> new Counts(rs.getInt(1), username == null ? 0 : rs.getInt(2))).single();
    }

    /** A successful sign-in clears that account's failures from that client. */
    void succeeded(String username, String client) {
        jdbc.sql("delete from auth_failure where username = :u and client = :c").param("u", username).param("c", client)
                .update();
    }
}
