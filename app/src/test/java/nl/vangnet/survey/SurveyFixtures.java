package nl.vangnet.survey;

import java.util.List;

/** Campaigns and links for tests, made through the same service the research pages use. */
final class SurveyFixtures {

    private SurveyFixtures() {}

    static Campaign campaign(
            CampaignManagement management, String instrument, ParentalConsent consent, boolean interview) {
        return management.create(
                new CampaignManagement.CampaignForm(
                        "Test " + instrument,
                        instrument,
                        TargetGroup.PUPILS_16_18.name(),
                        consent.name(),
                        interview,
                        "Testinstituut",
                        "onderzoek@example.org",
                        "We willen weten bij wie jongeren hulp zoeken.",
                        "We want to know who young people turn to for help.",
                        management.today().toString(),
                        management.today().plusDays(30).toString(),
                        ""),
                "demo-onderzoek");
    }

    static String link(CampaignManagement management, Campaign campaign, String label, boolean singleUse) {
        List<CampaignManagement.NewLink> links = management.generateLinks(campaign, label, 1, singleUse);
        return links.get(0).token();
    }
}
