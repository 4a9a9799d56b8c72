package nl.vangnet.intake;

import java.util.List;
import java.util.Locale;

/**
 * Extension point of the follow-up page: downstream modules (takedown now, others later) add what
 * the victim should see about their request without the portal depending on them. Implementations
 * return text already in the page language and must never expose staff notes.
 */
public interface FollowUpPanels {

    /** The panels for one help request; empty when the module has nothing to show. */
    List<Panel> panelsFor(HelpRequestId id, Locale locale);

    /** A titled list of lines, each with a short status word. */
    record Panel(String title, List<Line> lines) {
        public Panel {
            lines = List.copyOf(lines);
        }
    }

    /** One line: what it is about, its status in plain words, and whether it reached a good end. */
    record Line(String subject, String status, boolean done) {}
}
