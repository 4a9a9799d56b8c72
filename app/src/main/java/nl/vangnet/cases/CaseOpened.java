package nl.vangnet.cases;

import java.time.Instant;
import nl.vangnet.identity.OrganisationId;
import nl.vangnet.intake.HelpRequestId;
import org.jspecify.annotations.Nullable;

/**
 * A case was opened (from a help request, by staff or by import). IDs and codes only.
 *
 * @param organisationId the owning organisation; null for a portal case no organisation receives yet
 * @param helpRequestId the help request the case came from (portal cases), so modules that act on
 *     the victim's answers (takedown) can find them through the intake module's consent checks
 * @param primaryCode the primary taxonomy code as opened (the portal's suggestion), if any
 */
public record CaseOpened(
        CaseId caseId,
        @Nullable OrganisationId organisationId,
        String origin,
        CaseChannel channel,
        boolean urgent,
        boolean minor,
        Instant openedAt,
        @Nullable HelpRequestId helpRequestId,
        @Nullable String primaryCode) {}
