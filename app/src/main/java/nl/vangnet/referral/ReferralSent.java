package nl.vangnet.referral;

import java.time.Instant;
import nl.vangnet.cases.CaseId;
import nl.vangnet.identity.OrganisationId;
import org.jspecify.annotations.Nullable;

/** A case was referred to a directory organisation. IDs only. */
public record ReferralSent(
        ReferralId referralId,
        CaseId caseId,
        OrganisationId from,
        @Nullable OrganisationId to,
        String directorySlug,
        Instant at) {}
