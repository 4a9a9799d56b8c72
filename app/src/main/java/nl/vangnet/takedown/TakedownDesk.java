package nl.vangnet.takedown;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import nl.vangnet.audit.AuditAction;
import nl.vangnet.audit.AuditTrail;
import nl.vangnet.pdq.PdqHash;
import nl.vangnet.taxonomy.Taxonomies;
import nl.vangnet.taxonomy.TaxonomyVersion;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The staff side of takedown: create requests (many at once), group them per host into notices,
 * send or export those, record what hosts answer, escalate, and keep notes. Every change is
 * written with its audit entry and its event in one transaction.
 */
@Service
class TakedownDesk {

    private static final Logger log = LoggerFactory.getLogger(TakedownDesk.class);
    static final int MAX_URLS = 500;
    static final int MAX_EXPLANATION = 2000;
    static final int MAX_NOTE = 4000;

    private final Takedowns takedowns;
    private final Notices notices;
    private final NoticeTemplates templates;
    private final NoticeComposer composer;
    private final NoticeDispatcher dispatcher;
    private final DeliveryEffects effects;
    private final HostIdentification identification;
    private final CaseKeys keys;
    private final CaseHashes hashes;
    private final TakedownCases caseLinks;
    private final Taxonomies taxonomies;
    private final TakedownProperties properties;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TakedownDesk(
            Takedowns takedowns,
            Notices notices,
            NoticeTemplates templates,
            NoticeComposer composer,
            NoticeDispatcher dispatcher,
            DeliveryEffects effects,
            HostIdentification identification,
            CaseKeys keys,
            CaseHashes hashes,
            TakedownCases caseLinks,
            Taxonomies taxonomies,
            TakedownProperties properties,
            ApplicationEventPublisher events,
            AuditTrail audit,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.takedowns = takedowns;
        this.notices = notices;
        this.templates = templates;
        this.composer = composer;
        this.dispatcher = dispatcher;
        this.effects = effects;
        this.identification = identification;
        this.keys = keys;
        this.hashes = hashes;
        this.caseLinks = caseLinks;
        this.taxonomies = taxonomies;
        this.properties = properties;
        this.events = events;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    // ---------------------------------------------------------------- creating requests

    /**
     * What staff submit: URLs pasted or uploaded (one or more per line), for one case.
     *
     * @param caseRef the case's reference (e.g. VN-2026-000042) or ID; it must be a case of the
     *     actor's organisation, and the victim's follow-up page shows progress when the case came
     *     from a help request
     * @param minor the imagery shows someone under 18 (child sexual abuse material)
     * @param explanation extra explanation of illegality added to every notice about these URLs (optional)
     */
    record NewRequests(String caseRef, String formCode, boolean minor, String urls, String explanation) {
        NewRequests {
            caseRef = caseRef == null ? "" : caseRef.strip();
            formCode = formCode == null ? "" : formCode.strip();
            urls = urls == null ? "" : urls;
            explanation = explanation == null ? "" : explanation.strip();
        }
    }

    /** One input that did not become a request. */
    record Rejected(int line, String input, String messageKey) {}

    /** One request that was created. */
    record Created(TakedownRequestId id, TakedownUrl url, HostContact contact) {}

    /** The outcome of a bulk submission; invalid lines are kept so staff can correct them. */
    record Submission(
            CaseRef caseRef,
            String caseReference,
            List<Created> created,
            List<Rejected> invalid,
            List<Rejected> duplicates) {
        String remainingText() {
            return invalid.stream().map(Rejected::input).collect(Collectors.joining("\n"));
        }
    }

    /** The case requests belong to: its ID, its readable reference and the help request it came from. */
    record LinkedCase(
            CaseRef ref, String reference, @Nullable UUID helpRequest) {}

    private record Token(int line, String text) {}

    Submission submit(NewRequests command, Actor actor) {
        Optional<LinkedCase> linked =
                command.caseRef().isEmpty() ? Optional.empty() : caseLinks.find(actor, command.caseRef());
        List<String> problems = new ArrayList<>();
        if (command.caseRef().isEmpty()) {
            problems.add("takedown.form.problem.case-missing");
        } else if (linked.isEmpty()) {
            problems.add("takedown.form.problem.case");
        }
        return create(linked.orElse(null), command, actor, problems);
    }

    /**
     * Drafts for the links a victim gave on the portal, made by the system for the organisation
     * that received the case. Nothing is sent: staff check each draft and send the notices.
     */
    Submission draftFromPortal(LinkedCase linked, String formCode, boolean minor, List<String> urls, Actor actor) {
        return create(
                linked,
                new NewRequests(linked.reference(), formCode, minor, String.join("\n", urls), ""),
                actor,
                new ArrayList<>());
    }

    private Submission create(@Nullable LinkedCase linked, NewRequests command, Actor actor, List<String> problems) {
        TaxonomyVersion version = taxonomies.current();
        if (version.code(command.formCode()).isEmpty()) {
            problems.add("takedown.form.problem.code");
        }
        if (command.explanation().length() > MAX_EXPLANATION) {
            problems.add("takedown.form.problem.explanation");
        }
        List<Token> tokens = tokens(command.urls());
        if (tokens.isEmpty()) {
            problems.add("takedown.form.problem.no-urls");
        } else if (tokens.size() > MAX_URLS) {
            problems.add("takedown.form.problem.too-many");
        }
        if (!problems.isEmpty() || linked == null) {
            throw new TakedownProblem(problems);
        }
        CaseRef ref = linked.ref();
        List<Rejected> invalid = new ArrayList<>();
        List<Rejected> duplicates = new ArrayList<>();
        Map<String, TakedownUrl> accepted = new LinkedHashMap<>();
        for (Token token : tokens) {
            TakedownUrl url;
            try {
                url = TakedownUrl.parse(token.text());
            } catch (TakedownUrl.Invalid e) {
                invalid.add(new Rejected(
                        token.line(), shorten(token.text()), e.problem().messageKey()));
                continue;
            }
            String key = urlKey(ref, url);
            if (accepted.containsKey(key)) {
                duplicates.add(new Rejected(token.line(), url.display(), "takedown.url.duplicate.input"));
            } else if (takedowns.urlKnownInCase(ref, key)) {
                duplicates.add(new Rejected(token.line(), url.display(), "takedown.url.duplicate.case"));
            } else {
                accepted.put(key, url);
            }
        }
        Map<String, HostContact> contacts = identifyHosts(accepted.values());
        Instant now = clock.instant();
        UUID helpRequestRef = linked.helpRequest();
        List<Created> created = transactions.execute(s -> {
            List<Created> out = new ArrayList<>();
            for (Map.Entry<String, TakedownUrl> entry : accepted.entrySet()) {
                TakedownUrl url = entry.getValue();
                HostContact contact = contacts.get(url.host());
                TakedownRequestId id = TakedownRequestId.random();
                TakedownRequest request = new TakedownRequest(
                        id,
                        ref,
                        helpRequestRef,
                        actor.organisationId(),
                        keys.encrypt(ref, url.ascii(), TakedownRequest.urlContext(id)),
                        url.host(),
                        url.hostDisplay(),
                        command.formCode(),
                        version.version(),
                        command.minor(),
                        command.explanation().isEmpty()
                                ? null
                                : keys.encrypt(ref, command.explanation(), TakedownRequest.explanationContext(id)),
                        contact,
                        TakedownStatus.DRAFT,
                        now,
                        actor.username(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        now);
                if (!takedowns.insert(request, entry.getKey())) {
                    duplicates.add(new Rejected(0, url.display(), "takedown.url.duplicate.case"));
                    continue;
                }
                takedowns.history(id, TakedownStatus.DRAFT.name(), now, actor.username(), null);
                audit.record(
                        actor.username(),
                        AuditAction.TAKEDOWN_REQUESTED,
                        "takedown-request",
                        id.toString(),
                        null,
                        Map.of("case", ref.toString(), "host", url.host()));
                events.publishEvent(TakedownEvents.requested(request));
                out.add(new Created(id, url, contact));
            }
            return out;
        });
        log.info(
                "Created {} takedown requests for case {} ({} invalid, {} duplicates)",
                created.size(),
                ref,
                invalid.size(),
                duplicates.size());
        return new Submission(ref, linked.reference(), created, invalid, duplicates);
    }

    private static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            for (String part : lines[i].strip().split("\\s+")) {
                if (!part.isBlank()) {
                    out.add(new Token(i + 1, part.strip()));
                }
            }
        }
        return out;
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** Identifies each distinct host once, a few at a time (RDAP answers can take seconds). */
    private Map<String, HostContact> identifyHosts(java.util.Collection<TakedownUrl> urls) {
        Map<String, TakedownUrl> byHost = new LinkedHashMap<>();
        urls.forEach(u -> byHost.putIfAbsent(u.host(), u));
        Map<String, HostContact> out = new ConcurrentHashMap<>();
        Semaphore slots = new Semaphore(8);
        List<Thread> threads = new ArrayList<>();
        for (TakedownUrl url : byHost.values()) {
            slots.acquireUninterruptibly();
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    out.put(url.host(), identification.identify(url));
                } catch (RuntimeException e) {
                    log.warn("Host identification failed: {}", e.getClass().getName());
                    out.put(url.host(), HostContact.unknown("rdap-failed"));
                } finally {
                    slots.release();
                }
            }));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (TakedownUrl url : byHost.values()) {
            out.putIfAbsent(url.host(), HostContact.unknown("rdap-failed"));
        }
        return out;
    }

    /**
     * The duplicate key stored per request: a hash of the case and the URL without its scheme, so
     * the database can find a repeated URL without holding URLs in clear.
     */
    static String urlKey(CaseRef caseRef, TakedownUrl url) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((caseRef.value() + "\n" + url.duplicateKey()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    // ---------------------------------------------------------------- reading

    TakedownRequest request(TakedownRequestId id, Actor actor) {
        TakedownRequest request = takedowns.find(id).orElseThrow(TakedownProblem.NotFound::new);
        if (!actor.maySee(request)) {
            throw new TakedownProblem.NotFound();
        }
        return request;
    }

    List<TakedownRequest> caseRequests(CaseRef caseRef, Actor actor) {
        List<TakedownRequest> all =
                takedowns.ofCase(caseRef).stream().filter(actor::maySee).toList();
        if (all.isEmpty()) {
            throw new TakedownProblem.NotFound();
        }
        return all;
    }

    String url(TakedownRequest request) {
        return keys.decrypt(request.caseRef(), request.urlCiphertext(), TakedownRequest.urlContext(request.id()));
    }

    /** The URL for people: the host in Unicode where it was given as an IDN. */
    String displayUrl(TakedownRequest request) {
        String url = url(request);
        if (request.host().equals(request.hostDisplay())) {
            return url;
        }
        return url.replaceFirst("://" + java.util.regex.Pattern.quote(request.host()), "://" + request.hostDisplay());
    }

    @Nullable
    String explanation(TakedownRequest request) {
        return request.explanationCiphertext() == null
                ? null
                : keys.decrypt(
                        request.caseRef(),
                        request.explanationCiphertext(),
                        TakedownRequest.explanationContext(request.id()));
    }

    Notice notice(UUID id, Actor actor) {
        Notice notice = notices.find(id).orElseThrow(TakedownProblem.NotFound::new);
        List<TakedownRequest> requests = takedowns.byIds(
                notices.requestsOf(id).stream().map(TakedownRequestId::value).toList());
        if (requests.isEmpty() || requests.stream().noneMatch(actor::maySee)) {
            throw new TakedownProblem.NotFound();
        }
        return notice;
    }

    String noticeBody(Notice notice) {
        return keys.decrypt(notice.caseRef(), notice.bodyCiphertext(), Notice.bodyContext(notice.id()));
    }

    /** A note on a request, decrypted. */
    record Note(Instant at, String author, String text) {}

    List<Note> notes(TakedownRequest request) {
        return takedowns.notes(request.id()).stream()
                .map(n -> new Note(
                        n.at(), n.author(), keys.decrypt(request.caseRef(), n.ciphertext(), noteContext(request.id()))))
                .toList();
    }

    private static String noteContext(TakedownRequestId id) {
        return "takedown-note:" + id.value();
    }

    // ---------------------------------------------------------------- notices per host

    /** The open draft requests of one host in a case, and who to send their notice to. */
    record HostGroup(
            String host,
            String hostDisplay,
            HostContact contact,
            List<TakedownRequest> requests,
            boolean anonymityAllowed,
            NoticeComposer.Composed preview) {}

    /** One group per host that still has draft requests, each with a preview of its notice. */
    List<HostGroup> drafts(CaseRef caseRef, Actor actor) {
        Map<String, List<TakedownRequest>> byHost = new LinkedHashMap<>();
        for (TakedownRequest r : caseRequests(caseRef, actor)) {
            if (r.status() == TakedownStatus.DRAFT) {
                byHost.computeIfAbsent(r.host(), h -> new ArrayList<>()).add(r);
            }
        }
        List<HostGroup> groups = new ArrayList<>();
        for (List<TakedownRequest> requests : byHost.values()) {
            TakedownRequest first = requests.getFirst();
            HostContact contact = first.contact();
            NoticeComposer.Composed preview = compose(
                    NoticeTemplates.Kind.NOTICE, contact.language(), requests, contact.provider(), "VN-…", false, null);
            groups.add(new HostGroup(
                    first.host(),
                    first.hostDisplay(),
                    contact,
                    requests,
                    NoticeComposer.anonymityAllowed(requests),
                    preview));
        }
        return groups;
    }

    private NoticeComposer.Composed compose(
            NoticeTemplates.Kind kind,
            String language,
            List<TakedownRequest> requests,
            @Nullable String recipientName,
            String reference,
            boolean anonymous,
            @Nullable Notice original) {
        List<NoticeComposer.Item> items = requests.stream()
                .map(r -> new NoticeComposer.Item(r, url(r), displayUrl(r), explanation(r)))
                .toList();
        List<Takedowns.StatusChange> history = kind == NoticeTemplates.Kind.ESCALATION
                ? takedowns.history(requests.getFirst().id())
                : List.of();
        return composer.compose(
                templates.get(kind, language),
                items,
                requests.getFirst().host(),
                recipientName,
                reference,
                anonymous,
                original,
                history);
    }

    /**
     * Creates the notice for a host's draft requests in a case: by e-mail (queued and tried at once)
     * or as text for the host's web form. The text is stored exactly as it goes out.
     */
    UUID sendNotice(CaseRef caseRef, String host, HostContact.Channel channel, boolean anonymous, Actor actor) {
        List<TakedownRequest> requests = caseRequests(caseRef, actor).stream()
                .filter(r -> r.host().equals(host) && r.status() == TakedownStatus.DRAFT)
                .toList();
        if (requests.isEmpty()) {
            throw new TakedownProblem("takedown.notice.problem.nothing-to-send");
        }
        HostContact contact = requests.getFirst().contact();
        List<String> problems = new ArrayList<>();
        if (channel == HostContact.Channel.EMAIL
                && (contact.channel() != HostContact.Channel.EMAIL || contact.address() == null)) {
            problems.add("takedown.notice.problem.no-email");
        }
        if (channel == HostContact.Channel.NONE) {
            problems.add("takedown.notice.problem.channel");
        }
        if (anonymous && !NoticeComposer.anonymityAllowed(requests)) {
            problems.add("takedown.notice.problem.anonymous");
        }
        if (!problems.isEmpty()) {
            throw new TakedownProblem(problems);
        }
        UUID id = transactions.execute(s -> {
            Instant now = clock.instant();
            Notice notice = createNotice(
                    NoticeTemplates.Kind.NOTICE,
                    caseRef,
                    requests,
                    channel,
                    contact.address(),
                    contact.provider(),
                    contact.language(),
                    anonymous,
                    null,
                    actor.username());
            for (TakedownRequest r : requests) {
                takedowns.changeStatus(r.id(), TakedownStatus.QUEUED, now, actor.username(), notice.reference());
            }
            return notice.id();
        });
        if (channel == HostContact.Channel.EMAIL) {
            dispatcher.dispatch(id);
        }
        return id;
    }

    /** Stores a new notice (QUEUED for e-mail, EXPORTED for a web form) linked to its requests. */
    Notice createNotice(
            NoticeTemplates.Kind kind,
            CaseRef caseRef,
            List<TakedownRequest> requests,
            HostContact.Channel channel,
            @Nullable String recipient,
            @Nullable String recipientName,
            String language,
            boolean anonymous,
            @Nullable Notice original,
            String actor) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        String reference = "VN-"
                + DateTimeFormatter.ofPattern("yyyyMMdd")
                        .withZone(NoticeComposer.ZONE)
                        .format(now) + "-" + id.toString().substring(0, 8).toUpperCase(Locale.ROOT);
        NoticeComposer.Composed text = compose(kind, language, requests, recipientName, reference, anonymous, original);
        boolean email = channel == HostContact.Channel.EMAIL && recipient != null;
        Notice notice = new Notice(
                id,
                caseRef,
                requests.getFirst().host(),
                kind,
                email ? HostContact.Channel.EMAIL : HostContact.Channel.WEB_FORM,
                recipient,
                recipientName,
                language,
                reference,
                text.subject(),
                keys.encrypt(caseRef, text.body(), Notice.bodyContext(id)),
                anonymous,
                now,
                actor,
                email ? "QUEUED" : "EXPORTED",
                0,
                email ? now : null,
                null,
                null,
                null,
                0,
                original == null ? null : original.id());
        notices.insert(notice, requests.stream().map(TakedownRequest::id).toList());
        audit.record(
                actor,
                AuditAction.TAKEDOWN_NOTICE_CREATED,
                "takedown-notice",
                id.toString(),
                null,
                Map.of(
                        "kind",
                        kind.name(),
                        "channel",
                        notice.channel().name(),
                        "requests",
                        String.valueOf(requests.size())));
        return notice;
    }

    /** Staff submitted an exported notice on the host's web form (or handed it to the route by hand). */
    void confirmSubmitted(UUID noticeId, Actor actor) {
        notice(noticeId, actor);
        transactions.executeWithoutResult(s -> {
            Instant now = clock.instant();
            if (!notices.markSubmitted(noticeId, now)) {
                throw new TakedownProblem("takedown.notice.problem.not-exported");
            }
            Notice submitted = notices.find(noticeId).orElseThrow();
            effects.delivered(submitted, now, actor.username());
            audit.record(
                    actor.username(),
                    AuditAction.TAKEDOWN_NOTICE_EXPORTED,
                    "takedown-notice",
                    noticeId.toString(),
                    null,
                    Map.of("submitted", "true"));
        });
    }

    /** Records that staff downloaded a notice's text (it contains the URLs). */
    void exported(UUID noticeId, Actor actor) {
        transactions.executeWithoutResult(s -> audit.record(
                actor.username(), AuditAction.TAKEDOWN_NOTICE_EXPORTED, "takedown-notice", noticeId.toString()));
    }

    // ---------------------------------------------------------------- answers and outcomes

    void confirmReceipt(TakedownRequestId id, Actor actor) {
        change(id, actor, r -> {
            Instant now = clock.instant();
            if (r.sentAt() == null || r.status() == TakedownStatus.REMOVED) {
                throw new TakedownProblem("takedown.request.problem.not-sent");
            }
            takedowns.setReceipt(id, now);
            if (r.status().canMoveTo(TakedownStatus.RECEIPT_CONFIRMED)) {
                takedowns.changeStatus(id, TakedownStatus.RECEIPT_CONFIRMED, now, actor.username(), null);
            } else {
                takedowns.history(id, "RECEIPT_NOTED", now, actor.username(), null);
            }
            events.publishEvent(new TakedownReceiptConfirmed(id, r.caseRef(), now));
        });
    }

    void markRemoved(TakedownRequestId id, Actor actor) {
        change(id, actor, r -> {
            if (!r.status().canMoveTo(TakedownStatus.REMOVED)) {
                throw new TakedownProblem("takedown.request.problem.transition");
            }
            Instant now = clock.instant();
            takedowns.changeStatus(id, TakedownStatus.REMOVED, now, actor.username(), "STAFF");
            takedowns.setRemovalDetectedBy(id, "STAFF");
            events.publishEvent(TakedownEvents.removed(r, now, "STAFF"));
        });
    }

    void refuse(TakedownRequestId id, String reason, Actor actor) {
        if (!TakedownRequest.REFUSAL_REASONS.contains(reason)) {
            throw new TakedownProblem("takedown.request.problem.reason");
        }
        change(id, actor, r -> {
            Instant now = clock.instant();
            if (r.sentAt() == null || r.status() == TakedownStatus.REMOVED) {
                throw new TakedownProblem("takedown.request.problem.not-sent");
            }
            takedowns.setRefusal(id, now, reason);
            if (r.status().canMoveTo(TakedownStatus.REFUSED)) {
                takedowns.changeStatus(id, TakedownStatus.REFUSED, now, actor.username(), reason);
            } else {
                takedowns.history(id, "REFUSAL_NOTED", now, actor.username(), reason);
            }
            events.publishEvent(new TakedownRefused(id, r.caseRef(), now, reason));
        });
    }

    /** Staff escalate one request now (e.g. after a refusal). */
    void escalate(TakedownRequestId id, Actor actor) {
        TakedownRequest request = request(id, actor);
        if (!request.status().canMoveTo(TakedownStatus.ESCALATED)) {
            throw new TakedownProblem("takedown.request.problem.transition");
        }
        UUID notice = transactions.execute(s -> escalate(List.of(request), false, actor.username()));
        if (notice != null) {
            dispatcher.dispatch(notice);
        }
    }

    /**
     * Escalates requests of one host in one case: moves them to ESCALATED and writes one escalation
     * notice to the route (the minor route when any of them shows someone under 18). Without an
     * e-mail address for the route the notice is kept for export. Runs in the caller's transaction;
     * returns the notice to dispatch.
     */
    @Nullable
    UUID escalate(List<TakedownRequest> group, boolean automatic, String actor) {
        Instant now = clock.instant();
        List<TakedownRequest> locked = new ArrayList<>();
        for (TakedownRequest r : group) {
            takedowns
                    .lock(r.id())
                    .filter(current -> current.status().canMoveTo(TakedownStatus.ESCALATED))
                    .ifPresent(locked::add);
        }
        if (locked.isEmpty()) {
            return null;
        }
        boolean minor = locked.stream().anyMatch(r -> r.minor() || r.formCode().equals("CSAM-REP"));
        TakedownProperties.Escalation routes = properties.escalation();
        String route = minor ? "MINOR" : "DEFAULT";
        String email = minor && !routes.minorEmail().isEmpty() ? routes.minorEmail() : routes.email();
        String name = minor && !routes.minorName().isEmpty() ? routes.minorName() : routes.name();
        for (TakedownRequest r : locked) {
            takedowns.changeStatus(r.id(), TakedownStatus.ESCALATED, now, actor, route);
            takedowns.setEscalationRoute(r.id(), route);
            audit.record(
                    actor,
                    AuditAction.TAKEDOWN_STATUS_CHANGED,
                    "takedown-request",
                    r.id().toString(),
                    null,
                    Map.of("status", "ESCALATED", "route", route));
            events.publishEvent(new TakedownEscalated(r.id(), r.caseRef(), now, r.host(), route, automatic));
        }
        Notice original = notices.ofRequest(locked.getFirst().id()).stream()
                .filter(n -> n.kind() == NoticeTemplates.Kind.NOTICE && n.delivered())
                .findFirst()
                .orElse(null);
        Notice notice = createNotice(
                NoticeTemplates.Kind.ESCALATION,
                locked.getFirst().caseRef(),
                locked,
                email.isEmpty() ? HostContact.Channel.WEB_FORM : HostContact.Channel.EMAIL,
                email.isEmpty() ? null : email,
                name.isEmpty() ? null : name,
                routes.language(),
                false,
                original,
                actor);
        return notice.channel() == HostContact.Channel.EMAIL ? notice.id() : null;
    }

    /** Creates an automatic reminder for a delivered e-mail notice whose requests still wait for an answer. */
    @Nullable
    UUID remind(Notice original) {
        List<TakedownRequest> waiting =
                takedowns
                        .byIds(notices.requestsOf(original.id()).stream()
                                .map(TakedownRequestId::value)
                                .toList())
                        .stream()
                        .filter(r -> r.status() == TakedownStatus.SENT)
                        .toList();
        notices.countReminder(original.id());
        if (waiting.isEmpty() || original.recipient() == null) {
            return null;
        }
        Notice reminder = createNotice(
                NoticeTemplates.Kind.REMINDER,
                original.caseRef(),
                waiting,
                HostContact.Channel.EMAIL,
                original.recipient(),
                original.recipientName(),
                original.language(),
                original.anonymous(),
                original,
                "system");
        return reminder.id();
    }

    // ---------------------------------------------------------------- contacts, notes, hashes

    /** What staff enter to override who a host's notices go to. */
    record ContactForm(String provider, String channel, String address, String country, String language) {
        ContactForm {
            provider = provider == null ? "" : provider.strip();
            channel = channel == null ? "" : channel.strip();
            address = address == null ? "" : address.strip();
            country = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
            language = "nl".equals(language) ? "nl" : "en";
        }

        List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (provider.length() > 200) {
                problems.add("takedown.contact.problem.provider");
            }
            if (channel.equals("EMAIL")) {
                if (!ContactAddress.isEmail(address)) {
                    problems.add("takedown.contact.problem.email");
                }
            } else if (channel.equals("WEB_FORM")) {
                if (!ContactAddress.isWebForm(address)) {
                    problems.add("takedown.contact.problem.web-form");
                }
            } else {
                problems.add("takedown.contact.problem.channel");
            }
            if (!country.isEmpty() && !ContactAddress.isCountry(country)) {
                problems.add("takedown.contact.problem.country");
            }
            return problems;
        }
    }

    /** Overrides the contact of every open request of a host in a case. */
    void overrideContact(CaseRef caseRef, String host, ContactForm form, Actor actor) {
        List<String> problems = form.problems();
        if (!problems.isEmpty()) {
            throw new TakedownProblem(problems);
        }
        List<TakedownRequest> requests = caseRequests(caseRef, actor).stream()
                .filter(r -> r.host().equals(host) && r.status().isOpen())
                .toList();
        if (requests.isEmpty()) {
            throw new TakedownProblem.NotFound();
        }
        HostContact contact = new HostContact(
                form.provider().isEmpty() ? null : form.provider(),
                HostContact.Channel.valueOf(form.channel()),
                form.address(),
                form.country().isEmpty() ? null : form.country(),
                form.language(),
                HostContact.Source.OVERRIDE,
                null,
                null);
        transactions.executeWithoutResult(s -> {
            for (TakedownRequest r : requests) {
                takedowns.updateContact(r.id(), contact);
                audit.record(
                        actor.username(),
                        AuditAction.TAKEDOWN_CONTACT_OVERRIDDEN,
                        "takedown-request",
                        r.id().toString());
            }
        });
    }

    /** Identifies a host again (after the directory changed or the RDAP cache expired), unless staff overrode it. */
    void reidentify(CaseRef caseRef, String host, Actor actor) {
        List<TakedownRequest> requests = caseRequests(caseRef, actor).stream()
                .filter(r -> r.host().equals(host)
                        && r.status().isOpen()
                        && r.contact().source() != HostContact.Source.OVERRIDE)
                .toList();
        if (requests.isEmpty()) {
            return;
        }
        TakedownUrl url;
        try {
            url = TakedownUrl.parse(url(requests.getFirst()));
        } catch (TakedownUrl.Invalid e) {
            throw new IllegalStateException("a stored URL no longer parses", e);
        }
        HostContact contact = identification.identify(url);
        transactions.executeWithoutResult(s -> requests.forEach(r -> takedowns.updateContact(r.id(), contact)));
    }

    void addNote(TakedownRequestId id, String text, Actor actor) {
        String note = text == null ? "" : text.strip();
        if (note.isEmpty() || note.length() > MAX_NOTE) {
            throw new TakedownProblem("takedown.note.problem.length");
        }
        TakedownRequest request = request(id, actor);
        transactions.executeWithoutResult(s -> {
            takedowns.addNote(
                    id, clock.instant(), actor.username(), keys.encrypt(request.caseRef(), note, noteContext(id)));
            audit.record(actor.username(), AuditAction.TAKEDOWN_NOTE_ADDED, "takedown-request", id.toString());
        });
    }

    /** Adds PDQ hashes (hex) of the case's images for re-checks; returns how many were new. */
    int addHashes(CaseRef caseRef, String text, Actor actor) {
        caseRequests(caseRef, actor);
        CaseHashes.Parsed parsed = CaseHashes.parse(text);
        if (!parsed.invalid().isEmpty() || parsed.hashes().isEmpty()) {
            throw new TakedownProblem("takedown.hashes.problem.invalid");
        }
        return addHashes(caseRef, parsed.hashes(), actor.username());
    }

    int addHashes(CaseRef caseRef, List<PdqHash> list, String actor) {
        Integer added = transactions.execute(s -> {
            int n = hashes.add(caseRef, list, actor);
            audit.record(
                    actor,
                    AuditAction.TAKEDOWN_HASHES_ADDED,
                    "takedown-case",
                    caseRef.toString(),
                    null,
                    Map.of("added", String.valueOf(n)));
            return n;
        });
        return added == null ? 0 : added;
    }

    int hashCount(CaseRef caseRef) {
        return hashes.of(caseRef).size();
    }

    // ---------------------------------------------------------------- helpers

    private void change(TakedownRequestId id, Actor actor, java.util.function.Consumer<TakedownRequest> change) {
        request(id, actor);
        transactions.executeWithoutResult(s -> {
            TakedownRequest locked = takedowns.lock(id).orElseThrow(TakedownProblem.NotFound::new);
            change.accept(locked);
            audit.record(actor.username(), AuditAction.TAKEDOWN_STATUS_CHANGED, "takedown-request", id.toString());
        });
    }
}
