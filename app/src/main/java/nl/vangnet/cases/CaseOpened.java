package nl.vangnet.cases;

import java.time.Instant;
import nl.vangnet.identity.OrganisationId;
import org.jspecify.annotations.Nullable;

/** A case was opened (from a help request, by staff or by import). IDs and codes only. */
public record CaseOpened(
        CaseId caseId,
        @Nullable OrganisationId organisationId,
        String origin,
        CaseChannel channel,
        boolean urgent,
        boolean minor,
        Instant openedAt) {}
