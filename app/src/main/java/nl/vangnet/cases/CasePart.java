package nl.vangnet.cases;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The parts of a case a consent can cover. The owning organisation sees all of them; another
 * organisation sees only the parts an active consent names. The summary (reference, status,
 * dates, urgency flags) comes with every share; internal notes and tasks are never shared.
 */
public enum CasePart {
    SUMMARY,
    CODING,
    NARRATIVE,
    CONTACT,
    MESSAGES;

    public static Set<CasePart> all() {
        return EnumSet.allOf(CasePart.class);
    }

    /** The parts staff can choose when recording a consent (the summary is always included). */
    public static List<CasePart> choosable() {
        return List.of(CODING, NARRATIVE, CONTACT, MESSAGES);
    }
}
