package vn.baucu.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;
import vn.baucu.platform.Authorization;
import vn.baucu.platform.CurrentUser;
import vn.baucu.platform.UnitHierarchy;

/** Puts what the base layout shows on every page: the user, their unit, the current path. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    private final Authorization authorization;
    private final UnitHierarchy hierarchy;

    LayoutAdvice(Authorization authorization, UnitHierarchy hierarchy) {
        this.authorization = authorization;
        this.hierarchy = hierarchy;
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
