package nl.vangnet.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.vangnet.directory.HelpDirectory;
import nl.vangnet.directory.HelpOrganisation;
import nl.vangnet.shared.FieldEncryption;
import nl.vangnet.shared.Languages;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake module's facade: suggest a coding and a plan for answers, save a help request with a
 * receipt, look it up again (throttled, without an oracle), follow up, and delete. Staff-side
 * modules (cases, later) post professional messages and read shared requests through here, and
 * only where the victim's consent allows it.
 */
@Service
public class IntakeManagement {

    private final HelpRequests requests;
    private final CodingRules coding;
    private final HelpPlanner planner;
    private final HelpDirectory directory;
    private final SecretHasher hasher;
    private final LookupThrottle throttle;
    private final ReplyNotifications notifications;
    private final FieldEncryption encryption;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    IntakeManagement(
            HelpRequests requests,
            CodingRules coding,
            HelpPlanner planner,
            HelpDirectory directory,
            SecretHasher hasher,
            LookupThrottle throttle,
            ReplyNotifications notifications,
            FieldEncryption encryption,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.requests = requests;
        this.coding = coding;
        this.planner = planner;
        this.directory = directory;
        this.hasher = hasher;
        this.throttle = throttle;
        this.notifications = notifications;
        this.encryption = encryption;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** The suggested coding for answers given so far. */
    public SuggestedCoding suggest(IntakeAnswers answers) {
        return coding.suggest(answers);
    }

    /** The help plan for answers given so far, with opening hours as of now. */
    public HelpPlan plan(IntakeAnswers answers) {
        return planner.plan(answers, coding.suggest(answers));
    }

    /** Organisations the victim may choose to share with: active directory entries for victims. */
    public List<HelpOrganisation> shareableOrganisations() {
        return directory.forVictims();
    }

    /**
     * What the victim chose when saving.
     *
     * @param askProfessional put the request in the hotline queue
     * @param contact how a professional may reach them (optional, encrypted), only with askProfessional
     * @param shareWith directory slugs to share the request with
     * @param passphrase an optional own passphrase, needed with the receipt from then on
     * @param ownWords what the victim wants the professional to know, in their own words (optional,
     *     encrypted), only with askProfessional
     */
    public record SaveChoices(
            boolean askProfessional, String contact, List<String> shareWith, String passphrase, String ownWords) {
        public SaveChoices {
            contact = contact == null ? "" : contact.strip();
            shareWith = shareWith == null ? List.of() : List.copyOf(new LinkedHashSet<>(shareWith));
            passphrase = passphrase == null ? "" : passphrase;
            ownWords = ownWords == null ? "" : ownWords.strip();
        }

        /** Choices without anything in the victim's own words. */
        public SaveChoices(boolean askProfessional, String contact, List<String> shareWith, String passphrase) {
            this(askProfessional, contact, shareWith, passphrase, "");
        }

        @Override
        public String toString() {
            return "SaveChoices[askProfessional=" + askProfessional + "]";
        }
    }

    /** Where a request came from. */
    public enum Source {
        WEB,
        API
    }

    /** A saved request: the receipt is shown once and exists nowhere else. */
    public record Submission(HelpRequestId id, String receipt, SuggestedCoding coding, HelpPlan plan) {
        @Override
        public String toString() {
            return "Submission[" + id + "]";
        }
    }

    /** Checks the save choices; every problem at once. */
    public void check(SaveChoices choices) {
        List<AnswerRules.Problem> problems = new ArrayList<>();
        if (!choices.contact().isEmpty()) {
            AnswerRules.text("contact", choices.contact(), AnswerRules.MAX_CONTACT, false, problems);
            if (!choices.askProfessional()) {
                problems.add(AnswerRules.Problem.of("contact", "contact-without-help"));
            }
        }
        if (!choices.ownWords().isEmpty()) {
            AnswerRules.text("ownWords", choices.ownWords(), AnswerRules.MAX_OWN_WORDS, true, problems);
            if (!choices.askProfessional()) {
                problems.add(AnswerRules.Problem.of("ownWords", "own-words-without-help"));
            }
        }
        Set<String> known = new LinkedHashSet<>();
        shareableOrganisations().forEach(o -> known.add(o.slug()));
        for (String slug : choices.shareWith()) {
            if (!known.contains(slug)) {
                problems.add(AnswerRules.Problem.of("shareWith", "unknown-organisation"));
                break;
            }
        }
        AnswerRules.passphrase(choices.passphrase(), problems);
        if (!problems.isEmpty()) {
            throw new IntakeProblem(problems);
        }
    }

    /** Saves a help request with its consents, publishes {@link HelpRequestSubmitted}, and returns the receipt. */
    public Submission submit(IntakeAnswers answers, SaveChoices choices, Source source, Locale locale) {
        return submit(answers, choices, source, locale, Receipt.random());
    }

    Submission submit(IntakeAnswers answers, SaveChoices choices, Source source, Locale locale, Receipt receipt) {
        check(choices);
        SuggestedCoding suggested = coding.suggest(answers);
        HelpPlan plan = planner.plan(answers, suggested);
        // The memory-hard hashes run before the transaction, so no database connection waits on them.
        SecretHasher.Hash receiptHash = hasher.hash(receipt.secret());
        SecretHasher.Hash passphraseHash = choices.passphrase().isEmpty() ? null : hasher.hash(choices.passphrase());
        HelpRequestId id = HelpRequestId.random();
        byte[] dataKey = encryption.newDataKey();
        byte[] urls = answers.urls().isEmpty()
                ? null
                : encryption.encrypt(dataKey, String.join("\n", answers.urls()), context(id, "urls"));
        byte[] contact = choices.contact().isEmpty() || !choices.askProfessional()
                ? null
                : encryption.encrypt(dataKey, choices.contact(), context(id, "contact"));
        byte[] ownWords = choices.ownWords().isEmpty() || !choices.askProfessional()
                ? null
                : encryption.encrypt(dataKey, choices.ownWords(), context(id, "own-words"));
        Instant now = clock.instant();
        String language = Languages.isEnglish(locale) ? "en" : "nl";
        Receipt saved = transactions.execute(status -> {
            Receipt r = receipt;
            for (int attempt = 0; requests.lookupIdTaken(r.lookupId()); attempt++) {
                if (attempt > 20) {
                    throw new IllegalStateException("No free receipt look-up number found");
                }
                r = r.withNewLookupId();
            }
            requests.insert(
                    new HelpRequests.Stored(
                            id,
                            r.lookupId(),
                            receiptHash,
                            passphraseHash,
                            dataKey,
                            choices.askProfessional() ? HelpRequestStatus.WAITING : HelpRequestStatus.SAVED,
                            language,
                            now,
                            answers,
                            suggested,
                            urls,
                            contact,
                            ownWords),
                    source.name(),
                    answers.urls().size(),
                    now);
            if (choices.askProfessional()) {
                requests.addConsent(id, ConsentScope.PROFESSIONAL_HELP, null, now);
                if (contact != null) {
                    requests.addConsent(id, ConsentScope.CONTACT_DETAILS, null, now);
                }
            }
            for (String slug : choices.shareWith()) {
                requests.addConsent(id, ConsentScope.SHARE_WITH_ORGANISATION, slug, now);
            }
            events.publishEvent(new HelpRequestSubmitted(
                    id,
                    now,
                    suggested.taxonomyVersion(),
                    suggested.code(),
                    suggested.secondaryCodes(),
                    answers.ageBand() == null ? "unknown" : answers.ageBand(),
                    answers.urgent(),
                    choices.askProfessional(),
                    List.copyOf(answers.needs()),
                    choices.shareWith(),
                    List.copyOf(answers.barriers()),
                    List.copyOf(answers.told()),
                    ownWords != null));
            return r;
        });
        return new Submission(id, saved.formatted(), suggested, plan);
    }

    /** The outcome of a receipt look-up. Wrong and unknown receipts are deliberately the same outcome. */
    public sealed interface Lookup {
        /** The receipt (and passphrase, if one was set) fit this request. */
        record Found(HelpRequestId id) implements Lookup {}

        /** No request fits: unknown, wrong secret or wrong passphrase, indistinguishably. */
        record NotFound() implements Lookup {}

        /** Too many failed attempts: wait this long. */
        record Throttled(Duration retryAfter) implements Lookup {}

        /** Not shaped like a receipt code at all (not a guess: tells the person how a code looks). */
        record Malformed() implements Lookup {}
    }

    /**
     * Finds a request by receipt. Costs one Argon2id verification whether or not the look-up
     * number exists (no timing oracle). The attempt is reserved in the throttle before any
     * hashing, atomically, so parallel guesses cannot overshoot a limit; a wrong receipt then
     * counts as a failure, a right one counts nothing (docs/adr/0034).
     */
    public Lookup lookup(String receiptText, String passphrase, String clientAddress) {
        Optional<Receipt> parsed = Receipt.parse(receiptText);
        if (parsed.isEmpty()) {
            return new Lookup.Malformed();
        }
        Receipt receipt = parsed.get();
        LookupThrottle.Admission admission = throttle.admit(clientAddress, receipt.lookupId());
        if (!admission.admitted()) {
            return new Lookup.Throttled(admission.retryAfter());
        }
        try (LookupThrottle.Ticket ticket = admission.ticket()) {
            Optional<HelpRequests.Stored> stored = requests.byLookupId(receipt.lookupId());
            boolean ok;
            if (stored.isEmpty()) {
                hasher.burnOneVerification(receipt.secret());
                ok = false;
            } else {
                ok = hasher.matches(receipt.secret(), stored.get().receipt());
                if (ok && stored.get().passphrase() != null) {
                    ok = hasher.matches(
                            passphrase == null ? "" : passphrase, stored.get().passphrase());
                }
            }
            if (!ok) {
                ticket.failed();
                return new Lookup.NotFound();
            }
            return new Lookup.Found(stored.get().id());
        }
    }

    /** A message in a help request's conversation, decrypted for the victim or a consented professional. */
    public record Message(boolean fromVictim, @Nullable String authorLabel, String text, Instant at) {}

    /** A consent as the victim sees it. */
    public record ConsentView(
            UUID id,
            ConsentScope scope,
            @Nullable String organisation,
            Instant grantedAt,
            @Nullable Instant withdrawnAt) {
        public boolean active() {
            return withdrawnAt == null;
        }
    }

    /** What the victim sees when they come back. */
    public record FollowUp(
            HelpRequestId id,
            HelpRequestStatus status,
            Instant createdAt,
            IntakeAnswers answers,
            SuggestedCoding coding,
            HelpPlan plan,
            List<Message> messages,
            List<ConsentView> consents,
            int urlCount,
            boolean hasContact) {

        public boolean helpRequested() {
            return consents.stream().anyMatch(c -> c.active() && c.scope() == ConsentScope.PROFESSIONAL_HELP);
        }
    }

    public Optional<FollowUp> followUp(HelpRequestId id) {
        return requests.byId(id).map(stored -> {
            List<Message> messages = requests.messages(id).stream()
                    .map(m -> new Message(
                            m.author().equals("VICTIM"),
                            m.authorLabel(),
                            encryption.decrypt(stored.dataKey(), m.body(), context(id, "message:" + m.id())),
                            m.createdAt()))
                    .toList();
            List<ConsentView> consents = requests.consents(id).stream()
                    .map(c -> new ConsentView(c.id(), c.scope(), c.organisation(), c.grantedAt(), c.withdrawnAt()))
                    .toList();
            int urlCount = stored.urlsEncrypted() == null
                    ? 0
                    : encryption
                            .decrypt(stored.dataKey(), stored.urlsEncrypted(), context(id, "urls"))
                            .split("\n")
                            .length;
            return new FollowUp(
                    id,
                    stored.status(),
                    stored.createdAt(),
                    stored.answers(),
                    stored.coding(),
                    planner.plan(stored.answers(), stored.coding()),
                    messages,
                    consents,
                    urlCount,
                    stored.contactEncrypted() != null);
        });
    }

    /** The victim writes to the professional. Only while a professional was asked to help. */
    public void reply(HelpRequestId id, String text) {
        List<AnswerRules.Problem> problems = new ArrayList<>();
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            problems.add(AnswerRules.Problem.of("message", "message-empty"));
        } else {
            AnswerRules.text("message", body, AnswerRules.MAX_MESSAGE, true, problems);
        }
        FollowUp current = followUp(id)
                .orElseThrow(() -> new IntakeProblem(List.of(AnswerRules.Problem.of("message", "request-gone"))));
        if (!current.helpRequested()) {
            problems.add(AnswerRules.Problem.of("message", "message-without-help"));
        }
        if (!problems.isEmpty()) {
            throw new IntakeProblem(problems);
        }
        // In a transaction, so transactional listeners (the cases module) receive the event.
        transactions.executeWithoutResult(status -> {
            writeMessage(id, "VICTIM", null, body);
            events.publishEvent(new VictimReplied(id, clock.instant()));
        });
    }

