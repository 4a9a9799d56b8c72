package nl.vangnet.identity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the staff layout which menu items the logged-in staff member may see. */
@ControllerAdvice(annotations = Controller.class)
class StaffLayoutAttributes {

    @ModelAttribute("isHotline")
    boolean isHotline() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getPrincipal() instanceof StaffPrincipal principal
                && principal.hasRole(Role.HOTLINE);
    }

    @ModelAttribute("isAdmin")
    boolean isAdmin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getPrincipal() instanceof StaffPrincipal principal
                && principal.hasRole(Role.ADMIN);
    }
}
