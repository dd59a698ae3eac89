package vn.baucu.audit.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.baucu.audit.AuditLog;
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
}
