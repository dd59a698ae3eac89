package vn.baucu.audit.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.baucu.audit.AuditLog;
import vn.baucu.platform.ApiTokenEvent;
import vn.baucu.platform.SignInEvent;
import vn.baucu.platform.UserCreated;

/** Audits the platform's own changes (user accounts), which the platform publishes as events. */
@Component
class PlatformEventsAudit {

    private final AuditLog audit;

    PlatformEventsAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void on(UserCreated event) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("role", event.role().name());
        details.put("unitCode", event.unitCode());
        audit.recordAs(event.createdBy(), "USER_CREATED", "user", event.username(), event.unitCode(), details);
    }

    /** Sign-ins outside any change: each in a transaction of its own (a failed sign-in has nothing else to commit). */
    @EventListener
    void on(SignInEvent event) {
        String action = switch (event.kind()) {
            case SUCCEEDED -> "LOGIN_SUCCEEDED";
            case FAILED -> "LOGIN_FAILED";
            case LOCKED -> "ACCOUNT_LOCKED";
            case THROTTLED -> "LOGIN_THROTTLED";
        };
        String who = event.username() == null || event.username().isBlank() ? "?" : event.username();
        audit.recordOnItsOwn(event.kind() == SignInEvent.Kind.SUCCEEDED ? who : "anonymous", action, "user", who, null,
                Map.of("client", String.valueOf(event.client())));
    }

    /** A token issued or revoked: in the transaction that stores it. */
    @EventListener
    void on(ApiTokenEvent event) {
        String action = switch (event.kind()) {
            case ISSUED -> "API_TOKEN_ISSUED";
            case REVOKED -> "API_TOKEN_REVOKED";
        };
        audit.recordAs(event.username(), action, "user", event.username(), null,
                Map.of("client", String.valueOf(event.client()), "token", event.tokenId()));
    }
}
