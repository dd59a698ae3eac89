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
    private final AuditCheckpoints checkpoints;

    AuditApi(AuditLog audit, Authorization authorization, AuditCheckpoints checkpoints) {
        this.audit = audit;
        this.authorization = authorization;
        this.checkpoints = checkpoints;
    }

    @GetMapping("/api/v1/audit/verification")
    @Operation(summary = "Recompute the whole hash chain (system administrators): intact, entries, head, first broken id")
    AuditLog.Verification verification() {
        if (!authorization.currentUser().isSystemAdmin()) {
            throw DomainException.forbidden("problem.forbidden");
        }
        return audit.verification();
    }

    /** One day's published head. */
    record DailyHead(java.time.LocalDate day, long entries, String head) {
    }

    record Head(long entries, String head, Instant at, java.util.List<DailyHead> history) {
    }

    @GetMapping("/api/v1/public/audit-head")
    @Operation(summary = "The audit chain's head (public): the number of entries, the last hash, when it was written, and "
            + "the head of each of the last 90 days as first checked that day (keep a copy: a rewritten history shows)")
    Head head() {
        var v = audit.head();
        return new Head(v.entries(), v.head(), v.at(), checkpoints.history(90).stream()
                .map(c -> new DailyHead(c.day(), c.entries(), c.head())).toList());
    }
}
