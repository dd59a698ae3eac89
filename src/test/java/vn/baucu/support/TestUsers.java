package vn.baucu.support;

import java.util.UUID;

import vn.baucu.platform.Authorization;
import vn.baucu.platform.Role;
import vn.baucu.platform.Users;

/** Creates users with unique names, so tests can run again on the same database. */
public final class TestUsers {

    public static final String PASSWORD = "correct horse battery";

    private TestUsers() {
    }

    public static String create(Users users, Role role, String unitCode) {
        String name = role.name().toLowerCase().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
        Authorization.runAsSystem(() -> {
            users.create(name, "Người thử " + name, role, unitCode, PASSWORD, "test");
            return null;
        });
        return name;
    }
}
