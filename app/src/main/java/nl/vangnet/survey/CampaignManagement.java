package nl.vangnet.survey;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.vangnet.audit.AuditAction;
import nl.vangnet.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What researchers do with campaigns: create one for a published instrument version with the day
 * until which its answers are kept, generate anonymous links, revoke a link, close a campaign
 * (which deletes its interview contacts), delete a closed campaign with everything in it. An
 * hourly sweep closes campaigns whose period has ended, so contacts never outlive the campaign; a
 * daily sweep deletes the answers of campaigns past their retention date.
 */
@Service
class CampaignManagement {

    private static final Logger log = LoggerFactory.getLogger(CampaignManagement.class);
    static final int MAX_LINKS_AT_ONCE = 200;

    private final Campaigns campaigns;
    private final InterviewContacts contacts;
    private final Instruments instruments;
    private final Responses responses;
    private final SurveyProperties properties;
    private final Clock clock;

    private final AuditTrail audit;

    CampaignManagement(
            Campaigns campaigns,
            InterviewContacts contacts,
            Instruments instruments,
            Responses responses,
            SurveyProperties properties,
            Clock clock,
            AuditTrail audit) {
        this.audit = audit;
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.instruments = instruments;
        this.responses = responses;
        this.properties = properties;
        this.clock = clock;
    }

    /** How long after closing a campaign keeps its answers unless the researcher picks a date. */
    java.time.Period defaultRetention() {
        return properties.answerRetention();
    }

    /** The retention date a campaign closing on {@code closesOn} gets unless the researcher picks one. */
    LocalDate defaultAnswersKeptUntil(LocalDate closesOn) {
        return closesOn.plus(properties.answerRetention());
    }

    /**
     * Problems with a chosen retention date: not before the closing date and at most {@link
     * SurveyProperties#MAX_RETENTION} after it.
     */
    static List<String> retentionProblems(LocalDate closesOn, LocalDate keptUntil) {
        if (keptUntil.isBefore(closesOn)) {
            return List.of("survey.campaign.problem.kept-until-early");
        }
        if (keptUntil.isAfter(closesOn.plus(SurveyProperties.MAX_RETENTION))) {
            return List.of("survey.campaign.problem.kept-until-late");
        }
        return List.of();
    }

