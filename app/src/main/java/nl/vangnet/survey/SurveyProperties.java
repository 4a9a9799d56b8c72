package nl.vangnet.survey;

import java.time.LocalDate;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the survey module.
 *
 * @param answerRetention how long after its closing date a new campaign keeps its answers unless
 *     the researcher chooses another date (default 5 years; at most {@link #MAX_RETENTION})
 * @param retentionCron when the daily sweep that deletes answers past their date runs (default
 *     04:15 every night, Europe/Amsterdam)
 */
@ConfigurationProperties("vangnet.survey")
public record SurveyProperties(Period answerRetention, String retentionCron) {

    /** The longest a campaign may keep its answers after closing. */
    public static final Period MAX_RETENTION = Period.ofYears(10);

    public SurveyProperties {
        answerRetention = answerRetention == null ? Period.ofYears(5) : answerRetention;
        retentionCron = retentionCron == null || retentionCron.isBlank() ? "0 15 4 * * *" : retentionCron;
        LocalDate reference = LocalDate.of(2000, 1, 1);
        if (answerRetention.isNegative() || reference.plus(answerRetention).isAfter(reference.plus(MAX_RETENTION))) {
            throw new IllegalArgumentException(
                    "vangnet.survey.answer-retention must be between 0 days and " + MAX_RETENTION);
        }
    }
}