    /**
     * A professional writes to the victim (used by staff-side modules; the cases module will call
     * this). Refused unless the victim asked for professional help and has not withdrawn it.
     */
    public boolean postProfessionalMessage(HelpRequestId id, String authorLabel, String text) {
        FollowUp current = followUp(id).orElseThrow(() -> new IllegalArgumentException("no such help request"));
        if (!current.helpRequested()) {
            throw new IllegalStateException("the victim has not asked for (or has withdrawn) professional help");
        }
        if (text.isBlank() || text.length() > AnswerRules.MAX_MESSAGE || authorLabel.isBlank()) {
            throw new IllegalArgumentException(
                    "a message needs an author label and 1.." + AnswerRules.MAX_MESSAGE + " characters");
        }
        // The notification is written in the caller's transaction (the staff member's reply), so a
        // saved reply always has its e-mail owed, even across a crash before delivery.
        Boolean notified = transactions.execute(status -> {
            writeMessage(id, "PROFESSIONAL", authorLabel.strip(), text.strip());
            if (current.status() == HelpRequestStatus.WAITING) {
                requests.setStatus(id, HelpRequestStatus.ANSWERED, clock.instant());
            }
            return notifications.enqueue(id, clock.instant());
        });
        return Boolean.TRUE.equals(notified);
    }

