package nl.vangnet.cases;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long each data class of a closed case is kept, counted from the day it was closed.
 *
 * @param contactDetails contact details (default 1 month: nobody needs to call back after closing)
 * @param freeText narrative, notes, task titles, incident descriptions and hand-over notes
 *     (default 12 months)
 * @param caseFiles the case file itself with its coded incidents and status history (default 60
 *     months); after that nothing of the case remains
 * @param cron when the scheduled purge runs (default 03:30 every night, server time)
 */
@ConfigurationProperties("vangnet.cases.retention")
public record CaseRetentionProperties(Period contactDetails, Period freeText, Period caseFiles, String cron) {

    public CaseRetentionProperties {
        contactDetails = contactDetails == null ? Period.ofMonths(1) : contactDetails;
        freeText = freeText == null ? Period.ofMonths(12) : freeText;
        caseFiles = caseFiles == null ? Period.ofMonths(60) : caseFiles;
        cron = cron == null || cron.isBlank() ? "0 30 3 * * *" : cron;
    }
}
