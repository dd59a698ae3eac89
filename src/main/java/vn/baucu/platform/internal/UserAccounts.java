package vn.baucu.platform.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import vn.baucu.platform.CurrentUser;
import vn.baucu.platform.Role;

/**
 * Loads users for authentication and keeps the lockout state: after {@code max-failed-attempts}
 * wrong passwords in a row the account is locked for {@code lockout-duration}. The counter is updated
 * by one SQL statement, so two app nodes counting the same account agree.
 */
@Component
class UserAccounts implements UserDetailsService {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailedAttempts;
    private final Duration lockoutDuration;

    UserAccounts(JdbcClient jdbc, Clock clock,
                 @Value("${baucu.security.max-failed-attempts:5}") int maxFailedAttempts,
                 @Value("${baucu.security.lockout-duration:15m}") Duration lockoutDuration) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailedAttempts = maxFailedAttempts;
        this.lockoutDuration = lockoutDuration;
    }

    @Override
    public BaucuUserDetails loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException(username));
    }

    Optional<BaucuUserDetails> find(String username) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        select username, full_name, role, unit_code, password_hash, enabled, locked_until
                        from app_user where username = :username""")
                .param("username", username)
                .query((rs, i) -> {
                    Timestamp locked = rs.getTimestamp("locked_until");
                    return new BaucuUserDetails(
                            new CurrentUser(rs.getString("username"), rs.getString("full_name"),
                                    Role.valueOf(rs.getString("role")), rs.getString("unit_code")),
                            rs.getString("password_hash"), rs.getBoolean("enabled"),
                            locked == null ? null : locked.toInstant(), now);
                })
                .optional();
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        Instant until = clock.instant().plus(lockoutDuration);
        jdbc.sql("""
                        update app_user
                        set locked_until = case when failed_attempts + 1 >= :max then :until else locked_until end,
                            failed_attempts = case when failed_attempts + 1 >= :max then 0 else failed_attempts + 1 end
                        where username = :username""")
                .param("max", maxFailedAttempts)
                .param("until", Timestamp.from(until))
                .param("username", String.valueOf(event.getAuthentication().getName()))
                .update();
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        jdbc.sql("update app_user set failed_attempts = 0, locked_until = null where username = :username and failed_attempts > 0")
                .param("username", event.getAuthentication().getName())
                .update();
    }
}
