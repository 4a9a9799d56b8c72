package nl.vangnet.takedown;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The takedown module's facade for other modules: the progress a victim sees on their follow-up
 * page, keyed by their help request; the time-to-removal figures; and forgetting a help request's
 * link when the victim deletes it. Staff work goes through the staff pages.
 */
@Service
public class TakedownTracking {

    static final int MAX_LINK = 80;

    private final Takedowns takedowns;
    private final CaseKeys keys;
    private final TakedownStatistics statistics;
    private final MessageSource messages;

    TakedownTracking(Takedowns takedowns, CaseKeys keys, TakedownStatistics statistics, MessageSource messages) {
        this.takedowns = takedowns;
        this.keys = keys;
        this.statistics = statistics;
        this.messages = messages;
    }

    /**
     * Where each URL of a help request stands, in plain words in the given language; empty when
     * there are no takedown requests for it. For the portal's follow-up page (after the victim
     * opened it with their receipt).
     */
    public List<VictimProgress> progressForHelpRequest(UUID helpRequestId, Locale locale) {
        return takedowns.ofHelpRequest(helpRequestId).stream()
                .map(r -> progress(r, locale))
                .toList();
    }

    /** The same view for a case (staff preview what the victim sees). */
    public List<VictimProgress> progressForCase(CaseRef caseRef, Locale locale) {
        return takedowns.ofCase(caseRef).stream().map(r -> progress(r, locale)).toList();
    }

    /** Time-to-removal figures with small cells suppressed. */
    public TakedownFigures figures() {
        return statistics.figures();
    }

    /** The victim deleted their help request: their follow-up page link to these requests goes. */
    public void forgetHelpRequest(UUID helpRequestId) {
        takedowns.unlinkHelpRequest(helpRequestId);
    }

    VictimProgress progress(TakedownRequest request, Locale locale) {
        String url = keys.decrypt(request.caseRef(), request.urlCiphertext(), TakedownRequest.urlContext(request.id()));
        if (!request.host().equals(request.hostDisplay())) {
            url = url.replaceFirst(
                    "://" + java.util.regex.Pattern.quote(request.host()), "://" + request.hostDisplay());
        }
        String link = url.length() > MAX_LINK ? url.substring(0, MAX_LINK - 1) + "…" : url;
        return new VictimProgress(
                request.hostDisplay(), link, status(request, locale), request.status() == TakedownStatus.REMOVED);
    }

    private String status(TakedownRequest request, Locale locale) {
        return switch (request.status()) {
            case DRAFT, QUEUED -> text("takedown.victim.status.preparing", locale);
            case SENT -> text("takedown.victim.status.sent", locale);
            case RECEIPT_CONFIRMED -> text("takedown.victim.status.confirmed", locale);
            case NO_RESPONSE -> text("takedown.victim.status.no-response", locale);
            case REFUSED -> text("takedown.victim.status.refused", locale);
            case ESCALATED -> text("takedown.victim.status.escalated", locale);
            case REMOVED -> removed(request, locale);
        };
    }

    private String removed(TakedownRequest request, Locale locale) {
        Duration took = request.timeToRemoval();
        if (took == null) {
            return text("takedown.victim.status.gone", locale);
        }
        long hours = Math.max(1, Math.round(took.toMinutes() / 60.0));
        if (hours < 48) {
            return text("takedown.victim.status.removed.hours", locale, hours);
        }
        return text("takedown.victim.status.removed.days", locale, Math.round(hours / 24.0));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
