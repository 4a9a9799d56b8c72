package nl.vangnet.takedown;

import nl.vangnet.identity.Role;
import nl.vangnet.identity.StaffPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the staff layout whether to show the takedown menu item (the roles that may open it). */
@ControllerAdvice(annotations = Controller.class)
class TakedownLayoutAttributes {

    @ModelAttribute("takedownNav")
    boolean takedownNav() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getPrincipal() instanceof StaffPrincipal principal
                && (principal.hasRole(Role.HOTLINE) || principal.hasRole(Role.ADMIN));
    }
}
