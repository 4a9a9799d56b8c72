package nl.vangnet.survey;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What researchers do with campaigns: create one for a published instrument version, generate
 * anonymous links, revoke a link, close a campaign (which deletes its interview contacts). An
 * hourly sweep closes campaigns whose period has ended, so contacts never outlive the campaign.
 */
@Service
class CampaignManagement {

    private static final Logger log = LoggerFactory.getLogger(CampaignManagement.class);
    static final int MAX_LINKS_AT_ONCE = 200;

    private final Campaigns campaigns;
    private final InterviewContacts contacts;
    private final Instruments instruments;
    private final Clock clock;

    CampaignManagement(Campaigns campaigns, InterviewContacts contacts, Instruments instruments, Clock clock) {
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.instruments = instruments;
        this.clock = clock;
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
            String closesOn) {}

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
                today());
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
