package cn.minzheng.console.web;

import cn.minzheng.console.security.Viewer;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The entry page: a signed-in user goes to their role's first page, anyone else sees login and the public pages. */
@Controller
public class HomeController {

    @GetMapping({"/console", "/console/"})
    public String home(Authentication authentication) {
        Viewer viewer = Viewer.of(authentication);
        return viewer.loggedIn() ? "redirect:" + viewer.homePath() : "home";
    }

    @GetMapping("/console/login-failed")
    public String loginFailed(Model model) {
        model.addAttribute("loginFailed", true);
        return "home";
    }
}
