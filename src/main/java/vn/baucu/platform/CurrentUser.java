package vn.baucu.platform;

/**
 * The logged-in user as the rest of baucu sees it.
 *
 * @param unitCode the administrative unit the user's role is scoped to; null for a system admin
 */
public record CurrentUser(String username, String fullName, Role role, String unitCode) {

    public boolean isSystemAdmin() {
        return role == Role.SYSTEM_ADMIN;
    }
}
