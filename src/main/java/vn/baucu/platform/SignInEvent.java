package vn.baucu.platform;

/**
 * Published on every sign-in event the audit log keeps: a sign-in on the login page, a failed one (page or API),
 * an account locked for a client, a client throttled. {@code client} is the remote address as the trusted proxy
 * reported it.
 */
public record SignInEvent(Kind kind, String username, String client) {

    public enum Kind { SUCCEEDED, FAILED, LOCKED, THROTTLED }
}
