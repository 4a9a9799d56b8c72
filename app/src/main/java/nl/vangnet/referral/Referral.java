package nl.vangnet.referral;

import java.time.Instant;
import java.util.UUID;
import nl.vangnet.cases.CaseId;
import nl.vangnet.identity.OrganisationId;
import org.jspecify.annotations.Nullable;

/**
 * A referral as its sender or receiver sees it.
 *
 * @param handover the hand-over note, decrypted (only on the referral's own page)
 * @param stalledSince when the current step became overdue, if it is
 */
public record Referral(
        ReferralId id,
        CaseId caseId,
        String caseReference,
        OrganisationId from,
        @Nullable OrganisationId to,
        String directorySlug,
        @Nullable UUID consentId,
        ReferralStatus status,
        @Nullable String handover,
        String sentBy,
        Instant sentAt,
        @Nullable Instant acceptedAt,
        @Nullable Instant contactMadeAt,
        @Nullable Instant closedAt,
        @Nullable Instant stepDueAt,
        @Nullable Instant remindedAt,
        int reminders,
        int version) {

    /** True when the receiving organisation has no staff in Vangnet: the sender tracks the steps. */
    public boolean outsideVangnet() {
        return to == null;
    }

    public boolean stalled(Instant now) {
        return stepDueAt != null && stepDueAt.isBefore(now);
    }

    /** Whether this organisation acts as the receiver (the receiver, or the sender for outside organisations). */
    public boolean receivedBy(OrganisationId organisation) {
        return to != null ? to.equals(organisation) : from.equals(organisation);
    }

    public boolean sentBy(OrganisationId organisation) {
        return from.equals(organisation);
    }
}
