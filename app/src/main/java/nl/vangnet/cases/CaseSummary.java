package nl.vangnet.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import nl.vangnet.identity.OrganisationId;
import org.jspecify.annotations.Nullable;

/**
 * A case as it appears in the queue, in search results and at the top of the case page: no free
 * text, and the primary code only for readers who may see the coding.
 *
 * @param owner true when the reader's organisation owns the case (false: shared with it)
 * @param primaryCode the code of the first incident, if the reader may see the coding
 */
public record CaseSummary(
        CaseId id,
        String reference,
        CaseStatus status,
        @Nullable ClosingReason closingReason,
        CaseChannel channel,
        String origin,
        boolean ongoingThreat,
        boolean minor,
        boolean imagerySpreading,
        int urgency,
        @Nullable String ageBand,
        Instant openedAt,
        @Nullable Instant triagedAt,
        @Nullable Instant closedAt,
        @Nullable OrganisationId organisationId,
        @Nullable UUID assignedTo,
        @Nullable String assignedName,
        boolean replyUnread,
        @Nullable String primaryCode,
        boolean owner,
        boolean victimDataErased,
        int version) {

    /** How long the victim has waited for triage (until now while the case is new). */
    public Duration waiting(Instant now) {
        Instant end = triagedAt != null ? triagedAt : (closedAt != null ? closedAt : now);
        Duration d = Duration.between(openedAt, end);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** Waiting time as "2 d 3 h" / "3 h 12 min" for pages. */
    public String waitingText(Instant now) {
        Duration d = waiting(now);
        if (d.toDays() > 0) {
            return d.toDays() + " d " + d.toHoursPart() + " h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        return d.toMinutes() + " min";
    }
}
