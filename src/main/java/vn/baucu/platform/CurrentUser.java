package vn.baucu.platform;

/**
 * The logged-in user as the rest of baucu sees it.
 *
 * @param unitCode      the administrative unit the user's role is scoped to; null for a system admin
 * @param pollingAreaId for an election team member of a polling area: that area (its commune is {@code unitCode});
 *                      null for everyone else (a village's team is scoped by {@code unitCode} alone)
 */
public record CurrentUser(String username, String fullName, Role role, String unitCode, Long pollingAreaId)
        implements java.io.Serializable {

    public CurrentUser(String username, String fullName, Role role, String unitCode) {
        this(username, fullName, role, unitCode, null);
    }

    public boolean isSystemAdmin() {
        return role == Role.SYSTEM_ADMIN;
    }
}
