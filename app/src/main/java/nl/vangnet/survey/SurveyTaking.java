package nl.vangnet.survey;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.vangnet.shared.Languages;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import tools.jackson.databind.json.JsonMapper;

/**
 * The respondent's side: opening a link, starting after consent, sending the answers once, and
 * leaving contact details for an interview through a one-time ticket that refers to nothing but
 * the campaign.
 */
@Service
class SurveyTaking {

    /** How long a questionnaire may stay open in a browser before it must be started again. */
    static final Duration MAX_FILL_TIME = Duration.ofHours(12);
    /** How long after sending the interview form may be filled in. */
    static final Duration TICKET_TIME = Duration.ofHours(2);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Campaigns campaigns;
    private final Responses responses;
    private final InterviewContacts contacts;
    private final Instruments instruments;
    private final SurveyCrypto crypto;
    private final JdbcClient jdbc;
    private final Clock clock;

    SurveyTaking(
            Campaigns campaigns,
            Responses responses,
            InterviewContacts contacts,
            Instruments instruments,
            SurveyCrypto crypto,
            JdbcClient jdbc,
            Clock clock) {
        this.campaigns = campaigns;
        this.responses = responses;
        this.contacts = contacts;
        this.instruments = instruments;
        this.crypto = crypto;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Why a link cannot be used right now; each has a message for the respondent. */
    enum Refusal {
        UNKNOWN_LINK(404),
        NOT_YET_OPEN(403),
        CLOSED(410),
        LINK_USED(410);

        final int status;

        Refusal(int status) {
            this.status = status;
        }

        String messageKey() {
            return "survey.unavailable." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    static final class Unavailable extends RuntimeException {
        final Refusal refusal;

        Unavailable(Refusal refusal) {
            super(refusal.name(), null, false, false);
            this.refusal = refusal;
        }
    }

    record Opened(Campaign campaign, CampaignLink link, Instrument instrument, String linkHash) {}

    Opened open(String token) {
        if (token == null || !LinkTokens.wellFormed(token)) {
            throw new Unavailable(Refusal.UNKNOWN_LINK);
        }
        byte[] hash = LinkTokens.hash(token);
        CampaignLink link = campaigns.linkByTokenHash(hash).orElseThrow(() -> new Unavailable(Refusal.UNKNOWN_LINK));
        if (link.revoked()) {
            throw new Unavailable(Refusal.UNKNOWN_LINK);
        }
        Campaign campaign = campaigns.find(link.campaignId()).orElseThrow(() -> new Unavailable(Refusal.UNKNOWN_LINK));
        switch (campaign.status(LocalDate.now(clock))) {
            case UPCOMING -> throw new Unavailable(Refusal.NOT_YET_OPEN);
            case CLOSED -> throw new Unavailable(Refusal.CLOSED);
            case OPEN -> {}
        }
        if (!link.acceptsResponses()) {
            throw new Unavailable(Refusal.LINK_USED);
        }
        Instrument instrument = instruments
                .byKey(campaign.instrumentKey())
                .orElseThrow(() -> new IllegalStateException("Campaign uses an instrument that is not shipped"));
        return new Opened(campaign, link, instrument, HexFormat.of().formatHex(hash));
    }

    /** Like {@link #open} but accepts a used single-use link: for the interview form after sending. */
    Opened openIgnoringUse(String token) {
        CampaignLink link = campaigns
                .linkByTokenHash(LinkTokens.hash(token))
                .filter(l -> !l.revoked())
                .orElseThrow(() -> new Unavailable(Refusal.UNKNOWN_LINK));
        Campaign campaign = campaigns.find(link.campaignId()).orElseThrow(() -> new Unavailable(Refusal.UNKNOWN_LINK));
        if (campaign.status(LocalDate.now(clock)) != Campaign.Status.OPEN) {
            throw new Unavailable(Refusal.CLOSED);
        }
        Instrument instrument = instruments.byKey(campaign.instrumentKey()).orElseThrow();
        return new Opened(campaign, link, instrument, HexFormat.of().formatHex(LinkTokens.hash(token)));
    }

    RespondentState start(Opened opened, int ageGroup, int firstPage) {
        return new RespondentState(
                opened.linkHash(),
                opened.instrument().key(),
                ageGroup,
                clock.instant().getEpochSecond(),
                LinkTokens.randomValue(),
                firstPage,
                false,
                Map.of());
    }

    boolean expired(RespondentState state) {
        return Instant.ofEpochSecond(state.started()).plus(MAX_FILL_TIME).isBefore(clock.instant());
    }

    enum Outcome {
        STORED,
        ALREADY_SENT,
        LINK_USED
    }

    @Transactional
    Outcome submit(Opened opened, RespondentState state, Locale locale) {
        byte[] submission = LinkTokens.sha256(state.submission().getBytes(StandardCharsets.US_ASCII));
        boolean sent = jdbc.sql("SELECT EXISTS (SELECT 1 FROM survey.response WHERE submission_hash = :h)")
                .param("h", submission)
                .query(Boolean.class)
                .single();
        if (sent) {
            return Outcome.ALREADY_SENT;
        }
        if (opened.link().singleUse()
                && !campaigns.useSingleUseLink(opened.link().id())) {
            return Outcome.LINK_USED;
        }
        Instrument instrument = opened.instrument();
        Answers effective = new Questionnaire(instrument).effective(state.answerSet());
        long seconds = Math.max(0, clock.instant().getEpochSecond() - state.started());
        int duration = (int) Math.min(seconds, MAX_FILL_TIME.toSeconds());
        boolean stored = responses.add(new Responses.NewResponse(
                opened.campaign().id(),
                opened.link().id(),
                submission,
                Languages.isEnglish(locale) ? "en" : "nl",
                state.ageGroup(),
                LocalDate.now(clock),
                duration,
                instrument,
                effective,
                QualityFlags.of(instrument, effective, duration)));
        if (!stored) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return Outcome.ALREADY_SENT;
        }
        return Outcome.STORED;
    }

    record Ticket(String campaign, String nonce, long expires) {}

    /** A one-time ticket for the interview form; it names the campaign and nothing else. */
    String issueTicket(Campaign campaign) {
        Ticket ticket = new Ticket(
                campaign.id().toString(),
                LinkTokens.randomValue(),
                clock.instant().plus(TICKET_TIME).getEpochSecond());
        return java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(crypto.encrypt(SurveyCrypto.Purpose.TICKET, JSON.writeValueAsBytes(ticket)));
    }

    Optional<Ticket> openTicket(@Nullable String sealed, Campaign campaign) {
        if (sealed == null || sealed.isEmpty() || sealed.length() > 1000) {
            return Optional.empty();
        }
        try {
            byte[] cipher = java.util.Base64.getUrlDecoder().decode(sealed);
            return crypto.decrypt(SurveyCrypto.Purpose.TICKET, cipher)
                    .map(plain -> JSON.readValue(plain, Ticket.class))
                    .filter(t -> t.campaign().equals(campaign.id().toString()))
                    .filter(t -> t.expires() >= clock.instant().getEpochSecond());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** False if this ticket was already used. */
    @Transactional
    boolean leaveContact(Campaign campaign, Ticket ticket, InterviewContacts.Contact contact) {
        return contacts.add(
                campaign.id(), LinkTokens.sha256(ticket.nonce().getBytes(StandardCharsets.US_ASCII)), contact);
    }
}
