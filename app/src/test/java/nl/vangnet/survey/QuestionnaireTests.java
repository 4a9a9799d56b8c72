package nl.vangnet.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Server-side skip and display logic, answer checks, codebook and quality flags on the shipped instruments. */
class QuestionnaireTests {

    final Instrument helpSeeking =
            InstrumentValidatorTests.INSTRUMENTS.get("help-seeking", "1").orElseThrow();
    final Questionnaire questionnaire = new Questionnaire(helpSeeking);

    int page(String id) {
        for (int i = 0; i < helpSeeking.pages().size(); i++) {
            if (helpSeeking.pages().get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException(id);
    }

    @Test
    void noExperienceSkipsTheHelpSoughtPages() {
        Answers answers = new Answers(Map.of("hs_exp", 3));
        assertThat(questionnaire.nextPage(page("experience"), answers)).isEqualTo(page("about"));
        Answers yes = new Answers(Map.of("hs_exp", 1));
        assertThat(questionnaire.nextPage(page("experience"), yes)).isEqualTo(page("sought"));
        assertThat(questionnaire.previousPage(page("about"), answers)).isEqualTo(page("experience"));
    }

    @Test
    void helpfulnessIsOnlyShownToThoseWhoSoughtSomeone() {
        Answers nobody = new Answers(Map.of("hs_exp", 1, "hs_act", List.of(9)));
        assertThat(questionnaire.visibleItems(page("reflect"), nobody))
                .extracting(Instrument.Item::id)
                .containsExactly("hs_easier");
        Answers friends = new Answers(Map.of("hs_exp", 1, "hs_act", List.of(1, 2)));
        assertThat(questionnaire.visibleItems(page("reflect"), friends))
                .extracting(Instrument.Item::id)
                .containsExactly("hs_helpful", "hs_easier");
    }

    @Test
    void answersLeftOnAPageThatIsNowSkippedDoNotCount() {
        Answers changedMind = new Answers(Map.of("hs_exp", 3, "hs_act", List.of(1), "hs_helpful", 4, "hs_age", 15));
        Answers effective = questionnaire.effective(changedMind);
        assertThat(effective.asMap()).containsOnlyKeys("hs_exp", "hs_age");
    }

    @Test
    void pageAnswersRefuseNobodyTogetherWithOthersAndOutOfRangeNumbers() {
        List<Instrument.Item> sought = questionnaire.visibleItems(page("sought"), new Answers(Map.of("hs_exp", 1)));
        PageAnswers.Result mixed =
                PageAnswers.read(helpSeeking, sought, Map.of("a_hs_act", new String[] {"1", "9"}), new Answers());
        assertThat(mixed.problems())
                .extracting(PageAnswers.Problem::messageKey)
                .containsExactly("survey.answer.exclusive");

        List<Instrument.Item> about = questionnaire.visibleItems(page("about"), new Answers());
        PageAnswers.Result tooOld = PageAnswers.read(
                helpSeeking,
                about,
                Map.of("a_hs_age", new String[] {"130"}, "a_hs_gender", new String[] {"77"}),
                new Answers());
        assertThat(tooOld.problems())
                .extracting(PageAnswers.Problem::messageKey)
                .containsExactlyInAnyOrder("survey.answer.number", "survey.answer.invalid-option");

        PageAnswers.Result fine = PageAnswers.read(
                helpSeeking,
                about,
                Map.of("a_hs_age", new String[] {" 17 "}, "a_hs_gender", new String[] {"2"}),
                new Answers());
        assertThat(fine.valid()).isTrue();
        assertThat(fine.answers().code("hs_age")).contains(17);
    }

    @Test
    void theCodebookHasADummyPerOptionOfAMultipleChoiceItemAndMissingCodes() {
        Codebook codebook = Codebook.of(helpSeeking);
        assertThat(codebook.columnNames())
                .startsWith("response_id", "link_label", "language", "age_group", "submitted_on")
                .contains("hs_int_friends", "hs_act_1", "hs_act_9", "hs_age", "hs_easier")
                .doesNotContain("hs_act")
                .doesNotHaveDuplicates();
        Codebook.Variable friends = codebook.variables().stream()
                .filter(v -> v.name().equals("hs_int_friends"))
                .findFirst()
                .orElseThrow();
        assertThat(friends.values()).extracting(Codebook.ValueLabel::code).contains(1, 7, -8, -9);
        assertThat(friends.accepts("7")).isTrue();
        assertThat(friends.accepts("8")).isFalse();
        assertThat(Codebook.describe(helpSeeking, helpSeeking.item("hs_helpful").orElseThrow()))
                .isEqualTo("hs_exp IN (1,2) AND hs_act IN (1,2,3,4,5,6,7,8)");
    }

    @Test
    void qualityFlagsCatchTooFastStraightLiningAndInconsistentScreenerAnswers() {
        Answers same = new Answers();
        helpSeeking.items().stream().filter(i -> "intention".equals(i.grid())).forEach(i -> same.set(i.id(), 4));
        QualityFlags quick = QualityFlags.of(helpSeeking, same, 3);
        assertThat(quick.tooFast()).isTrue();
        assertThat(quick.straightLining()).isTrue();
        assertThat(QualityFlags.of(helpSeeking, same, 600).tooFast()).isFalse();

        Instrument screener = InstrumentValidatorTests.INSTRUMENTS
                .get("victimisation-screener", "1")
                .orElseThrow();
        Answers contradictory = new Answers(Map.of("scr12_sxt_fin", 1, "scrlt_sxt_fin", 2));
        assertThat(QualityFlags.of(screener, contradictory, 600).inconsistent()).isTrue();
        Answers consistent = new Answers(Map.of("scr12_sxt_fin", 1, "scrlt_sxt_fin", 1));
        assertThat(QualityFlags.of(screener, consistent, 600).inconsistent()).isFalse();
    }

    @Test
    void spssAndRSyntaxLabelEveryVariable() {
        Codebook codebook = Codebook.of(helpSeeking);
        Campaign campaign = new Campaign(
                CampaignId.random(),
                "Test",
                "help-seeking",
                "1",
                TargetGroup.ADULTS,
                ParentalConsent.UNDER_16_EXCLUDED,
                false,
                "Org",
                "x@example.org",
                "Doel van het onderzoek",
                "Purpose of the study",
                java.time.LocalDate.of(2026, 1, 1),
                java.time.LocalDate.of(2026, 2, 1),
                null,
                "r",
                java.time.LocalDate.of(2026, 1, 1),
                java.time.LocalDate.of(2031, 2, 1),
                null);
        String spss = Exports.spssSyntax(campaign, codebook, java.util.Locale.ENGLISH);
        String r = Exports.rSyntax(campaign, codebook, java.util.Locale.ENGLISH);
        for (String name : codebook.columnNames()) {
            assertThat(spss).contains("  " + name + " ");
            assertThat(r).contains("attr(responses$" + name + ", \"label\")");
        }
        assertThat(spss).contains("VALUE LABELS", "MISSING VALUES", "'Definitely'", "(-8, -9)");
        assertThat(r).contains("ordered = TRUE", "\"Definitely\"");
    }
}
