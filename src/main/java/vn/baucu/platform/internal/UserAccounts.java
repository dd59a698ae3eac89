package vn.baucu.platform.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.context.ApplicationEventPublisher;
import vn.baucu.platform.SignInEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import vn.baucu.platform.CurrentUser;
import vn.baucu.platform.Role;

/**
 * Loads users for authentication and keeps the lockout state. Wrong passwords count per account and client
 * ({@link LoginThrottle}: {@code max-failed-attempts} from one client lock the account for that client only); the
 * account is locked for everyone for {@code lockout-duration} only after {@code account-lock-attempts} wrong
 * passwords in a row from any clients. Counters are updated by single SQL statements, so app nodes agree.
 */
@Component
class UserAccounts implements UserDetailsService {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int accountLockAttempts;
    private final Duration lockoutDuration;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;

    UserAccounts(JdbcClient jdbc, Clock clock, LoginThrottle throttle, ApplicationEventPublisher events,
                 @Value("${baucu.security.account-lock-attempts:100}") int accountLockAttempts,
                 @Value("${baucu.security.lockout-duration:15m}") Duration lockoutDuration) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.throttle = throttle;
        this.events = events;
        this.accountLockAttempts = accountLockAttempts;
        this.lockoutDuration = lockoutDuration;
    }

    @Override
    public BaucuUserDetails loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException(username));
    }

    Optional<BaucuUserDetails> find(String username) {
        return jdbc.sql("select " + COLUMNS + " from app_user where username = :username")
                .param("username", username)
                .query(mapper(clock.instant()))
                .optional();
    }

    /** The columns {@link #mapper} reads, from {@code app_user} (unqualified). */
    static final String COLUMNS = "username, full_name, role, unit_code, polling_area_id, password_hash, enabled, locked_until";

    /** A user row as Spring Security's principal, locked or not as of {@code now}. */
    static org.springframework.jdbc.core.RowMapper<BaucuUserDetails> mapper(Instant now) {
        return (rs, i) -> {
            Timestamp locked = rs.getTimestamp("locked_until");
            return new BaucuUserDetails(
                    new CurrentUser(rs.getString("username"), rs.getString("full_name"),
                            Role.valueOf(rs.getString("role")), rs.getString("unit_code"),
                            rs.getObject("polling_area_id", Long.class)),
                    rs.getString("password_hash"), rs.getBoolean("enabled"),
                    locked == null ? null : locked.toInstant(), now);
        };
    }

    /**
     * A wrong password: counted for the account and the client (see {@link LoginThrottle}); the account itself is
     * locked for everyone only after {@code account-lock-attempts} failures in a row from any clients.
     */
    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getName());
        String client = client(event.getAuthentication());
        if (!(event instanceof AuthenticationFailureBadCredentialsEvent)) {
            events.publishEvent(new SignInEvent(SignInEvent.Kind.FAILED, username, client));
            return;
        }
        throttle.failed(username, client);
        Instant until = clock.instant().plus(lockoutDuration);
        jdbc.sql("""
                        update app_user
                        set locked_until = case when failed_attempts + 1 >= :max then :until else locked_until end,
                            failed_attempts = case when failed_attempts + 1 >= :max then 0 else failed_attempts + 1 end
                        where username = :username""")
                .param("max", accountLockAttempts)
                .param("until", Timestamp.from(until))
                .param("username", username)
                .update();
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        throttle.succeeded(username, client(event.getAuthentication()));
        jdbc.sql("update app_user set failed_attempts = 0, locked_until = null where username = :username and failed_attempts > 0")
                .param("username", username)
                .update();
    }

    /** A sign-in on the login page (not each API request) is an event of its own in the audit log. */
    @EventListener
    void onInteractive(InteractiveAuthenticationSuccessEvent event) {
        events.publishEvent(new SignInEvent(SignInEvent.Kind.SUCCEEDED, event.getAuthentication().getName(),
                client(event.getAuthentication())));
    }

    static String client(org.springframework.security.core.Authentication auth) {
        return auth.getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null
                ? d.getRemoteAddress() : "unknown";
    }
}
