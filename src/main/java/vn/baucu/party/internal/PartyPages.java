package vn.baucu.party.internal;

import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.baucu.geography.AdminUnits;
import vn.baucu.party.UnifiedPost;
import vn.baucu.platform.Authorization;

/** The unified-post report page for Party committee users (the scope defaults to the user's unit, the day to today). */
@Controller
class PartyPages {

    private final UnifiedPost unifiedPost;
    private final AdminUnits units;
    private final Authorization authorization;

    PartyPages(UnifiedPost unifiedPost, AdminUnits units, Authorization authorization) {
        this.unifiedPost = unifiedPost;
        this.units = units;
        this.authorization = authorization;
    }

    @GetMapping("/party/unified-post")
    String unifiedPost(@RequestParam(required = false) String scope, @RequestParam(required = false) LocalDate asOf,
                       Model model) {
        String unit = scope == null || scope.isBlank() ? authorization.currentUser().unitCode() : scope.strip();
        LocalDate day = asOf == null ? units.today() : asOf;
        UnifiedPost.Report report = unifiedPost.report(unit == null ? "" : unit, day);
        model.addAttribute("report", report);
        model.addAttribute("scopeName", units.find(report.scope(), day).map(u -> u.name()).orElse(report.scope()));
        return "party/unified-post";
    }
}
