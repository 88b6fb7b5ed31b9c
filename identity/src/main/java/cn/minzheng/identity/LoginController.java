package cn.minzheng.identity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page: Chinese, labelled fields, the demo users listed (the identity server is devstack-only). */
@Controller
class LoginController {

    private final DemoUsers users;

    LoginController(DemoUsers users) {
        this.users = users;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("users", users.all());
        model.addAttribute("password", DemoUsers.PASSWORD);
        return "login";
    }
}
