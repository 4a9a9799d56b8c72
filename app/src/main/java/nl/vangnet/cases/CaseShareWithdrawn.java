package nl.vangnet.cases;

import java.time.Instant;
import java.util.UUID;
import nl.vangnet.identity.OrganisationId;

/** A consent to share was withdrawn: the organisation no longer sees the case. */
public record CaseShareWithdrawn(CaseId caseId, UUID consentId, OrganisationId organisationId, Instant at) {}
