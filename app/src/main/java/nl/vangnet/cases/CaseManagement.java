package nl.vangnet.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.vangnet.audit.AuditAction;
import nl.vangnet.audit.AuditEntry;
import nl.vangnet.audit.AuditTrail;
import nl.vangnet.identity.Organisation;
import nl.vangnet.identity.OrganisationId;
import nl.vangnet.identity.StaffManagement;
import nl.vangnet.intake.HelpRequestId;
import nl.vangnet.intake.IntakeManagement;
import nl.vangnet.taxonomy.Coding;
import nl.vangnet.taxonomy.CodingProblem;
import nl.vangnet.taxonomy.Taxonomies;
import nl.vangnet.taxonomy.TaxonomyVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases module's facade for staff pages, the API and other modules. Every method takes the
 * {@link Viewer}, scopes its SQL to what the viewer's organisation owns or received under an
 * active consent, throws {@link CaseNotFound} for anything outside that scope (so nobody learns
 * that a case exists), and writes what it read or changed to the audit trail in the same
 * transaction. Changes carry the version the staff member saw; a newer version means someone
 * else changed the case, and {@link CaseChanged} is thrown without overwriting anything.
 */
@Service
public class CaseManagement {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CaseManagement.class);

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final int MAX_TEXT = 8000;
    static final int MAX_CONTACT = 500;
    static final int MAX_TITLE = 200;
    static final int MAX_REASON = 500;

    private final CaseFiles files;
    private final OrganisationLinks links;
    private final CaseWorkers workers;
    private final CaseCrypto crypto;
    private final Taxonomies taxonomies;
    private final IntakeManagement intake;
    private final StaffManagement staff;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseManagement(
            CaseFiles files,
            OrganisationLinks links,
            CaseWorkers workers,
            CaseCrypto crypto,
            Taxonomies taxonomies,
            IntakeManagement intake,
            StaffManagement staff,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.files = files;
        this.links = links;
        this.workers = workers;
        this.crypto = crypto;
        this.taxonomies = taxonomies;
        this.intake = intake;
        this.staff = staff;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** Police must give a reason before a case opens; nothing of the case is shown until then. */
    public static class ReasonRequired extends RuntimeException {
        ReasonRequired() {
            super("a reason is required", null, false, false);
        }
    }

    // ------------------------------------------------------------------ reading

    /** The triage queue of the viewer's organisation, counts per status, and open cases shared with it. */
    public record Queue(
            List<CaseSummary> cases, List<CaseFiles.StatusCount> counts, List<CaseSummary> shared, Instant now) {

        public long count(CaseStatus status) {
            return counts.stream()
                    .filter(c -> c.status() == status)
                    .mapToLong(CaseFiles.StatusCount::count)
                    .sum();
        }

        public long urgentWaiting() {
            return counts.stream()
                    .filter(c -> c.status() == CaseStatus.NEW)
                    .mapToLong(CaseFiles.StatusCount::urgent)
                    .sum();
        }

        public @Nullable Instant oldestNew() {
            return counts.stream()
                    .filter(c -> c.status() == CaseStatus.NEW)
                    .map(CaseFiles.StatusCount::oldest)
                    .findFirst()
                    .orElse(null);
        }
    }

    @Transactional
    public Queue queue(Viewer viewer, int limit) {
        requireReader(viewer);
        Instant now = clock.instant();
        if (viewer.caseworker()) {
            workers.seen(viewer, now);
        }
        CaseFiles.Scope scope = CaseFiles.Scope.of(viewer);
        List<CaseSummary> cases = viewer.mayOwn() ? files.queue(scope, now, limit) : List.of();
        List<CaseFiles.StatusCount> counts = viewer.mayOwn() ? files.counts(scope) : List.of();
        // The police work from this list; others see the newest shares here and search for more.
        List<CaseSummary> shared = files.sharedOpen(scope, viewer.mayOwn() ? Math.min(limit, 20) : limit);
        audit.record(
                viewer.username(),
                AuditAction.CASE_LIST_VIEWED,
                "case-queue",
                viewer.organisationId().toString(),
                null,
                Map.of("cases", String.valueOf(cases.size()), "shared", String.valueOf(shared.size())));
        return new Queue(cases, counts, shared, now);
    }

    /** A case in the inbox: a victim message is waiting to be read since {@code repliedAt}. */
    public record InboxEntry(CaseSummary summary, Instant repliedAt) {}

    /**
     * The inbox of the viewer's organisation: every case it owns, in any status, with a victim
     * message nobody has opened yet, the longest waiting first. Opening the case marks it read.
     */
    @Transactional
    public List<InboxEntry> inbox(Viewer viewer, int limit) {
        if (!viewer.mayOwn()) {
            return List.of();
        }
        List<InboxEntry> entries = files.unread(CaseFiles.Scope.of(viewer), limit).stream()
                .map(r -> new InboxEntry(r.summary(), r.repliedAt()))
                .toList();
        audit.record(
                viewer.username(),
                AuditAction.CASE_LIST_VIEWED,
                "case-inbox",
                viewer.organisationId().toString(),
                null,
                Map.of("cases", String.valueOf(entries.size())));
        return entries;
    }

    /** How many cases of the viewer's organisation have unread victim messages (0 for non-owners). */
    @Transactional(readOnly = true)
    public int unreadCount(Viewer viewer) {
        return viewer.mayOwn() ? files.countUnread(CaseFiles.Scope.of(viewer)) : 0;
    }

    /** What staff search for. */
    public record SearchQuery(
            @Nullable String reference,
            @Nullable CaseStatus status,
            @Nullable String code,
            boolean urgentOnly,
            boolean mine,
            @Nullable LocalDate openedFrom,
            @Nullable LocalDate openedTo,
            int page) {

        public SearchQuery {
            reference = reference == null || reference.isBlank()
                    ? null
                    : reference.strip().toUpperCase(java.util.Locale.ROOT);
            code = code == null || code.isBlank() ? null : code.strip();
            page = Math.max(0, Math.min(page, 999));
        }
    }

    /** One page of search results; {@code more} when there is a next page. */
    public record SearchResult(List<CaseSummary> cases, boolean more, int page, Instant now) {}

    public static final int PAGE_SIZE = 50;

    @Transactional
    public SearchResult search(Viewer viewer, SearchQuery query) {
        requireReader(viewer);
        List<CaseSummary> found = files.search(
                CaseFiles.Scope.of(viewer),
                new CaseFiles.Search(
                        query.reference(),
                        query.status(),
                        query.code(),
                        query.urgentOnly(),
                        query.mine() ? viewer.accountId().value() : null,
                        query.openedFrom(),
                        query.openedTo(),
                        query.page(),
                        PAGE_SIZE));
        boolean more = found.size() > PAGE_SIZE;
        List<CaseSummary> page = more ? found.subList(0, PAGE_SIZE) : found;
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("results", String.valueOf(page.size()));
        detail.put("page", String.valueOf(query.page()));
        audit.record(
                viewer.username(),
                AuditAction.CASE_SEARCHED,
                "case-search",
                viewer.organisationId().toString(),
                null,
                detail);
        return new SearchResult(List.copyOf(page), more, query.page(), clock.instant());
    }

    /**
     * Opens a case for reading, with exactly the parts the viewer may see, and records the read
     * (with the reason, where the role needs one) in the audit trail.
     */
    @Transactional
    public CaseView open(Viewer viewer, CaseId id, @Nullable String reason) {
        requireReader(viewer);
        CaseFiles.Scope scope = CaseFiles.Scope.of(viewer);
        CaseFiles.Row row = files.row(scope, id).orElseThrow(CaseNotFound::new);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (viewer.needsReason() && why == null) {
            throw new ReasonRequired();
        }
        if (why != null && why.length() > MAX_REASON) {
            throw CaseProblem.of("reason-too-long", "reason", MAX_REASON);
        }
        CaseView view = assemble(scope, row);
        if (row.summary().owner() && row.summary().replyUnread()) {
            files.markRepliesRead(scope, id);
        }
        audit.record(
                viewer.username(),
                AuditAction.CASE_VIEWED,
                "case",
                id.toString(),
                why,
                Map.of("parts", String.join(",", CaseFiles.partsArray(view.parts()))));
        return view;
    }

    /**
     * A summary for a police report (printable), only while the victim's consent to share the case
     * with a police organisation is active: for the owning organisation, and for that police
     * organisation (with its reason). Recorded in the audit trail as an export.
     */
    @Transactional
    public CaseView policeSummary(Viewer viewer, CaseId id, @Nullable String reason) {
        requireReader(viewer);
        CaseFiles.Scope scope = CaseFiles.Scope.of(viewer);
        CaseFiles.Row row = files.row(scope, id).orElseThrow(CaseNotFound::new);
        boolean owner = row.summary().owner();
        boolean consented = files.allConsents(id).stream()
                .filter(CaseFiles.ConsentRow::active)
                .filter(c -> owner || c.organisation().equals(viewer.organisationId()))
                .anyMatch(c -> staff.organisation(c.organisation())
                        .map(o -> o.kind() == nl.vangnet.identity.OrganisationKind.POLICE)
                        .orElse(false));
        if (!consented) {
            throw new CaseNotFound();
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (viewer.needsReason() && why == null) {
            throw new ReasonRequired();
        }
        CaseView view = assemble(scope, row);
        audit.record(
                viewer.username(),
                AuditAction.CASE_EXPORTED,
                "case",
                id.toString(),
                why,
                Map.of("export", "police-summary", "parts", String.join(",", CaseFiles.partsArray(view.parts()))));
        return view;
    }

    /** True when an active consent shares the case with a police organisation the viewer may export for. */
    @Transactional(readOnly = true)
    public boolean policeSummaryAllowed(Viewer viewer, CaseSummary summary) {
        if (!viewer.mayRead() || summary.victimDataErased()) {
            return false;
        }
        return files.allConsents(summary.id()).stream()
                .filter(CaseFiles.ConsentRow::active)
                .filter(c -> summary.owner() || c.organisation().equals(viewer.organisationId()))
                .anyMatch(c -> staff.organisation(c.organisation())
                        .map(o -> o.kind() == nl.vangnet.identity.OrganisationKind.POLICE)
                        .orElse(false));
    }

    /**
     * The case, if the viewer's organisation owns it and the viewer works on cases; otherwise
     * {@link CaseNotFound}. Callers check this before validating input, so a refusal never tells
     * someone outside the scope that the case exists.
     */
    @Transactional(readOnly = true)
    public CaseSummary owned(Viewer viewer, CaseId id) {
        return ownedRow(viewer, id).summary();
    }

    /** The summary of a case the viewer may see, without recording a read (for other modules' pages). */
    @Transactional(readOnly = true)
    public Optional<CaseSummary> summary(Viewer viewer, CaseId id) {
        if (!viewer.mayRead()) {
            return Optional.empty();
        }
        return files.row(CaseFiles.Scope.of(viewer), id).map(CaseFiles.Row::summary);
    }

    private CaseView assemble(CaseFiles.Scope scope, CaseFiles.Row row) {
        CaseId id = row.summary().id();
        byte[] key = row.dataKey();
        Set<CasePart> parts = row.parts();
        String narrative =
                key != null && row.narrative() != null ? crypto.open(key, id, "narrative", row.narrative()) : null;
        String contact = key != null && row.contact() != null ? crypto.open(key, id, "contact", row.contact()) : null;
        List<Incident> incidents = parts.contains(CasePart.CODING)
                ? files.incidents(scope, id).stream()
                        .map(i -> withDescription(key, id, i))
                        .toList()
                : List.of();
        List<CaseView.Note> notes = files.notes(scope, id).stream()
                .filter(n -> key != null)
                .map(n -> new CaseView.Note(
                        n.id(), n.authorName(), crypto.open(key, id, "note:" + n.id(), n.body()), n.at()))
                .toList();
        List<CaseView.Task> tasks = files.tasks(scope, id).stream()
                .filter(t -> key != null)
                .map(t -> new CaseView.Task(
                        t.id(),
                        t.title() == null ? "" : crypto.open(key, id, "task:" + t.id(), t.title()),
                        t.dueOn(),
                        t.doneAt(),
                        t.doneBy(),
                        t.kind()))
                .toList();
        Map<OrganisationId, String> names = organisationNames();
        List<CaseView.Consent> consents = files.consents(scope, id).stream()
                .map(c -> new CaseView.Consent(
                        c.id(),
                        c.organisation(),
                        names.getOrDefault(c.organisation(), "?"),
                        c.parts(),
                        c.basis(),
                        c.how(),
                        c.recordedBy(),
                        c.grantedAt(),
                        c.withdrawnAt()))
                .toList();
        List<CaseView.Message> messages = List.of();
        boolean messaging = false;
        String portalContact = null;
        if (row.helpRequestId() != null) {
            HelpRequestId request = new HelpRequestId(row.helpRequestId());
            Optional<IntakeManagement.FollowUp> followUp = intake.followUp(request);
            if (followUp.isPresent()) {
                messaging = followUp.get().helpRequested() && parts.contains(CasePart.MESSAGES);
                if (parts.contains(CasePart.MESSAGES)) {
                    messages = followUp.get().messages().stream()
                            .map(m -> new CaseView.Message(m.fromVictim(), m.authorLabel(), m.text(), m.at()))
                            .toList();
                }
                if (parts.contains(CasePart.CONTACT)) {
                    portalContact = intake.contactDetails(request).orElse(null);
                }
            }
        }
        return new CaseView(
                row.summary(),
                parts,
                narrative,
                contact,
                portalContact,
                incidents,
                notes,
                tasks,
                consents,
                files.history(scope, id),
                messages,
                row.helpRequestId() != null,
                messaging,
                account(key, id, row.account()));
    }

    private CaseView.@Nullable VictimAccount account(
            byte @Nullable [] key, CaseId id, CaseFiles.@Nullable VictimAccountRow row) {
        if (row == null) {
            return null;
        }
        String words = key != null && row.words() != null ? crypto.open(key, id, "victim-words", row.words()) : null;
        return new CaseView.VictimAccount(row.needs(), row.barriers(), row.told(), words);
    }

    private Incident withDescription(byte @Nullable [] key, CaseId id, CaseFiles.IncidentRow row) {
        Incident i = row.incident();
        if (key == null || row.description() == null) {
            return i;
        }
        return new Incident(
                i.id(),
                i.seq(),
                i.occurredMonth(),
                i.taxonomyVersion(),
                i.code(),
                i.dimensions(),
                i.complete(),
                i.suggestedCode(),
                i.suggestedDimensions(),
                i.confirmedAt(),
                i.confirmedBy(),
                crypto.open(key, id, "incident:" + i.id(), row.description()),
                i.version());
    }

    /** One incident of a case, for the coding form. */
    @Transactional(readOnly = true)
    public Incident incident(Viewer viewer, CaseId id, IncidentId incident) {
        requireReader(viewer);
        CaseFiles.Scope scope = CaseFiles.Scope.of(viewer);
        CaseFiles.Row row = files.row(scope, id).orElseThrow(CaseNotFound::new);
        CaseFiles.IncidentRow found = files.incident(scope, id, incident).orElseThrow(CaseNotFound::new);
        return withDescription(row.dataKey(), id, found);
    }

    /** Who read or changed a case, newest first: for the owning organisation only. */
    @Transactional
    public List<AuditEntry> trail(Viewer viewer, CaseId id) {
        requireOwner(viewer, id);
        List<AuditEntry> entries = audit.about("case", id.toString());
        audit.record(viewer.username(), AuditAction.CASE_VIEWED, "case", id.toString(), null, Map.of("view", "trail"));
        return entries;
    }

    /** The people a case can be assigned to in the viewer's organisation. */
    @Transactional(readOnly = true)
    public List<CaseWorkers.Worker> assignable(Viewer viewer) {
        if (!viewer.mayOwn()) {
            return List.of();
        }
        return workers.of(viewer.organisationId().value());
    }

    /** Organisations a case can be shared with: every organisation except the viewer's own. */
    @Transactional(readOnly = true)
    public List<Organisation> shareTargets(Viewer viewer) {
        return staff.organisations().stream()
                .filter(o -> !o.id().equals(viewer.organisationId()))
                .toList();
    }

    public Map<OrganisationId, String> organisationNames() {
        Map<OrganisationId, String> names = new LinkedHashMap<>();
        for (Organisation o : staff.organisations()) {
            names.put(o.id(), o.name());
        }
        return names;
    }

    public TaxonomyVersion taxonomy() {
        return taxonomies.current();
    }

    public Optional<TaxonomyVersion> taxonomy(String version) {
        return taxonomies.version(version);
    }

    // ------------------------------------------------------------------ opening cases

    /** What staff enter when they open a case themselves. */
    public record NewCaseForm(
            CaseChannel channel,
            boolean ongoingThreat,
            boolean minor,
            boolean imagerySpreading,
            @Nullable String ageBand,
            @Nullable String narrative,
            @Nullable String contact) {}

    @Transactional
    public CaseId create(Viewer viewer, NewCaseForm form) {
        if (!viewer.mayOwn()) {
            throw new CaseNotFound();
        }
        List<CaseProblem.Item> problems = new ArrayList<>();
        if (!CaseChannel.forStaff().contains(form.channel())) {
            problems.add(CaseProblem.Item.of("channel-invalid", "channel"));
        }
        checkAgeBand(form.ageBand(), problems);
        String narrative = text(form.narrative(), "narrative", MAX_TEXT, problems);
        String contact = text(form.contact(), "contact", MAX_CONTACT, problems);
        if (!problems.isEmpty()) {
            throw new CaseProblem(problems);
        }
        Instant now = clock.instant();
        CaseId id = CaseId.random();
        byte[] key = crypto.newKey();
        files.insert(new CaseFiles.NewCase(
                id,
                files.nextReference(LocalDate.ofInstant(now, ZONE).getYear()),
                viewer.organisationId(),
                "STAFF",
                form.channel(),
                null,
                null,
                CaseStatus.NEW,
                null,
                form.ongoingThreat(),
                form.minor(),
                form.imagerySpreading(),
                form.ageBand(),
                List.of(),
                now,
                null,
                key,
                narrative == null ? null : crypto.seal(key, id, "narrative", narrative),
                contact == null ? null : crypto.seal(key, id, "contact", contact)));
        audit.record(
                viewer.username(),
                AuditAction.CASE_OPENED,
                "case",
                id.toString(),
                null,
                Map.of("channel", form.channel().name()));
        events.publishEvent(new CaseOpened(
                id,
                viewer.organisationId(),
                "STAFF",
                form.channel(),
                form.ongoingThreat(),
                form.minor(),
                now,
                null,
                null));
        return id;
    }

    // ------------------------------------------------------------------ changing

    @Transactional
    public void changeStatus(
            Viewer viewer, CaseId id, int version, CaseStatus to, @Nullable ClosingReason closingReason) {
        CaseFiles.Scope scope = CaseFiles.Scope.of(viewer);
        CaseFiles.Row row = ownedRow(viewer, id);
        CaseStatus from = row.summary().status();
        if (row.summary().version() != version) {
            throw new CaseChanged();
        }
        List<CaseProblem.Item> problems = new ArrayList<>();
        if (!from.next().contains(to)) {
            problems.add(CaseProblem.Item.of("status-transition", "status", from.name(), to.name()));
        }
        if (to == CaseStatus.CLOSED && (closingReason == null || closingReason == ClosingReason.DELETED_BY_VICTIM)) {
            problems.add(CaseProblem.Item.of("closing-reason-missing", "closingReason"));
        }
        if (!problems.isEmpty()) {
            throw new CaseProblem(problems);
        }
        ClosingReason reason = to == CaseStatus.CLOSED ? closingReason : null;
        Instant now = clock.instant();
        if (!files.changeStatus(scope, id, version, from, to, reason, viewer.username(), now)) {
            throw new CaseChanged();
        }
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("from", from.name());
        detail.put("to", to.name());
        if (reason != null) {
            detail.put("reason", reason.name());
        }
        audit.record(viewer.username(), AuditAction.CASE_STATUS_CHANGED, "case", id.toString(), null, detail);
        events.publishEvent(new CaseStatusChanged(id, from, to, reason, now));
    }

    /** Assigns the case to a case worker of the owning organisation, or to nobody. */
    @Transactional
    public void assign(Viewer viewer, CaseId id, int version, @Nullable UUID account) {
        CaseFiles.Row row = ownedRow(viewer, id);
        if (row.summary().version() != version) {
            throw new CaseChanged();
        }
        String name = null;
        if (account != null) {
            name = workers.in(viewer.organisationId().value(), account)
                    .map(CaseWorkers.Worker::displayName)
                    .orElseThrow(() -> CaseProblem.of("assignee-unknown", "assignee"));
        }
        if (!files.assign(CaseFiles.Scope.of(viewer), id, version, account, name, clock.instant())) {
            throw new CaseChanged();
        }
        audit.record(
                viewer.username(),
                AuditAction.CASE_ASSIGNED,
                "case",
                id.toString(),
                null,
                Map.of("assignee", account == null ? "" : account.toString()));
    }

    /** The case's details as staff edit them. */
    public record DetailsForm(
            boolean ongoingThreat,
            boolean minor,
            boolean imagerySpreading,
            @Nullable String ageBand,
            @Nullable String narrative,
            @Nullable String contact) {}

    @Transactional
    public void editDetails(Viewer viewer, CaseId id, int version, DetailsForm form) {
        CaseFiles.Row row = ownedRow(viewer, id);
        if (row.summary().version() != version) {
            throw new CaseChanged();
        }
        if (row.dataKey() == null) {
            throw CaseProblem.of("victim-data-erased", null);
        }
        List<CaseProblem.Item> problems = new ArrayList<>();
        checkAgeBand(form.ageBand(), problems);
        String narrative = text(form.narrative(), "narrative", MAX_TEXT, problems);
        String contact = text(form.contact(), "contact", MAX_CONTACT, problems);
        if (!problems.isEmpty()) {
            throw new CaseProblem(problems);
        }
        byte[] key = row.dataKey();
        if (!files.updateDetails(
                CaseFiles.Scope.of(viewer),
                id,
                version,
                form.ongoingThreat(),
                form.minor(),
                form.imagerySpreading(),
                form.ageBand(),
                narrative == null ? null : crypto.seal(key, id, "narrative", narrative),
                contact == null ? null : crypto.seal(key, id, "contact", contact),
                clock.instant())) {
            throw new CaseChanged();
        }
        audit.record(viewer.username(), AuditAction.CASE_DETAILS_CHANGED, "case", id.toString());
    }

    /** A coding as staff submit it, with when it happened and their own words (optional). */
    public record CodingForm(
            @Nullable String code,
            Map<String, List<String>> dimensions,
            @Nullable String occurredMonth,
            @Nullable String description) {
        public CodingForm {
            Map<String, List<String>> cleaned = new LinkedHashMap<>();
            dimensions.forEach((name, values) -> {
                List<String> kept = values.stream()
                        .filter(v -> v != null && !v.isBlank())
                        .map(String::strip)
                        .distinct()
                        .toList();
                if (!kept.isEmpty()) {
                    cleaned.put(name, kept);
                }
            });
            dimensions = java.util.Collections.unmodifiableMap(cleaned);
            code = code == null || code.isBlank() ? null : code.strip();
        }
    }

    /** Adds an incident coded by staff (validated against the current taxonomy; every problem listed). */
    @Transactional
    public IncidentId addIncident(Viewer viewer, CaseId id, CodingForm form) {
        CaseFiles.Row row = ownedRow(viewer, id);
        if (row.dataKey() == null) {
            throw CaseProblem.of("victim-data-erased", null);
        }
        TaxonomyVersion version = taxonomies.current();
        List<CaseProblem.Item> problems = new ArrayList<>();
        YearMonth month = month(form.occurredMonth(), problems);
        String description = text(form.description(), "description", MAX_TEXT, problems);
        problems.addAll(codingProblems(version, form));
        if (!problems.isEmpty()) {
            throw new CaseProblem(problems);
        }
        Instant now = clock.instant();
        IncidentId incident = IncidentId.random();
        files.insertIncident(new CaseFiles.NewIncident(
                incident,
                id,
                files.nextIncidentSeq(id),
                month,
                version.version(),
                form.code(),
                form.dimensions(),
                true,
                null,
                null,
                now,
                viewer.username(),
                description == null ? null : crypto.seal(row.dataKey(), id, "incident:" + incident, description),
                now));
        files.touch(id, now);
        audit.record(
                viewer.username(),
                AuditAction.CASE_INCIDENT_ADDED,
                "case",
                id.toString(),
                null,
                Map.of("incident", incident.toString(), "code", form.code()));
        events.publishEvent(new CaseCoded(id, incident, version.version(), form.code(), null, false, now));
        return incident;
    }

    /**
     * Confirms or corrects an incident's coding. The portal's suggestion stays stored next to the
     * final coding, so agreement can be measured.
     */
    @Transactional
    public void code(Viewer viewer, CaseId id, IncidentId incidentId, int version, CodingForm form) {
        CaseFiles.Scope scope = CaseFiles.Scope.of(viewer);
        CaseFiles.Row row = ownedRow(viewer, id);
        Incident current = files.incident(scope, id, incidentId)
                .orElseThrow(CaseNotFound::new)
                .incident();
        if (current.version() != version) {
            throw new CaseChanged();
        }
        if (row.dataKey() == null) {
            throw CaseProblem.of("victim-data-erased", null);
        }
        TaxonomyVersion taxonomy = taxonomies.current();
        List<CaseProblem.Item> problems = new ArrayList<>();
        YearMonth month = month(form.occurredMonth(), problems);
        String description = text(form.description(), "description", MAX_TEXT, problems);
        problems.addAll(codingProblems(taxonomy, form));
        if (!problems.isEmpty()) {
            throw new CaseProblem(problems);
        }
        Instant now = clock.instant();
        if (!files.recode(
                scope,
                id,
                incidentId,
                version,
                taxonomy.version(),
                form.code(),
                form.dimensions(),
                month,
                description == null ? null : crypto.seal(row.dataKey(), id, "incident:" + incidentId, description),
                viewer.username(),
                now)) {
            throw new CaseChanged();
        }
        files.touch(id, now);
        boolean agreed =
                current.suggestedCode() != null && current.suggestedCode().equals(form.code());
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("incident", incidentId.toString());
        detail.put("code", form.code());
        if (current.suggestedCode() != null) {
            detail.put("suggested", current.suggestedCode());
        }
        audit.record(viewer.username(), AuditAction.CASE_CODED, "case", id.toString(), null, detail);
        events.publishEvent(
                new CaseCoded(id, incidentId, taxonomy.version(), form.code(), current.suggestedCode(), agreed, now));
    }

    /** Every problem with a coding, as items with the taxonomy's own problem codes. */
    List<CaseProblem.Item> codingProblems(TaxonomyVersion version, CodingForm form) {
        List<CaseProblem.Item> items = new ArrayList<>();
        for (CodingProblem p : taxonomies.validate(version, new Coding(form.code(), form.dimensions()))) {
            items.add(new CaseProblem.Item(
                    p.type().code(),
                    p.dimension(),
                    "cases.problem.coding." + p.type().code(),
                    List.of(
                            p.dimension() == null ? "" : p.dimension(),
                            p.value() == null ? "" : p.value(),
                            String.join(", ", p.allowed()))));
        }
        return items;
    }

    @Transactional
    public void addNote(Viewer viewer, CaseId id, String text) {
        CaseFiles.Row row = workableRow(viewer, id);
        List<CaseProblem.Item> problems = new ArrayList<>();
        String body = text(text, "note", MAX_TEXT, problems);
        if (body == null) {
            problems.add(CaseProblem.Item.of("note-empty", "note"));
        }
        if (!problems.isEmpty()) {
            throw new CaseProblem(problems);
        }
        UUID noteId = UUID.randomUUID();
        files.insertNote(
                noteId,
                id,
                viewer.organisationId().value(),
                viewer.username(),
                viewer.displayName(),
                crypto.seal(row.dataKey(), id, "note:" + noteId, body),
                clock.instant());
        audit.record(viewer.username(), AuditAction.CASE_NOTE_ADDED, "case", id.toString());
    }

    @Transactional
    public void addTask(Viewer viewer, CaseId id, String title, @Nullable String dueOn) {
        CaseFiles.Row row = workableRow(viewer, id);
        List<CaseProblem.Item> problems = new ArrayList<>();
        String text = text(title, "title", MAX_TITLE, problems);
        if (text == null) {
            problems.add(CaseProblem.Item.of("task-title-empty", "title"));
        }
        LocalDate due = null;
        try {
            due = dueOn == null || dueOn.isBlank() ? null : LocalDate.parse(dueOn.strip());
        } catch (java.time.format.DateTimeParseException e) {
            // reported below
        }
        if (due == null) {
            problems.add(CaseProblem.Item.of("task-due-invalid", "dueOn"));
        }
        if (!problems.isEmpty()) {
            throw new CaseProblem(problems);
        }
        UUID taskId = UUID.randomUUID();
        files.insertTask(
                taskId,
                id,
                viewer.organisationId().value(),
                crypto.seal(row.dataKey(), id, "task:" + taskId, text),
                due,
                viewer.username(),
                clock.instant());
        audit.record(
                viewer.username(),
                AuditAction.CASE_TASK_ADDED,
                "case",
                id.toString(),
                null,
                Map.of("task", taskId.toString(), "due", due.toString()));
    }

    @Transactional
    public void completeTask(Viewer viewer, CaseId id, UUID taskId) {
        workableRow(viewer, id);
        if (!files.completeTask(CaseFiles.Scope.of(viewer), id, taskId, viewer.username(), clock.instant())) {
            throw new CaseNotFound();
        }
        audit.record(
                viewer.username(),
                AuditAction.CASE_TASK_DONE,
                "case",
                id.toString(),
                null,
                Map.of("task", taskId.toString()));
    }

    /**
     * Writes to the victim through the receipt's follow-up page (the intake module stores the
     * message). Only for cases from a help request whose victim still wants professional help, and
     * for the owner or an organisation whose consent covers the messages.
     */
    @Transactional
    public boolean sendMessage(Viewer viewer, CaseId id, String text) {
        if (!viewer.caseworker()) {
            throw new CaseNotFound();
        }
        CaseFiles.Row row = files.row(CaseFiles.Scope.of(viewer), id).orElseThrow(CaseNotFound::new);
        if (!row.parts().contains(CasePart.MESSAGES)) {
            throw new CaseNotFound();
        }
        List<CaseProblem.Item> problems = new ArrayList<>();
        String body = text(text, "message", 4000, problems);
        if (body == null) {
            problems.add(CaseProblem.Item.of("message-empty", "message"));
        }
        if (row.helpRequestId() == null) {
            problems.add(CaseProblem.Item.of("message-no-portal", "message"));
        }
        if (!problems.isEmpty()) {
            throw new CaseProblem(problems);
        }
        HelpRequestId request = new HelpRequestId(row.helpRequestId());
        boolean helpWanted = intake.followUp(request)
                .map(IntakeManagement.FollowUp::helpRequested)
                .orElse(false);
        if (!helpWanted) {
            throw CaseProblem.of("message-help-withdrawn", "message");
        }
        String label = staff.organisation(viewer.organisationId())
                .map(Organisation::name)
                .orElse(viewer.displayName());
        // In this transaction: the victim's e-mail notification (if she asked for one) is queued
        // together with the message, or neither is saved.
        boolean notified = intake.postProfessionalMessage(request, label, body);
        files.touch(id, clock.instant());
        audit.record(viewer.username(), AuditAction.CASE_MESSAGE_SENT, "case", id.toString());
        return notified;
    }

    /**
     * Records a consent the victim gave a professional (by phone, chat, message, in person or in
     * writing) and shares the chosen parts of the case with one organisation.
     */
    @Transactional
    public UUID recordConsent(
            Viewer viewer, CaseId id, OrganisationId organisation, Set<CasePart> parts, ConsentHow how) {
        ownedRow(viewer, id);
        List<CaseProblem.Item> problems = new ArrayList<>();
        if (organisation.equals(viewer.organisationId())
                || staff.organisation(organisation).isEmpty()) {
            problems.add(CaseProblem.Item.of("share-organisation-invalid", "organisation"));
        }
        if (how == ConsentHow.PORTAL) {
            problems.add(CaseProblem.Item.of("consent-how-invalid", "how"));
        }
        if (!problems.isEmpty()) {
            throw new CaseProblem(problems);
        }
        return share(id, organisation, parts, "RECORDED", how, null, viewer.username());
    }

    /** Shares a case under a consent; also used for portal consents and by the referral module. */
    UUID share(
            CaseId id,
            OrganisationId organisation,
            Set<CasePart> parts,
            String basis,
            ConsentHow how,
            @Nullable String slug,
            String actor) {
        Set<CasePart> withSummary = EnumSet.of(CasePart.SUMMARY);
        withSummary.addAll(parts);
        UUID consentId = UUID.randomUUID();
        Instant now = clock.instant();
        files.insertConsent(consentId, id, organisation, withSummary, basis, how, slug, actor, now);
        audit.record(
                actor,
                AuditAction.CASE_SHARED,
                "case",
                id.toString(),
                null,
                Map.of(
                        "organisation", organisation.toString(),
                        "parts", String.join(",", CaseFiles.partsArray(withSummary)),
                        "how", how.name()));
        events.publishEvent(new CaseShared(id, consentId, organisation, withSummary, now));
        return consentId;
    }

    /** The victim withdrew a consent (told to the owner): the organisation stops seeing the case. */
    @Transactional
    public void withdrawConsent(Viewer viewer, CaseId id, UUID consentId) {
        ownedRow(viewer, id);
        CaseFiles.ConsentRow consent = files.allConsents(id).stream()
                .filter(c -> c.id().equals(consentId) && c.active())
                .findFirst()
                .orElseThrow(CaseNotFound::new);
        withdraw(id, consent, viewer.username());
    }

    void withdraw(CaseId id, CaseFiles.ConsentRow consent, String actor) {
        Instant now = clock.instant();
        if (files.withdrawConsent(id, consent.id(), actor, now)) {
            audit.record(
                    actor,
                    AuditAction.CASE_SHARE_WITHDRAWN,
                    "case",
                    id.toString(),
                    null,
                    Map.of("organisation", consent.organisation().toString()));
            events.publishEvent(new CaseShareWithdrawn(id, consent.id(), consent.organisation(), now));
        }
    }

    /** The Vangnet organisation that is this directory entry, if an administrator linked one. */
    @Transactional(readOnly = true)
    public Optional<OrganisationId> organisationFor(String directorySlug) {
        return links.organisationFor(directorySlug);
    }

    /** Marks an owned case as referred (the referral module calls this when it sends a referral). */
    @Transactional
    public void markReferred(Viewer viewer, CaseId id) {
        // Not a staff edit of a form they saw, so a concurrent change (a note, an assignment) must
        // not make the referral leave the status behind: read the case again and retry a few times.
        for (int attempt = 0; attempt < 3; attempt++) {
            CaseFiles.Row row = ownedRow(viewer, id);
            CaseStatus from = row.summary().status();
            if (!from.next().contains(CaseStatus.REFERRED)) {
                return;
            }
            Instant now = clock.instant();
            if (files.changeStatus(
                    CaseFiles.Scope.of(viewer),
                    id,
                    row.summary().version(),
                    from,
                    CaseStatus.REFERRED,
                    null,
                    viewer.username(),
                    now)) {
                audit.record(
                        viewer.username(),
                        AuditAction.CASE_STATUS_CHANGED,
                        "case",
                        id.toString(),
                        null,
                        Map.of("from", from.name(), "to", CaseStatus.REFERRED.name()));
                events.publishEvent(new CaseStatusChanged(id, from, CaseStatus.REFERRED, null, now));
                return;
            }
        }
        log.warn("A referred case kept its status: it changed three times while the referral was sent");
    }

    /**
     * Ends a share the viewer's own organisation received (e.g. it declined a referral), or any
     * share of a case the viewer's organisation owns. Anything else is left alone.
     */
    @Transactional
    public void endShare(Viewer viewer, CaseId id, UUID consentId) {
        if (!viewer.mayRead()) {
            throw new CaseNotFound();
        }
        boolean owner = viewer.mayOwn() && files.owns(CaseFiles.Scope.of(viewer), id);
        files.allConsents(id).stream()
                .filter(c -> c.id().equals(consentId) && c.active())
                .filter(c -> owner || c.organisation().equals(viewer.organisationId()))
                .findFirst()
                .ifPresent(c -> withdraw(id, c, viewer.username()));
    }

    // ------------------------------------------------------------------ helpers

    private void requireReader(Viewer viewer) {
        if (!viewer.mayRead()) {
            throw new CaseNotFound();
        }
    }

    private void requireOwner(Viewer viewer, CaseId id) {
        ownedRow(viewer, id);
    }

    /** The case, if the viewer's organisation owns it and the viewer works on cases; else not found. */
    /**
     * A case another module attaches its own work to (takedown requests): named by its reference
     * (e.g. {@code VN-2026-000042}) or ID, owned by the viewer's organisation, worked on by the
     * viewer, and still holding the victim's data. Empty otherwise, whichever the reason, so
     * nobody outside the scope learns that a case exists.
     *
     * @param helpRequest the help request the case came from, if any
     */
    public record WorkLink(CaseSummary summary, @Nullable HelpRequestId helpRequest) {}

    @Transactional(readOnly = true)
    public Optional<WorkLink> workLink(Viewer viewer, String referenceOrId) {
        String text = referenceOrId.strip();
        if (!viewer.mayOwn() || text.isEmpty() || text.length() > 64) {
            return Optional.empty();
        }
        Optional<CaseId> id;
        try {
            id = Optional.of(new CaseId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            id = files.idByReference(text.toUpperCase(java.util.Locale.ROOT));
        }
        return id.flatMap(i -> files.row(CaseFiles.Scope.of(viewer), i))
                .filter(row -> row.summary().owner() && !row.summary().victimDataErased())
                .map(row -> new WorkLink(
                        row.summary(), row.helpRequestId() == null ? null : new HelpRequestId(row.helpRequestId())));
    }

    /**
     * Adds a task for the organisation that owns the case a help request opened (or the case
     * itself), due tomorrow, unless one of the same kind is still open. Nothing happens for a case
     * no organisation owns yet or whose victim data was erased. For other modules reacting to
     * events about a victim (a platform stopping an upload of their image); no staff member acts.
     *
     * @return whether a task was added
     */
    @Transactional
    public boolean addSystemTask(@Nullable HelpRequestId helpRequest, @Nullable CaseId caseId, SystemTask kind) {
        Optional<CaseFiles.SystemRow> row = caseId != null
                ? files.systemRow(caseId)
                : helpRequest != null ? files.byHelpRequest(helpRequest.value()) : Optional.empty();
        if (row.isEmpty() || row.get().organisation() == null || row.get().dataKey() == null) {
            return false;
        }
        Instant now = clock.instant();
        boolean added = files.insertSystemTask(
                row.get().id(), row.get().organisation().value(), kind.name(), today().plusDays(1), now);
        if (added) {
            audit.record(
                    "system",
                    AuditAction.CASE_TASK_ADDED,
                    "case",
                    row.get().id().toString(),
                    null,
                    Map.of("kind", kind.name()));
        }
        return added;
    }

    private CaseFiles.Row ownedRow(Viewer viewer, CaseId id) {
        if (!viewer.mayOwn()) {
            throw new CaseNotFound();
        }
        CaseFiles.Row row = files.row(CaseFiles.Scope.of(viewer), id).orElseThrow(CaseNotFound::new);
        if (!row.summary().owner()) {
            throw new CaseNotFound();
        }
        return row;
    }

    /** A case the viewer works on (owned or shared with a caseworker's organisation) that still has its key. */
    private CaseFiles.Row workableRow(Viewer viewer, CaseId id) {
        if (!viewer.caseworker()) {
            throw new CaseNotFound();
        }
        CaseFiles.Row row = files.row(CaseFiles.Scope.of(viewer), id).orElseThrow(CaseNotFound::new);
        if (row.dataKey() == null) {
            throw CaseProblem.of("victim-data-erased", null);
        }
        return row;
    }

    private void checkAgeBand(@Nullable String ageBand, List<CaseProblem.Item> problems) {
        if (ageBand != null
                && !taxonomies
                        .current()
                        .dimension("victimAgeAtReport")
                        .map(d -> d.valueCodes().contains(ageBand))
                        .orElse(false)) {
            problems.add(CaseProblem.Item.of("age-band-invalid", "ageBand"));
        }
    }

    static @Nullable String text(@Nullable String value, String field, int max, List<CaseProblem.Item> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            problems.add(CaseProblem.Item.of("text-too-long", field, max));
        } else if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            problems.add(CaseProblem.Item.of("text-control-characters", field));
        }
        return text;
    }

    static @Nullable YearMonth month(@Nullable String value, List<CaseProblem.Item> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(CaseProblem.Item.of("month-invalid", "occurredMonth"));
            return null;
        }
    }
}
