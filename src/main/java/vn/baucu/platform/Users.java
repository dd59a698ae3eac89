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
        create(username, fullName, role, unitCode, null, rawPassword, createdBy);
    }

    /**
     * As {@link #create(String, String, Role, String, String, String)}, for an election team member of one polling
     * area: {@code pollingAreaId} must be an area of the commune {@code unitCode} (U-106), and only a team member has one.
     */
    @Transactional
    public void create(String username, String fullName, Role role, String unitCode, Long pollingAreaId, String rawPassword,
                       String createdBy) {
        if (role != Role.SYSTEM_ADMIN && (unitCode == null || unitCode.isBlank())) {
            throw DomainException.violations(java.util.List.of(
                    Violation.of("U-101", "unitCode", "user.unit-required")));
        }
        if (pollingAreaId != null && (role != Role.ELECTION_TEAM || jdbc.sql("""
                        select count(*) from polling_area p join admin_unit a on a.id = p.commune_id
                        where p.id = :p and a.code = :c""").param("p", pollingAreaId).param("c", unitCode)
                .query(Long.class).single() == 0)) {
            throw DomainException.violations(java.util.List.of(
                    Violation.of("U-106", "pollingAreaId", "user.polling-area-invalid", pollingAreaId, unitCode)));
        }
        int inserted = jdbc.sql("""
                        insert into app_user (username, password_hash, full_name, role, unit_code, polling_area_id)
                        values (:username, :hash, :fullName, :role, :unitCode, :area)
                        on conflict (username) do nothing""")
                .param("area", pollingAreaId)
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
