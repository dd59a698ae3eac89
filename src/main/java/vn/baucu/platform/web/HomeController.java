package vn.baucu.platform.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.baucu.platform.Authorization;
import vn.baucu.platform.CurrentUser;
import vn.baucu.platform.HomePanel;

/** The login page and the signed-in home page, with the panels other modules contribute. */
@Controller
class HomeController {

    record Panel(String template, Object data) {
    }

    private final List<HomePanel> panels;
    private final Authorization authorization;

    HomeController(List<HomePanel> panels, Authorization authorization) {
        this.panels = panels;
        this.authorization = authorization;
    }

    @GetMapping("/login")
    String login() {
        return "platform/login";
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser user = authorization.currentUserOrNull();
        if (user != null) {
            model.addAttribute("panels", panels.stream().map(p -> new Panel(p.template(), p.data(user))).toList());
        }
        return "platform/home";
    }
}