    /**
     * Sets a new "answers kept until" date for a campaign whose answers are still there, within
     * the same limits as on creation (from the closing date to at most ten years after it): a
     * shorter period when a data request or a changed plan asks for it, a longer one within the
     * limit. Written to the audit trail with the old and the new date.
     */
    @Transactional
    void changeRetention(CampaignId id, String date, String actor) {
        Campaign campaign =
                campaigns.find(id).orElseThrow(() -> new SurveyProblem(List.of("survey.campaign.delete.problem.gone")));
        if (campaign.answersDeletedOn() != null) {
            throw new SurveyProblem(List.of("survey.campaign.problem.kept-until-deleted"));
        }
        LocalDate keptUntil = date(date);
        if (keptUntil == null) {
            throw new SurveyProblem(List.of("survey.campaign.problem.kept-until-invalid"));
        }
        List<String> problems = new ArrayList<>(retentionProblems(campaign.closesOn(), keptUntil));
        if (keptUntil.isBefore(today())) {
            problems.add("survey.campaign.problem.kept-until-past");
        }
        if (!problems.isEmpty()) {
            throw new SurveyProblem(problems);
        }
        campaigns.changeRetention(id, keptUntil);
        audit.record(
                actor,
                AuditAction.SURVEY_RETENTION_CHANGED,
                "survey-campaign",
                id.toString(),
                null,
                java.util.Map.of("from", campaign.answersKeptUntil().toString(), "to", keptUntil.toString()));
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    record CampaignForm(
            String name,
            String instrument,
            String targetGroup,
            String parentalConsent,
            boolean interviewOptIn,
            String organiser,
            String contact,
            String purposeNl,
            String purposeEn,
            String opensOn,
            String closesOn,
            String answersKeptUntil) {}

    @Transactional
    Campaign create(CampaignForm form, String createdBy) {
        List<String> problems = new ArrayList<>();
        String name = form.name().strip();
        if (name.length() < 2 || name.length() > 120) {
            problems.add("survey.campaign.problem.name");
        }
        Optional<Instrument> instrument = instruments.byKey(form.instrument()).filter(Instrument::published);
        if (instrument.isEmpty()) {
            problems.add("survey.campaign.problem.instrument");
        }
        TargetGroup target = parse(TargetGroup.class, form.targetGroup());
        if (target == null) {
            problems.add("survey.campaign.problem.target-group");
        }
        ParentalConsent consent = parse(ParentalConsent.class, form.parentalConsent());
        if (consent == null) {
            problems.add("survey.campaign.problem.parental-consent");
        }
        if (target == TargetGroup.PUPILS_12_15 && consent == ParentalConsent.UNDER_16_EXCLUDED) {
            problems.add("survey.campaign.problem.under16-target");
        }
        String organiser = form.organiser().strip();
        if (organiser.length() < 2 || organiser.length() > 200) {
            problems.add("survey.campaign.problem.organiser");
        }
        String contact = form.contact().strip();
        if (contact.length() < 3 || contact.length() > 200) {
            problems.add("survey.campaign.problem.contact");
        }
        String purposeNl = form.purposeNl().strip();
        String purposeEn = form.purposeEn().strip();
        if (purposeNl.length() < 10
                || purposeNl.length() > 2000
                || purposeEn.length() < 10
                || purposeEn.length() > 2000) {
            problems.add("survey.campaign.problem.purpose");
        }
        LocalDate opens = date(form.opensOn());
        LocalDate closes = date(form.closesOn());
        if (opens == null || closes == null) {
            problems.add("survey.campaign.problem.dates");
        } else if (closes.isBefore(opens)) {
            problems.add("survey.campaign.problem.dates-order");
        } else if (closes.isBefore(today())) {
            problems.add("survey.campaign.problem.dates-past");
        }
        LocalDate keptUntil = null;
        if (form.answersKeptUntil().isBlank()) {
            keptUntil = closes == null ? null : defaultAnswersKeptUntil(closes);
        } else {
            keptUntil = date(form.answersKeptUntil());
            if (keptUntil == null) {
                problems.add("survey.campaign.problem.kept-until");
            } else if (closes != null) {
                problems.addAll(retentionProblems(closes, keptUntil));
            }
        }
        if (!problems.isEmpty()) {
            throw new SurveyProblem(problems);
        }
        Instrument chosen = instrument.orElseThrow();
        Campaign campaign = new Campaign(
                CampaignId.random(),
                name,
                chosen.id(),
                chosen.version(),
                target,
                consent,
                form.interviewOptIn(),
                organiser,
                contact,
                purposeNl,
                purposeEn,
                opens,
                closes,
                null,
                createdBy,
                today(),
                keptUntil,
                null);
        campaigns.add(campaign);
        return campaign;
    }

    /** A freshly generated link with its token; the token is shown once and never stored. */
    record NewLink(CampaignLink link, String token) {}

    @Transactional
    List<NewLink> generateLinks(Campaign campaign, String label, int count, boolean singleUse) {
        List<String> problems = new ArrayList<>();
        String trimmed = label.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            problems.add("survey.links.problem.label");
        } else if (SmallGroups.exportLabel(trimmed).equals(SmallGroups.SUPPRESSED_LABEL)) {
            problems.add("survey.links.problem.reserved");
        }
        if (count < 1 || count > MAX_LINKS_AT_ONCE) {
            problems.add("survey.links.problem.count");
        }
        if (campaign.status(today()) == Campaign.Status.CLOSED) {
            problems.add("survey.links.problem.closed");
        }
        if (!problems.isEmpty()) {
            throw new SurveyProblem(problems);
        }
        int position = campaigns.nextLinkPosition(campaign.id());
        List<NewLink> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String token = LinkTokens.generate();
            String linkLabel = count == 1 ? trimmed : trimmed + " #" + (i + 1);
            CampaignLink link = new CampaignLink(
                    UUID.randomUUID(), campaign.id(), linkLabel, singleUse, false, false, position + i);
            campaigns.addLink(link, LinkTokens.hash(token));
            created.add(new NewLink(link, token));
        }
        return created;
    }

    @Transactional
    boolean revoke(Campaign campaign, UUID link) {
        return campaigns.revokeLink(campaign.id(), link);
    }

    /** Closes a campaign now and deletes its interview contacts in the same transaction. */
    @Transactional
    int close(CampaignId id) {
        campaigns.markClosed(id, today());
        return contacts.deleteAll(id);
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    @Transactional
    public void closeEnded() {
        for (CampaignId id : campaigns.expiredButOpen(today())) {
            int deleted = close(id);
            log.info("Survey campaign {} ended; closed it and deleted {} interview contacts", id, deleted);
        }
    }

    /** What deleting a campaign removed. */
    record Deleted(int responses, int links, int contacts) {}

    /**
     * Deletes a closed campaign with its responses (encrypted free text included), interview
     * contacts and links. Refused while the campaign is not closed or without confirmation; then
     * nothing changes.
     */
    @Transactional
    Deleted delete(CampaignId id, boolean confirmed, String actor) {
        Campaign campaign =
                campaigns.find(id).orElseThrow(() -> new SurveyProblem(List.of("survey.campaign.delete.problem.gone")));
        List<String> problems = new ArrayList<>();
        if (campaign.status(today()) != Campaign.Status.CLOSED) {
            problems.add("survey.campaign.delete.problem.open");
        } else if (!confirmed) {
            problems.add("survey.campaign.delete.problem.confirm");
        }
        if (!problems.isEmpty()) {
            throw new SurveyProblem(problems);
        }
        int answers = responses.deleteAll(id);
        int contactCount = contacts.deleteAll(id);
        Campaigns.DeletedCounts counts = campaigns.deleteWithLinks(id);
        audit.record(
                actor,
                AuditAction.SURVEY_CAMPAIGN_DELETED,
                "survey-campaign",
                id.toString(),
                null,
                java.util.Map.of("responses", String.valueOf(answers), "contacts", String.valueOf(contactCount)));
        log.info(
                "Survey campaign deleted by a researcher: {} responses, {} links, {} interview contacts",
                answers,
                counts.links(),
                contactCount);
        return new Deleted(answers, counts.links(), contactCount);
    }

    /**
     * The daily retention sweep: deletes the responses (and any interview contacts left) of every
     * campaign whose answers-kept-until date has passed, and notes the day on the campaign. Logs
     * counts only.
     */
    @Scheduled(cron = "${vangnet.survey.retention-cron:0 15 4 * * *}", zone = "Europe/Amsterdam")
    @Transactional
    public void deleteExpiredAnswers() {
        LocalDate today = today();
        List<CampaignId> due = campaigns.pastRetention(today);
        int deleted = 0;
        int contactCount = 0;
        for (CampaignId id : due) {
            deleted += responses.deleteAll(id);
            contactCount += contacts.deleteAll(id);
            campaigns.markAnswersDeleted(id, today);
        }
        if (!due.isEmpty()) {
            log.info(
                    "Survey answer retention: deleted {} responses and {} interview contacts of {} campaigns past their date",
                    deleted,
                    contactCount,
                    due.size());
        }
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private static @Nullable LocalDate date(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
