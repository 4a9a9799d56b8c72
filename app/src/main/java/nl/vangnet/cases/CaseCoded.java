package nl.vangnet.cases;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Staff confirmed or corrected the coding of an incident. With a portal suggestion, {@code
 * agreed} says whether the final code is the suggested one (the product's quality figure).
 */
public record CaseCoded(
        CaseId caseId,
        IncidentId incidentId,
        String taxonomyVersion,
        String code,
        @Nullable String suggestedCode,
        boolean agreed,
        Instant at) {}
