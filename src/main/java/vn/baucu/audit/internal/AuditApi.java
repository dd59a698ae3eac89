package vn.baucu.audit.internal;

import java.time.Instant;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.baucu.audit.AuditLog;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.DomainException;

/**
 * The audit chain checked on demand: the whole verification for administrators, and the chain's head for anyone (a
 * rewritten history shows to whoever kept an earlier head: its entry would no longer be on the chain).
 */
@RestController
@Tag(name = "Audit")
class AuditApi {

    private final AuditLog audit;
    private final Authorization authorization;

    AuditApi(AuditLog audit, Authorization authorization) {
        this.audit = audit;
        this.authorization = authorization;
    }

    @GetMapping("/api/v1/audit/verification")
    @Operation(summary = "Recompute the whole hash chain (system administrators): intact, entries, head, first broken id")
    AuditLog.Verification verification() {
        if (!authorization.currentUser().isSystemAdmin()) {
            throw DomainException.forbidden("problem.forbidden");
        }
        return audit.verification();
    }

    record Head(long entries, String head, Instant at) {
    }

    @GetMapping("/api/v1/public/audit-head")
    @Operation(summary = "The audit chain's head (public): the number of entries, the last hash and when it was written")
    Head head() {
        var v = audit.head();
        return new Head(v.entries(), v.head(), v.at());
    }
}
