package vn.baucu.audit.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.baucu.platform.Authorization;
import vn.baucu.platform.DomainException;

/** The administrators' page of the audit chain: the whole chain recomputed now, and the daily heads. */
@Controller
class AuditPage {

    private final AuditCheckpoints checkpoints;
    private final Authorization authorization;

    AuditPage(AuditCheckpoints checkpoints, Authorization authorization) {
        this.checkpoints = checkpoints;
        this.authorization = authorization;
    }

    @GetMapping("/audit")
    String page(Model model) {
        if (!authorization.currentUser().isSystemAdmin()) {
            throw DomainException.forbidden("problem.forbidden");
        }
        model.addAttribute("verification", checkpoints.check());
        model.addAttribute("history", checkpoints.history(90));
        return "audit/verification";
    }
}
