package nl.vangnet.takedown;

import java.util.List;
import java.util.Locale;
import nl.vangnet.intake.FollowUpPanels;
import nl.vangnet.intake.HelpRequestId;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Shows the victim, on their follow-up page, each reported link and where its removal stands in
 * plain words. Only what {@link VictimProgress} holds: no staff notes, no host contacts.
 */
@Component
class TakedownFollowUpPanel implements FollowUpPanels {

    private final TakedownTracking tracking;
    private final MessageSource messages;

    TakedownFollowUpPanel(TakedownTracking tracking, MessageSource messages) {
        this.tracking = tracking;
        this.messages = messages;
    }

    /** The victim deleted their request: their follow-up link to these takedowns goes too. */
    @org.springframework.modulith.events.ApplicationModuleListener
    void on(nl.vangnet.intake.HelpRequestDeleted event) {
        tracking.forgetHelpRequest(event.helpRequestId().value());
    }

    @Override
    public List<Panel> panelsFor(HelpRequestId id, Locale locale) {
        List<VictimProgress> progress = tracking.progressForHelpRequest(id.value(), locale);
        if (progress.isEmpty()) {
            return List.of();
        }
        List<Line> lines = progress.stream()
                .map(p -> new Line(p.link(), p.status(), p.removed())) // the link already names the site
                .toList();
        return List.of(new Panel(messages.getMessage("takedown.victim.title", null, locale), lines));
    }
}
