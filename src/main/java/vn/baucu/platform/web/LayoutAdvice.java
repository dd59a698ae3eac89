package vn.baucu.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.CurrentUser;
import vn.baucu.platform.RehearsalMarks;
import vn.baucu.platform.UnitHierarchy;

/** Puts what the base layout shows on every page: the user, their unit, the current path. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    private static final java.util.regex.Pattern ELECTION_PAGE = java.util.regex.Pattern.compile("/elections/(\\d{1,18})(/.*)?");

    private final Authorization authorization;
    private final UnitHierarchy hierarchy;
    private final RehearsalMarks rehearsals;

    LayoutAdvice(Authorization authorization, UnitHierarchy hierarchy, RehearsalMarks rehearsals) {
        this.authorization = authorization;
        this.hierarchy = hierarchy;
        this.rehearsals = rehearsals;
    }

    /** Every page of a rehearsal says so in its banner. */
    @ModelAttribute("rehearsal")
    boolean rehearsal(HttpServletRequest request) {
        var m = ELECTION_PAGE.matcher(request.getRequestURI());
        return m.matches() && rehearsals.isRehearsal(Long.parseLong(m.group(1)));
    }

    @ModelAttribute("me")
    CurrentUser me() {
        return authorization.currentUserOrNull();
    }

    @ModelAttribute("myUnitName")
    String myUnitName() {
        CurrentUser user = authorization.currentUserOrNull();
        return user == null || user.unitCode() == null ? null : hierarchy.displayName(user.unitCode());
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
