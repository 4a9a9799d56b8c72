package nl.vangnet.survey;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the staff layout whether to show the research menu item. */
@ControllerAdvice(annotations = Controller.class)
class ResearchLayoutAttributes {

    @ModelAttribute("isResearcher")
    boolean isResearcher() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(a ->
                                "ROLE_RESEARCHER".equals(a.getAuthority()) || "ROLE_ADMIN".equals(a.getAuthority()));
    }
}
