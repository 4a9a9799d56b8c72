package nl.vangnet.survey;

import java.time.LocalDate;
import java.util.Locale;
import nl.vangnet.shared.Languages;
import org.jspecify.annotations.Nullable;

/**
 * A survey campaign: one instrument version, a period, a target group, what it declares about
 * respondents under 16, whether respondents may opt in to an interview, the information shown on
 * the consent screen, and the day until which its answers are kept ({@code answersDeletedOn} is
 * set once the retention sweep deleted them).
 */
record Campaign(
        CampaignId id,
        String name,
        String instrumentId,
        String instrumentVersion,
        TargetGroup targetGroup,
        ParentalConsent parentalConsent,
        boolean interviewOptIn,
        String organiser,
        String contact,
        String purposeNl,
        String purposeEn,
        LocalDate opensOn,
        LocalDate closesOn,
        @Nullable LocalDate closedOn,
        String createdBy,
        LocalDate createdOn,
        LocalDate answersKeptUntil,
        @Nullable LocalDate answersDeletedOn) {

    enum Status {
        UPCOMING,
        OPEN,
        CLOSED
    }

    public String instrumentKey() {
        return instrumentId + "/" + instrumentVersion;
    }

    public Status status(LocalDate today) {
        if (closedOn != null || today.isAfter(closesOn)) {
            return Status.CLOSED;
        }
        return today.isBefore(opensOn) ? Status.UPCOMING : Status.OPEN;
    }

    String purpose(Locale locale) {
        return Languages.isEnglish(locale) && !purposeEn.isBlank() ? purposeEn : purposeNl;
    }
}
