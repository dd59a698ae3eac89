package vn.baucu.platform.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.baucu.platform.ApiTokenEvent;

/**
 * Short-lived API tokens, so that a program pays for its password (bcrypt, tens of milliseconds of CPU) once per
 * sign-in and not once per request: {@code POST /api/v1/tokens} with HTTP Basic issues one, and each later request
 * sends {@code Authorization: Bearer <token>}, checked by one indexed look-up of the token's SHA-256 joined to the
 * account (so a disabled or locked account's tokens stop working at once). Only the hash is stored; the token is 256
 * random bits, so it cannot be guessed and needs no throttle. Tokens live in PostgreSQL, so every application node
 * accepts them. A browser never sends one by itself, so the API needs no CSRF token for them.
 */
@Component
public class ApiTokens {

    /** What every token starts with, so that one pasted into a log or a ticket is recognisable. */
    static final String PREFIX = "bcu_";

    /** A token just issued: the token itself is shown this once only. */
    public record Issued(String token, Instant expiresAt, String id) {
    }

    /** The authentication details of a request that presented a token (which token, from where). */
    public record Presented(String id, String client) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events,
              @Value("${baucu.security.token-lifetime:12h}") Duration lifetime) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.lifetime = lifetime;
    }

    /** Issues a token for {@code username} (who has just given their password), audited in the same transaction. */
    @Transactional
    public Issued issue(String username, String client) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        byte[] hash = sha256(token);
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        jdbc.sql("""
                        insert into api_token (token_hash, username, client, issued_at, expires_at)
                        values (:hash, :username, :client, :now, :expires)""")
                .param("hash", hash).param("username", username).param("client", client)
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(expires))
                .update();
        events.publishEvent(new ApiTokenEvent(ApiTokenEvent.Kind.ISSUED, username, client, id(hash)));
        return new Issued(token, expires, id(hash));
    }

    /** The account a presented token stands for: empty when it is unknown, expired, revoked, or its account is off. */
    public Optional<BaucuUserDetails> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 64) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return jdbc.sql("select " + UserAccounts.COLUMNS.replaceAll("(\\w+)", "u.$1") + """
                         from api_token t join app_user u on u.username = t.username
                        where t.token_hash = :hash and t.revoked_at is null and t.expires_at > :now""")
                .param("hash", sha256(token)).param("now", Timestamp.from(now))
                .query(UserAccounts.mapper(now))
                .optional()
                .filter(u -> u.isEnabled() && u.isAccountNonLocked());
    }

    /** Revokes a token; false when it was not in force. Audited in the same transaction. */
    @Transactional
    public boolean revoke(String token, String client) {
        byte[] hash = sha256(token);
        Optional<String> username = jdbc.sql("""
                        update api_token set revoked_at = :now
                        where token_hash = :hash and revoked_at is null and expires_at > :now
                        returning username""")
                .param("hash", hash).param("now", Timestamp.from(clock.instant()))
                .query(String.class).optional();
        username.ifPresent(u -> events.publishEvent(new ApiTokenEvent(ApiTokenEvent.Kind.REVOKED, u, client, id(hash))));
        return username.isPresent();
    }

    /** The token's name in logs and audit entries: the first 12 hex digits of its SHA-256. */
    public static String idOf(String token) {
        return id(sha256(token));
    }

    /** Forgets tokens that expired more than a day ago (safe on several nodes: one idempotent delete). */
    @Scheduled(fixedDelayString = "${baucu.security.token-sweep:1h}", initialDelayString = "${baucu.security.token-sweep:1h}")
    void sweep() {
        jdbc.sql("delete from api_token where expires_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(Duration.ofDays(1))))
                .update();
    }

    private static String id(byte[] hash) {
        return HexFormat.of().formatHex(hash, 0, 6);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
