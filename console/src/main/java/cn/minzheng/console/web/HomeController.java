package cn.minzheng.console.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's entry page. */
@Controller
public class HomeController {
    @GetMapping({"/console", "/console/"})
    public String home() {
        return "home";
    }
}
