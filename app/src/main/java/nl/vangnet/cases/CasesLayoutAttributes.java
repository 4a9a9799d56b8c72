package nl.vangnet.cases;

import nl.vangnet.identity.StaffPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the staff layout whether to show the cases menu items, and how many cases have unread victim messages. */
@ControllerAdvice(annotations = Controller.class)
class CasesLayoutAttributes {

    private final CaseManagement cases;

    CasesLayoutAttributes(CaseManagement cases) {
        this.cases = cases;
    }

    @ModelAttribute("casesNav")
    boolean casesNav() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getPrincipal() instanceof StaffPrincipal principal
                && Viewer.of(principal).mayRead();
    }

    /**
     * Cases of the staff member's organisation with unread victim messages, for the navigation
     * (null: no inbox link). Counted when the page is rendered, after the request's own changes
     * (opening a case marks its messages read), and once per page.
     */
    @ModelAttribute("casesInbox")
    @Nullable
    InboxBadge casesInbox() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof StaffPrincipal principal
                && Viewer.of(principal).mayOwn()) {
            Viewer viewer = Viewer.of(principal);
            return new InboxBadge(() -> cases.unreadCount(viewer));
        }
        return null;
    }

    /** The inbox count, computed on first use. */
    public static final class InboxBadge {
        private final java.util.function.IntSupplier counter;
        private @Nullable Integer count;

        InboxBadge(java.util.function.IntSupplier counter) {
            this.counter = counter;
        }

        public int count() {
            if (count == null) {
                count = counter.getAsInt();
            }
            return count;
        }
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
