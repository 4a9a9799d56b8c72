package nl.vangnet.shared;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public landing page: reassurance first, then where to get help now. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }

    @GetMapping("/privacy")
    String privacy() {
        return "privacy";
    }
}
