package nl.vangnet.cases;

import nl.vangnet.identity.OrganisationId;
import nl.vangnet.intake.HelpRequestId;
import org.springframework.context.ApplicationContext;

/** For other modules' tests: route portal cases to an organisation, and find the case of a help request. */
public final class CaseRouting {

    private CaseRouting() {}

    /** Portal cases go to this organisation from now on (what an administrator sets on the admin page). */
    public static void portalCasesTo(ApplicationContext context, OrganisationId organisation) {
        context.getBean(OrganisationLinks.class).setPortalReceiver(organisation);
    }

    /** The case opened from the help request, waiting for the event listener that opens it. */
    public static CaseId caseOf(ApplicationContext context, HelpRequestId helpRequest) {
        CaseFiles files = context.getBean(CaseFiles.class);
        return CaseFixtures.eventually(() -> files.byHelpRequest(helpRequest.value()))
                .id();
    }
}
