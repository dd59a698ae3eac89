package vn.baucu.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.baucu.platform.Authorization;
import vn.baucu.platform.Role;
import vn.baucu.platform.Users;

/**
 * Creates users with unique names, so tests can run again on the same database: statically with the {@link Users}
 * facade, or as a bean that hands back the HTTP Basic credentials of a new user of a role, unit (and polling area).
 */
@Component
public class TestUsers {

    public static final String PASSWORD = "correct horse battery";

    private final Users users;

    TestUsers(Users users) {
        this.users = users;
    }

    public static String create(Users users, Role role, String unitCode) {
        return create(users, role, unitCode, null);
    }

    public static String create(Users users, Role role, String unitCode, Long pollingArea) {
        String name = role.name().toLowerCase().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
        Authorization.runAsSystem(() -> {
            users.create(name, "Người thử " + name, role, unitCode, pollingArea, PASSWORD, "test");
            return null;
        });
        return name;
    }

    /** A new user's name. */
    public String create(Role role, String unit, Long pollingArea) {
        return create(users, role, unit, pollingArea);
    }

    public RequestPostProcessor as(Role role, String unit) {
        return as(role, unit, null);
    }

    public RequestPostProcessor as(Role role, String unit, Long pollingArea) {
        return httpBasic(create(role, unit, pollingArea), PASSWORD);
    }
}
