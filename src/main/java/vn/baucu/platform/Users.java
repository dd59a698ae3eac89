package vn.baucu.platform;

import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and looks up user accounts. Passwords are stored only as bcrypt hashes. */
@Service
public class Users {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;

    Users(JdbcClient jdbc, PasswordEncoder passwordEncoder, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
    }

    /** Creates a user; a conflict when the username is taken. Audited through {@link UserCreated}. */
    @Transactional
    public void create(String username, String fullName, Role role, String unitCode, String rawPassword, String createdBy) {
        if (role != Role.SYSTEM_ADMIN && (unitCode == null || unitCode.isBlank())) {
            throw DomainException.violations(java.util.List.of(
                    Violation.of("U-101", "unitCode", "user.unit-required")));
        }
        int inserted = jdbc.sql("""
                        insert into app_user (username, password_hash, full_name, role, unit_code)
                        values (:username, :hash, :fullName, :role, :unitCode)
                        on conflict (username) do nothing""")
                .param("username", username)
                .param("hash", passwordEncoder.encode(rawPassword))
                .param("fullName", fullName)
                .param("role", role.name())
                .param("unitCode", unitCode)
                .update();
        if (inserted == 0) {
            throw DomainException.conflict("user.exists", username);
        }
        events.publishEvent(new UserCreated(username, role, unitCode, createdBy));
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where username = :u").param("u", username)
                .query(Long.class).single() > 0;
    }

    public Optional<Role> roleOf(String username) {
        return jdbc.sql("select role from app_user where username = :u").param("u", username)
                .query(String.class).optional().map(Role::valueOf);
    }
}
