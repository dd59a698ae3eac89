package vn.baucu.platform.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.CurrentUser;
import vn.baucu.platform.DomainException;
import vn.baucu.platform.Role;
import vn.baucu.platform.Users;
import vn.baucu.platform.Violation;

/** User accounts: a system administrator creates them and lists them. Passwords are never returned. */
@RestController
@Tag(name = "Users", description = "Accounts, roles and the administrative unit each role is scoped to")
class UserApi {

    static final int MIN_PASSWORD = 12;

    private final Users users;
    private final Authorization authorization;
    private final JdbcClient jdbc;

    UserApi(Users users, Authorization authorization, JdbcClient jdbc) {
        this.users = users;
        this.authorization = authorization;
        this.jdbc = jdbc;
    }

    record NewUser(String username, String fullName, String role, String unitCode, String password, Long pollingAreaId) {
    }

    record UserView(String username, String fullName, String role, String unitCode, boolean enabled, boolean locked) {
    }

    @PostMapping("/api/v1/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user (system administrators only)")
    UserView create(@RequestBody NewUser request) {
        CurrentUser me = requireAdmin();
        List<Violation> problems = new ArrayList<>();
        if (request.username() == null || !request.username().matches("[a-z0-9._-]{3,64}")) {
            problems.add(Violation.of("U-102", "username", "user.username-invalid"));
        }
        if (request.fullName() == null || request.fullName().isBlank()) {
            problems.add(Violation.of("U-103", "fullName", "user.full-name-required"));
        }
        Role role = null;
        try {
            role = Role.valueOf(String.valueOf(request.role()));
        } catch (IllegalArgumentException e) {
            problems.add(Violation.of("U-104", "role", "user.role-unknown", String.valueOf(request.role())));
        }
        if (request.password() == null || request.password().length() < MIN_PASSWORD) {
            problems.add(Violation.of("U-105", "password", "user.password-too-short", MIN_PASSWORD));
        }
        if (!problems.isEmpty()) {
            throw DomainException.violations(problems);
        }
        users.create(request.username(), request.fullName().strip(), role, request.unitCode(), request.pollingAreaId(),
                request.password(),
                me.username());
        return new UserView(request.username(), request.fullName().strip(), role.name(), request.unitCode(), true, false);
    }

    @GetMapping("/api/v1/users")
    @Operation(summary = "List users (system administrators only)")
    List<UserView> list() {
        requireAdmin();
        return jdbc.sql("""
                        select username, full_name, role, unit_code, enabled, coalesce(locked_until > now(), false)
                        from app_user order by username""")
                .query((rs, i) -> new UserView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getBoolean(6)))
                .list();
    }

    private CurrentUser requireAdmin() {
        CurrentUser me = authorization.currentUser();
        if (!me.isSystemAdmin()) {
            throw DomainException.forbidden("problem.forbidden");
        }
        return me;
    }
}
