package vn.baucu.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page and the signed-in home page. */
@Controller
class HomeController {

    @GetMapping("/login")
    String login() {
        return "platform/login";
    }

    @GetMapping("/")
    String home() {
        return "platform/home";
    }
}
