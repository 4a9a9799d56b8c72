package nl.vangnet.cases;

import nl.vangnet.identity.StaffPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the staff layout whether to show the cases menu item. */
@ControllerAdvice(annotations = Controller.class)
class CasesLayoutAttributes {

    @ModelAttribute("casesNav")
    boolean casesNav() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getPrincipal() instanceof StaffPrincipal principal
                && Viewer.of(principal).mayRead();
    }

    @ModelAttribute("casesAdminNav")
    boolean casesAdminNav() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getPrincipal() instanceof StaffPrincipal principal
                && Viewer.of(principal).admin();
    }

    @ModelAttribute("casesResearchNav")
    boolean casesResearchNav() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getPrincipal() instanceof StaffPrincipal principal
                && Viewer.of(principal).researcher();
    }
}
