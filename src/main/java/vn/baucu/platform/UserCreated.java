package vn.baucu.platform;

/** Published (in the creating transaction) when a user account is created. */
public record UserCreated(String username, Role role, String unitCode, String createdBy) {
}
