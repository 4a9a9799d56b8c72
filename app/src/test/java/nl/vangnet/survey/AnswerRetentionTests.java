package nl.vangnet.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** The limits on how long a campaign keeps its answers. */
class AnswerRetentionTests {

    private static final LocalDate CLOSES = LocalDate.of(2026, 6, 30);

    @Test
    void anyDayFromTheClosingDateToTenYearsAfterIsAccepted() {
        assertThat(CampaignManagement.retentionProblems(CLOSES, CLOSES)).isEmpty();
        assertThat(CampaignManagement.retentionProblems(CLOSES, LocalDate.of(2036, 6, 30)))
                .isEmpty();
    }

    @Test
    void aDayBeforeClosingOrAfterTenYearsIsRefused() {
        assertThat(CampaignManagement.retentionProblems(CLOSES, CLOSES.minusDays(1)))
                .containsExactly("survey.campaign.problem.kept-until-early");
        assertThat(CampaignManagement.retentionProblems(CLOSES, LocalDate.of(2036, 7, 1)))
                .containsExactly("survey.campaign.problem.kept-until-late");
    }

    @Test
    void theDefaultPeriodIsFiveYearsAndAConfiguredPeriodAboveTenYearsIsRefused() {
        assertThat(new SurveyProperties(null, null).answerRetention()).isEqualTo(Period.ofYears(5));
        assertThat(new SurveyProperties(Period.ofMonths(18), null).answerRetention())
                .isEqualTo(Period.ofMonths(18));
        assertThat(new SurveyProperties(null, "").retentionCron()).isEqualTo("0 15 4 * * *");
        assertThatThrownBy(() -> new SurveyProperties(Period.ofYears(11), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SurveyProperties(Period.ofDays(-1), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
