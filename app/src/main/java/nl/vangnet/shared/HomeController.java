package nl.vangnet.shared;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Public pages that belong to no module. The landing page at "/" is the help portal's start (intake). */
@Controller
class HomeController {

    @GetMapping("/privacy")
    String privacy() {
        return "privacy";
    }
}
