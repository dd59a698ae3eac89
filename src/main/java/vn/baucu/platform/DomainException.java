package vn.baucu.platform;

import java.util.List;

/**
 * The one exception type that crosses module boundaries. Its {@link Kind} decides the HTTP status
 * and problem type; its message key and arguments are localised where it is shown (API problem
 * details or an error page), never here.
 */
public class DomainException extends RuntimeException {

    public enum Kind {
        BAD_REQUEST(400, "bad-request"),
        FORBIDDEN(403, "forbidden"),
        NOT_FOUND(404, "not-found"),
        CONFLICT(409, "conflict"),
        PRECONDITION_FAILED(412, "stale-version"),
        UNPROCESSABLE(422, "rule-violations");

        public final int status;
        public final String slug;

        Kind(int status, String slug) {
            this.status = status;
            this.slug = slug;
        }
    }

    private final Kind kind;
    private final String messageKey;
    private final transient List<Object> args;
    private final transient List<Violation> violations;

    private DomainException(Kind kind, String messageKey, List<Object> args, List<Violation> violations) {
        super(messageKey + (args.isEmpty() ? "" : " " + args) + (violations.isEmpty() ? "" : " " + violations));
        this.kind = kind;
        this.messageKey = messageKey;
        this.args = args;
        this.violations = List.copyOf(violations);
    }

    public static DomainException notFound(String messageKey, Object... args) {
        return new DomainException(Kind.NOT_FOUND, messageKey, List.of(args), List.of());
    }

    public static DomainException forbidden(String messageKey, Object... args) {
        return new DomainException(Kind.FORBIDDEN, messageKey, List.of(args), List.of());
    }

    public static DomainException conflict(String messageKey, Object... args) {
        return new DomainException(Kind.CONFLICT, messageKey, List.of(args), List.of());
    }

    /** The client's {@code If-Match} version is no longer the current one: someone changed the record meanwhile (412). */
    public static DomainException stale(String messageKey, Object... args) {
        return new DomainException(Kind.PRECONDITION_FAILED, messageKey, List.of(args), List.of());
    }

    public static DomainException badRequest(String messageKey, Object... args) {
        return new DomainException(Kind.BAD_REQUEST, messageKey, List.of(args), List.of());
    }

    /** Rule violations (422). {@code violations} must not be empty. */
    public static DomainException violations(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a violations problem needs at least one violation");
        }
        return new DomainException(Kind.UNPROCESSABLE, "problem.rule-violations", List.of(violations.size()), violations);
    }

    /** Malformed input (400) that still names every offending field. */
    public static DomainException malformed(List<Violation> violations) {
        return new DomainException(Kind.BAD_REQUEST, "problem.bad-request", List.of(), violations);
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> args() {
        return args;
    }

    public List<Violation> violations() {
        return violations;
    }
}
