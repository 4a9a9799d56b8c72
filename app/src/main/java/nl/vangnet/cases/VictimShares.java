package nl.vangnet.cases;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.vangnet.identity.OrganisationId;
import nl.vangnet.intake.FollowUpShares;
import nl.vangnet.intake.HelpRequestId;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shows the victim, on the portal's follow-up page, every share of her case that staff recorded
 * with her consent (including referrals within Vangnet, which rest on such a consent), and lets her
 * withdraw each one. Shares she made on the portal herself are listed by the intake module; their
 * withdrawal reaches the case through {@code ConsentWithdrawn}.
 */
@Component
class VictimShares implements FollowUpShares {

    static final String PREFIX = "case-share:";
    static final String ACTOR = "victim (portal)";

    private final CaseFiles files;
    private final CaseManagement management;
    private final MessageSource messages;

    VictimShares(CaseFiles files, CaseManagement management, MessageSource messages) {
        this.files = files;
        this.management = management;
        this.messages = messages;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Share> sharesFor(HelpRequestId id, Locale locale) {
        Optional<CaseFiles.SystemRow> row = files.byHelpRequest(id.value());
        if (row.isEmpty()) {
            return List.of();
        }
        Map<OrganisationId, String> names = management.organisationNames();
        return files.allConsents(row.get().id()).stream()
                .filter(c -> c.active() && "RECORDED".equals(c.basis()))
                .map(c -> new Share(
                        PREFIX + c.id(),
                        names.getOrDefault(c.organisation(), "?"),
                        CasePart.all().stream()
                                .filter(c.parts()::contains)
                                .map(p -> messages.getMessage("cases.victim.part." + p, null, locale))
                                .toList(),
                        messages.getMessage("cases.victim.how." + c.how(), null, locale),
                        c.grantedAt()))
                .toList();
    }

    @Override
    @Transactional
    public boolean withdraw(HelpRequestId id, String shareId) {
        if (!shareId.startsWith(PREFIX)) {
            return false;
        }
        UUID consentId;
        try {
            consentId = UUID.fromString(shareId.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        Optional<CaseFiles.SystemRow> row = files.byHelpRequest(id.value());
        if (row.isEmpty()) {
            return false;
        }
        CaseId caseId = row.get().id();
        Optional<CaseFiles.ConsentRow> consent = files.allConsents(caseId).stream()
                .filter(c -> c.id().equals(consentId) && c.active() && "RECORDED".equals(c.basis()))
                .findFirst();
        consent.ifPresent(c -> management.withdraw(caseId, c, ACTOR));
        return consent.isPresent();
    }
}
