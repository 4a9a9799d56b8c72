package nl.vangnet.referral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.vangnet.audit.AuditAction;
import nl.vangnet.audit.AuditTrail;
import nl.vangnet.cases.CaseId;
import nl.vangnet.cases.CaseManagement;
import nl.vangnet.cases.CaseNotFound;
import nl.vangnet.cases.CasePart;
import nl.vangnet.cases.CaseProblem;
import nl.vangnet.cases.CaseSummary;
import nl.vangnet.cases.ConsentHow;
import nl.vangnet.cases.Viewer;
import nl.vangnet.directory.HelpDirectory;
import nl.vangnet.directory.HelpOrganisation;
import nl.vangnet.identity.OrganisationId;
import nl.vangnet.shared.FieldEncryption;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referral module's facade. A referral is sent by the organisation that owns the case, to an
 * organisation from the help directory, with the victim's consent (recorded as a share in the
 * cases module, so the receiver sees exactly the consented parts) and a hand-over note. The
 * receiver accepts or declines, records the first contact and the outcome; when the receiver has
 * no staff in Vangnet, the sender records the steps. Every step is audited, published as an event
 * and gets a deadline; an overdue step triggers one reminder.
 */
@Service
public class ReferralManagement {

    static final int MAX_HANDOVER = 4000;

    private final Referrals referrals;
    private final CaseManagement cases;
    private final HelpDirectory directory;
    private final FieldEncryption encryption;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ReferralProperties properties;
    private final Clock clock;