    // ------------------------------------------------------------------ reply notifications

    /** A plain, safe check of an e-mail address: one @, a dotted domain, no spaces or markup. */
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    static final int MAX_EMAIL = 254;

    /**
     * The victim asks for a neutral e-mail whenever a professional writes (replacing an earlier
     * address). Only while a professional was asked to help: nobody else writes.
     */
    public void notifyRepliesTo(HelpRequestId id, String address, Locale locale) {
        String value = address == null ? "" : address.strip();
        List<AnswerRules.Problem> problems = new ArrayList<>();
        if (value.isEmpty()) {
            problems.add(AnswerRules.Problem.of("notifyEmail", "email-empty"));
        } else if (value.length() > MAX_EMAIL || !EMAIL.matcher(value).matches()) {
            problems.add(AnswerRules.Problem.of("notifyEmail", "email-invalid"));
        }
        Optional<HelpRequests.Stored> stored = requests.byId(id);
        if (stored.isEmpty()) {
            problems.add(AnswerRules.Problem.of("notifyEmail", "request-gone"));
        } else if (requests.consents(id).stream()
                .noneMatch(c -> c.active() && c.scope() == ConsentScope.PROFESSIONAL_HELP)) {
            problems.add(AnswerRules.Problem.of("notifyEmail", "notify-without-help"));
        }
        if (!problems.isEmpty()) {
            throw new IntakeProblem(problems);
        }
        byte[] encrypted = encryption.encrypt(stored.get().dataKey(), value, notificationContext(id));
        String language = Languages.isEnglish(locale) ? "en" : "nl";
        transactions.executeWithoutResult(
                status -> notifications.saveAddress(id, encrypted, language, clock.instant()));
    }

