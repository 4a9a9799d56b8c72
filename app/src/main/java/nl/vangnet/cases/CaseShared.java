package nl.vangnet.cases;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import nl.vangnet.identity.OrganisationId;

/** A case was shared with an organisation under a recorded consent. */
public record CaseShared(
        CaseId caseId, UUID consentId, OrganisationId organisationId, Set<CasePart> parts, Instant at) {
    public CaseShared {
        parts = Set.copyOf(parts);
    }
}