    ReferralManagement(
            Referrals referrals,
            CaseManagement cases,
            HelpDirectory directory,
            FieldEncryption encryption,
            AuditTrail audit,
            ApplicationEventPublisher events,
            ReferralProperties properties,
            Clock clock) {
        this.referrals = referrals;
        this.cases = cases;
        this.directory = directory;
        this.encryption = encryption;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** What the sender fills in. */
    public record ReferralForm(
            String directorySlug,
            Set<CasePart> parts,
            @Nullable ConsentHow how,
            boolean consentConfirmed,
            String handover) {
        public ReferralForm {
            parts = Set.copyOf(parts);
            handover = handover == null ? "" : handover.strip();
        }
    }

    /** Directory organisations a case can be referred to. */
    @Transactional(readOnly = true)
    public List<HelpOrganisation> destinations() {
        return directory.forVictims();
    }

    @Transactional
    public ReferralId send(Viewer viewer, CaseId caseId, ReferralForm form) {
        CaseSummary summary = ownedCase(viewer, caseId);
        List<CaseProblem.Item> problems = new ArrayList<>();
        HelpOrganisation destination = directory
                .bySlug(form.directorySlug())
                .filter(HelpOrganisation::active)
                .orElse(null);
        if (destination == null) {
            problems.add(item("destination-unknown", "destination"));
        }
        OrganisationId to = destination == null
                ? null
                : cases.organisationFor(destination.slug()).orElse(null);
        if (to != null && to.equals(viewer.organisationId())) {
            problems.add(item("destination-self", "destination"));
        }
        if (form.how() == null || form.how() == ConsentHow.PORTAL) {
            problems.add(item("consent-how", "how"));
        }
        if (!form.consentConfirmed()) {
            problems.add(item("consent-unconfirmed", "confirm"));
        }
        if (form.handover().isEmpty()) {
            problems.add(item("handover-empty", "handover"));
        } else if (form.handover().length() > MAX_HANDOVER) {
            problems.add(new CaseProblem.Item(
                    "handover-too-long", "handover", "referral.problem.handover-too-long", List.of(MAX_HANDOVER)));
        }
        if (summary.victimDataErased()) {
            problems.add(item("case-erased", null));
        }
        if (!problems.isEmpty()) {
            throw new CaseProblem(problems);
        }
        Instant now = clock.instant();
        UUID consent = to == null ? null : cases.recordConsent(viewer, caseId, to, form.parts(), form.how());
        ReferralId id = ReferralId.random();
        byte[] key = encryption.newDataKey();
        referrals.insert(
                id,
                caseId,
                summary.reference(),
                viewer.organisationId(),
                to,
                destination.slug(),
                consent,
                key,
                encryption.encrypt(key, form.handover(), context(id)),
                viewer.username(),
                now,
                now.plus(properties.acceptWithin()));
        cases.markReferred(viewer, caseId);
        audit.record(
                viewer.username(),
                AuditAction.REFERRAL_SENT,
                "case",
                caseId.toString(),
                null,
                Map.of("referral", id.toString(), "to", destination.slug()));
        events.publishEvent(new ReferralSent(id, caseId, viewer.organisationId(), to, destination.slug(), now));
        return id;
    }

    /** Incoming and outgoing referrals of the viewer's organisation. */
    public record Lists(List<Referral> incoming, List<Referral> outgoing, Instant now) {}

    @Transactional
    public Lists lists(Viewer viewer) {
        if (!viewer.mayRead()) {
            throw new CaseNotFound();
        }
        UUID org = viewer.organisationId().value();
        List<Referral> incoming = referrals.incoming(org, 200).stream()
                .map(Referrals.Row::referral)
                .toList();
        List<Referral> outgoing = viewer.mayOwn()
                ? referrals.outgoing(org, 200).stream()
                        .map(Referrals.Row::referral)
                        .toList()
                : List.of();
        audit.record(
                viewer.username(),
                AuditAction.CASE_LIST_VIEWED,
                "referral-list",
                viewer.organisationId().toString(),
                null,
                Map.of("incoming", String.valueOf(incoming.size()), "outgoing", String.valueOf(outgoing.size())));
        return new Lists(incoming, outgoing, clock.instant());
    }

    /** One referral with its hand-over note, for its sender or receiver; the read is audited. */
    @Transactional
    public Referral open(Viewer viewer, ReferralId id) {
        Referrals.Row row = visible(viewer, id);
        Referral r = row.referral();
        String handover = row.dataKey() == null || row.handover() == null
                ? null
                : encryption.decrypt(row.dataKey(), row.handover(), context(id));
        audit.record(
                viewer.username(),
                AuditAction.REFERRAL_VIEWED,
                "case",
                r.caseId().toString(),
                null,
                Map.of("referral", id.toString()));
        return new Referral(
                r.id(),
                r.caseId(),
                r.caseReference(),
                r.from(),
                r.to(),
                r.directorySlug(),
                r.consentId(),
                r.status(),
                handover,
                r.sentBy(),
                r.sentAt(),
                r.acceptedAt(),
                r.contactMadeAt(),
                r.closedAt(),
                r.stepDueAt(),
                r.remindedAt(),
                r.reminders(),
                r.version());
    }

    /** The referrals of a case visible to the viewer's organisation (for the case page). */
    @Transactional(readOnly = true)
    public List<Referral> ofCase(Viewer viewer, CaseId caseId) {
        if (!viewer.mayRead()) {
            return List.of();
        }
        return referrals.ofCase(viewer.organisationId().value(), caseId).stream()
                .map(Referrals.Row::referral)
                .toList();
    }

    /** The steps this viewer may take on a referral now. */
    public Set<ReferralStatus> allowedSteps(Viewer viewer, Referral r) {
        Set<ReferralStatus> allowed = new java.util.LinkedHashSet<>();
        for (ReferralStatus next : r.status().next()) {
            if (next == ReferralStatus.CANCELLED) {
                if (r.sentBy(viewer.organisationId()) && viewer.mayOwn()) {
                    allowed.add(next);
                }
            } else if (r.receivedBy(viewer.organisationId()) && viewer.mayRead()) {
                allowed.add(next);
            }
        }
        return allowed;
    }

    /** Takes one step of the loop. Someone else's step in between gives {@link nl.vangnet.cases.CaseChanged}. */
    @Transactional
    public void step(Viewer viewer, ReferralId id, int version, ReferralStatus to) {
        Referral r = visible(viewer, id).referral();
        if (r.version() != version) {
            throw new nl.vangnet.cases.CaseChanged();
        }
        if (!allowedSteps(viewer, r).contains(to)) {
            throw new CaseProblem(List.of(new CaseProblem.Item(
                    "step-not-allowed", "status", "referral.problem.step-not-allowed", List.of())));
        }
        move(r, to, viewer.username());
        if ((to == ReferralStatus.DECLINED || to == ReferralStatus.CANCELLED) && r.consentId() != null) {
            cases.endShare(viewer, r.caseId(), r.consentId());
        }
    }

    private void move(Referral r, ReferralStatus to, String actor) {
        if (!tryMove(r, to, actor)) {
            throw new nl.vangnet.cases.CaseChanged();
        }
    }

    /**
     * Stops a referral on the system's behalf. The same case event can stop it twice at once (the
     * victim's erasure also ends the consent it rests on); a referral closed in between stays as it
     * is, and one changed in between is stopped in its new state.
     */
    private void stop(Referral r) {
        Referral current = r;
        while (!current.status().closed() && !tryMove(current, ReferralStatus.CANCELLED, "system")) {
            ReferralId id = current.id();
            current = referrals.byCase(current.caseId()).stream()
                    .map(Referrals.Row::referral)
                    .filter(found -> found.id().equals(id))
                    .findFirst()
                    .orElse(null);
            if (current == null) {
                return;
            }
        }
    }

    private boolean tryMove(Referral r, ReferralStatus to, String actor) {
        Instant now = clock.instant();
        Instant due = to.closed() ? null : now.plus(properties.limitFor(to));
        if (!referrals.move(r.id(), r.version(), r.status(), to, due, now)) {
            return false;
        }
        referrals.step(r.id(), to, actor, now);
        audit.record(
                actor,
                AuditAction.REFERRAL_STATUS_CHANGED,
                "case",
                r.caseId().toString(),
                null,
                Map.of("referral", r.id().toString(), "from", r.status().name(), "to", to.name()));
        events.publishEvent(new ReferralStepTaken(
                r.id(), r.caseId(), r.directorySlug(), r.status(), to, Duration.between(r.sentAt(), now), now));
        return true;
    }

    /** Sends one reminder for every referral whose current step is overdue (run by the scheduler). */
    @Transactional
    public int remindStalled() {
        Instant now = clock.instant();
        List<Referrals.Row> stalled = referrals.stalled(now);
        for (Referrals.Row row : stalled) {
            Referral r = row.referral();
            referrals.reminded(r.id(), now);
            audit.record(
                    "system",
                    AuditAction.REFERRAL_REMINDED,
                    "case",
                    r.caseId().toString(),
                    null,
                    Map.of("referral", r.id().toString(), "waiting", r.status().name()));
            events.publishEvent(new ReferralStalled(r.id(), r.caseId(), r.status(), r.stepDueAt(), now));
        }
        return stalled.size();
    }

    /** The victim withdrew the consent a referral rests on: the referral stops. */
    @Transactional
    void consentEnded(UUID consentId) {
        for (Referrals.Row row : referrals.byConsent(consentId)) {
            stop(row.referral());
        }
    }

    /** The victim's data left the case: the hand-over notes go, open referrals stop. */
    @Transactional
    void caseErased(CaseId caseId, boolean removed) {
        if (removed) {
            referrals.deleteOfCase(caseId);
            return;
        }
        for (Referrals.Row row : referrals.byCase(caseId)) {
            stop(row.referral());
        }
        referrals.eraseText(caseId);
    }

    /** Retention erased the case's free text: the hand-over notes go too. */
    @Transactional
    void freeTextErased(CaseId caseId) {
        referrals.eraseText(caseId);
    }

    private Referrals.Row visible(Viewer viewer, ReferralId id) {
        if (!viewer.mayRead()) {
            throw new CaseNotFound();
        }
        return referrals.visible(viewer.organisationId().value(), id).orElseThrow(CaseNotFound::new);
    }

    private CaseSummary ownedCase(Viewer viewer, CaseId caseId) {
        if (!viewer.mayOwn()) {
            throw new CaseNotFound();
        }
        CaseSummary summary = cases.summary(viewer, caseId).orElseThrow(CaseNotFound::new);
        if (!summary.owner()) {
            throw new CaseNotFound();
        }
        return summary;
    }

    private static CaseProblem.Item item(String code, @Nullable String field) {
        return new CaseProblem.Item(code, field, "referral.problem." + code, List.of());
    }

    private static String context(ReferralId id) {
        return "referral:" + id.value() + ":handover";
    }
}