    /** True when the receipt text has the look-up number of this request (no hashing: not a proof). */
    public boolean isReceiptOf(HelpRequestId id, String receiptText) {
        Optional<Receipt> parsed = Receipt.parse(receiptText);
        return parsed.isPresent()
                && requests.byId(id)
                        .map(r -> r.lookupId().equals(parsed.get().lookupId()))
                        .orElse(false);
    }

    /** The address notifications go to, masked for the page (e.g. {@code s•••@example.org}). */
    public Optional<String> notificationAddress(HelpRequestId id) {
        Optional<HelpRequests.Stored> stored = requests.byId(id);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        return notifications
                .address(id)
                .map(a -> mask(encryption.decrypt(stored.get().dataKey(), a.encrypted(), notificationContext(id))));
    }

    /** Stops notifications: the address goes, and so does any e-mail still waiting. */
    public boolean stopNotifications(HelpRequestId id) {
        Boolean removed = transactions.execute(status -> notifications.removeAddress(id));
        return Boolean.TRUE.equals(removed);
    }

    static String mask(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "•••";
        }
        return address.charAt(0) + "•••" + address.substring(at);
    }

    static String notificationContext(HelpRequestId id) {
        return context(id, "notify-address");
    }

    private void writeMessage(HelpRequestId id, String author, @Nullable String label, String text) {
        HelpRequests.Stored stored = requests.byId(id).orElseThrow();
        UUID messageId = UUID.randomUUID();
        byte[] body = encryption.encrypt(stored.dataKey(), text, context(id, "message:" + messageId));
        requests.addMessage(id, messageId, author, label, body, clock.instant());
    }

    /** Requests in the hotline queue (professional help asked and not withdrawn), urgent first. */
    public List<HelpRequestId> hotlineQueue() {
        return requests.waitingForProfessional();
    }

    /**
     * The coded request for a named organisation, only while the victim's consent to share with
     * it is active. No free text: what the victim typed stays with the request.
     */
    public Optional<SharedRequest> sharedWith(HelpRequestId id, String organisationSlug) {
        Optional<HelpRequests.Stored> stored = requests.byId(id);
        boolean consented = requests.consents(id).stream()
                .anyMatch(c -> c.active()
                        && c.scope() == ConsentScope.SHARE_WITH_ORGANISATION
                        && organisationSlug.equals(c.organisation()));
        if (stored.isEmpty() || !consented) {
            return Optional.empty();
        }
        return Optional.of(new SharedRequest(
                id,
                stored.get().createdAt(),
                stored.get().answers(),
                stored.get().coding()));
    }

    /** What a consented organisation gets to see: codes only. */
    public record SharedRequest(HelpRequestId id, Instant createdAt, IntakeAnswers answers, SuggestedCoding coding) {}

    /**
     * The links the victim gave under "the images are online here", for the professional who asks
     * the sites to remove them (the takedown module), only while professional help is active. The
     * {@code removalAsked} flag says whether the victim chose "get the images removed" among their
     * needs: without it, staff talk with the victim before any site is contacted.
     */
    public record ReportedLinks(List<String> urls, boolean removalAsked) {
        public ReportedLinks {
            urls = List.copyOf(urls);
        }
    }

    public Optional<ReportedLinks> reportedLinks(HelpRequestId id) {
        Optional<HelpRequests.Stored> stored = requests.byId(id);
        if (stored.isEmpty() || stored.get().urlsEncrypted() == null) {
            return Optional.empty();
        }
        boolean help =
                requests.consents(id).stream().anyMatch(c -> c.active() && c.scope() == ConsentScope.PROFESSIONAL_HELP);
        if (!help) {
            return Optional.empty();
        }
        List<String> urls = java.util.Arrays.stream(encryption
                        .decrypt(stored.get().dataKey(), stored.get().urlsEncrypted(), context(id, "urls"))
                        .split("\n"))
                .map(String::strip)
                .filter(u -> !u.isEmpty())
                .toList();
        return Optional.of(
                new ReportedLinks(urls, stored.get().answers().needs().contains("remove-images")));
    }

    /**
     * The contact details the victim left, decrypted for the professional helping them (the cases
     * module), only while both professional help and the contact-details consent are active.
     */
    public Optional<String> contactDetails(HelpRequestId id) {
        Optional<HelpRequests.Stored> stored = requests.byId(id);
        if (stored.isEmpty() || stored.get().contactEncrypted() == null) {
            return Optional.empty();
        }
        List<HelpRequests.Consent> consents = requests.consents(id);
        boolean help = consents.stream().anyMatch(c -> c.active() && c.scope() == ConsentScope.PROFESSIONAL_HELP);
        boolean contact = consents.stream().anyMatch(c -> c.active() && c.scope() == ConsentScope.CONTACT_DETAILS);
        if (!help || !contact) {
            return Optional.empty();
        }
        return Optional.of(
                encryption.decrypt(stored.get().dataKey(), stored.get().contactEncrypted(), context(id, "contact")));
    }

    /**
     * What the victim wrote in their own words for the professional, decrypted for the one helping
     * them (the cases module), only while professional help is active.
     */
    public Optional<String> ownWords(HelpRequestId id) {
        Optional<HelpRequests.Stored> stored = requests.byId(id);
        if (stored.isEmpty() || stored.get().ownWordsEncrypted() == null) {
            return Optional.empty();
        }
        boolean help =
                requests.consents(id).stream().anyMatch(c -> c.active() && c.scope() == ConsentScope.PROFESSIONAL_HELP);
        if (!help) {
            return Optional.empty();
        }
        return Optional.of(
                encryption.decrypt(stored.get().dataKey(), stored.get().ownWordsEncrypted(), context(id, "own-words")));
    }

    /**
     * The victim shares their request with one more organisation from the directory, after saving:
     * a new consent, published as {@link ConsentGiven}. False when the organisation is unknown or
     * already shared with.
     */
    public boolean share(HelpRequestId id, String organisationSlug) {
        if (shareableOrganisations().stream().noneMatch(o -> o.slug().equals(organisationSlug))) {
            return false;
        }
        Boolean done = transactions.execute(status -> {
            if (requests.byId(id).isEmpty()
                    || requests.consents(id).stream()
                            .anyMatch(c -> c.active()
                                    && c.scope() == ConsentScope.SHARE_WITH_ORGANISATION
                                    && organisationSlug.equals(c.organisation()))) {
                return false;
            }
            Instant now = clock.instant();
            requests.addConsent(id, ConsentScope.SHARE_WITH_ORGANISATION, organisationSlug, now);
            events.publishEvent(new ConsentGiven(id, ConsentScope.SHARE_WITH_ORGANISATION, organisationSlug, now));
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    /** Withdraws one consent. Withdrawing professional help also withdraws and erases the contact details. */
    public boolean withdraw(HelpRequestId id, UUID consentId) {
        Boolean done = transactions.execute(status -> {
            Instant now = clock.instant();
            Optional<HelpRequests.Consent> consent = requests.consents(id).stream()
                    .filter(c -> c.id().equals(consentId) && c.active())
                    .findFirst();
            if (consent.isEmpty() || !requests.withdraw(id, consentId, now)) {
                return false;
            }
            List<HelpRequests.Consent> withdrawn = new ArrayList<>();
            withdrawn.add(consent.get());
            if (consent.get().scope() == ConsentScope.PROFESSIONAL_HELP) {
                for (HelpRequests.Consent c : requests.consents(id)) {
                    if (c.active() && c.scope() == ConsentScope.CONTACT_DETAILS && requests.withdraw(id, c.id(), now)) {
                        withdrawn.add(c);
                    }
                }
                requests.setStatus(id, HelpRequestStatus.SAVED, now);
                // What was written for the professional has no reader any more, and nobody will reply.
                requests.eraseOwnWords(id, now);
                notifications.removeAddress(id);
            }
            if (withdrawn.stream().anyMatch(c -> c.scope() == ConsentScope.CONTACT_DETAILS)) {
                requests.eraseContact(id, now);
            }
            for (HelpRequests.Consent c : withdrawn) {
                events.publishEvent(new ConsentWithdrawn(id, c.scope(), c.organisation(), now));
            }
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    /** At most this many images per submission; a victim can submit again. */
    public static final int MAX_IMAGE_HASHES = 50;

    private static final java.util.regex.Pattern HEX64 = java.util.regex.Pattern.compile("[0-9a-f]{64}");

    /**
     * Records the victim's consent to share hashes of their images and hands the hashes on (as an
     * event) to the hash banks. Returns the message keys of every problem, or none when accepted.
     */
    public List<String> submitImageHashes(
            HelpRequestId id, List<ImageHashesSubmitted.ImageHash> hashes, boolean madeUnder18, boolean consented) {
        List<String> problems = new ArrayList<>();
        if (!consented) {
            problems.add("intake.images.problem.consent");
        }
        if (hashes.isEmpty()) {
            problems.add("intake.images.problem.none");
        } else if (hashes.size() > MAX_IMAGE_HASHES) {
            problems.add("intake.images.problem.too-many");
        }
        for (ImageHashesSubmitted.ImageHash hash : hashes) {
            if (!HEX64.matcher(hash.pdq()).matches()
                    || !HEX64.matcher(hash.sha256()).matches()
                    || hash.quality() < 0
                    || hash.quality() > 100) {
                problems.add("intake.images.problem.malformed");
                break;
            }
        }
        if (problems.isEmpty() && hashes.stream().allMatch(h -> h.quality() < 50)) {
            problems.add("intake.images.problem.quality");
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        Boolean found = transactions.execute(status -> {
            if (requests.byId(id).isEmpty()) {
                return false;
            }
            Instant now = clock.instant();
            // One consent covers every image of this request; withdrawing it withdraws them all.
            if (requests.consents(id).stream().noneMatch(c -> c.active() && c.scope() == ConsentScope.IMAGE_HASHES)) {
                requests.addConsent(id, ConsentScope.IMAGE_HASHES, null, now);
            }
            UUID consentId = requests.consents(id).stream()
                    .filter(c -> c.active() && c.scope() == ConsentScope.IMAGE_HASHES)
                    .reduce((first, second) -> second)
                    .orElseThrow()
                    .id();
            // Hashes too weak to act on are not passed on; the page says how many were kept.
            List<ImageHashesSubmitted.ImageHash> usable =
                    hashes.stream().filter(h -> h.quality() >= 50).toList();
            events.publishEvent(new ImageHashesSubmitted(id, consentId, madeUnder18, usable, now));
            return true;
        });
        return Boolean.TRUE.equals(found) ? List.of() : List.of("intake.images.problem.expired");
    }

    /** Deletes the request with its messages and consents for good (hard delete). */
    public boolean delete(HelpRequestId id) {
        Boolean deleted = transactions.execute(status -> {
            boolean gone = requests.delete(id);
            if (gone) {
                events.publishEvent(new HelpRequestDeleted(id, clock.instant()));
            }
            return gone;
        });
        return Boolean.TRUE.equals(deleted);
    }

    private static String context(HelpRequestId id, String field) {
        return "intake:" + id.value() + ":" + field;
    }
}
