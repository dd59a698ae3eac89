package vn.baucu.platform;

/**
 * Published when an API token is issued or revoked, inside the transaction that stores it, so that the audit log
 * records it in that same transaction. {@code tokenId} names the token in the log (the first 12 hex digits of its
 * SHA-256), never the token itself.
 */
public record ApiTokenEvent(Kind kind, String username, String client, String tokenId) {

    public enum Kind { ISSUED, REVOKED }
}
