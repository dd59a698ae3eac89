package vn.baucu.platform;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a submission safe to resend: the first request with an {@code Idempotency-Key} does its work and stores its
 * answer in the same transaction; a resend by the same user with the same key and the same body gets that answer
 * back and changes nothing; the same key with another body is a conflict. A phone on a bad connection can retry
 * until it hears back. Two copies sent at the same moment queue on the key's row: the second waits for the first to
 * commit (then replays it) or to roll back (then does the work itself).
 */
@Service
public class Idempotency {

    /** The answer, and whether it was replayed from an earlier request (the caller answers 200 instead of 201). */
    public record Outcome<T>(T body, boolean replayed) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Idempotency(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The key of a header or form field: a UUID (400 P-404 when missing or malformed). */
    public static UUID key(String value) {
        try {
            if (value != null && value.strip().length() == 36) {
                return UUID.fromString(value.strip());
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw DomainException.malformed(List.of(Violation.of("P-404", "Idempotency-Key", "problem.idempotency-key",
                String.valueOf(value))));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public <T> Outcome<T> once(UUID key, String username, String operation, Object request, Class<T> type,
                               Supplier<T> work) {
        String sha = Inputs.sha256(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
        int inserted = jdbc.sql("""
                        insert into idempotent_request (username, key, operation, request_sha, created_at)
                        values (:u, :k, :op, :sha, :at) on conflict (username, key) do nothing""")
                .param("u", username).param("k", key).param("op", operation).param("sha", sha)
                .param("at", Timestamp.from(clock.instant())).update();
        if (inserted == 1) {
            T body = work.get();
            jdbc.sql("update idempotent_request set response = :r where username = :u and key = :k")
                    .param("r", json.writeValueAsString(body)).param("u", username).param("k", key).update();
            return new Outcome<>(body, false);
        }
        var stored = jdbc.sql("select operation, request_sha, response from idempotent_request where username = :u and key = :k")
                .param("u", username).param("k", key)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).single();
        if (!stored[0].equals(operation) || !stored[1].equals(sha) || stored[2] == null) {
            throw DomainException.conflict("problem.idempotency-key-reused", key);
        }
        return new Outcome<>(json.readValue(stored[2], type), true);
    }
}
