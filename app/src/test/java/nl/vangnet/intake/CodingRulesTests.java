package nl.vangnet.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.vangnet.taxonomy.Coding;
import nl.vangnet.taxonomy.CodingProblem;
import nl.vangnet.taxonomy.Taxonomies;
import org.junit.jupiter.api.Test;

/** The explicit rules that turn plain answers into a suggested coding (taxonomy.md precedence). */
class CodingRulesTests {

    private static final Taxonomies TAXONOMIES = new Taxonomies();
    private final CodingRules rules = new CodingRules(TAXONOMIES);

    private static IntakeAnswers answers(List<String> what, List<String> demand, String age) {
        IntakeAnswers a = IntakeAnswers.EMPTY.with(Question.WHAT, what);
        if (!demand.isEmpty()) {
            a = a.with(Question.DEMAND, demand);
        }
        return age == null ? a : a.with(Question.AGE, List.of(age));
    }

    @Test
    void aThreatForMoneyIsFinancialSextortionAndTheSharingBecomesASecondaryIncident() {
        SuggestedCoding coding = rules.suggest(answers(List.of("shared", "threatened"), List.of("money"), "16-17"));
        assertThat(coding.code()).isEqualTo("SXT-FIN");
        assertThat(coding.secondaryCodes()).containsExactly("IBA-DIS");
        assertThat(coding.dimensions())
                .containsEntry("motive", List.of("financial"))
                .containsEntry("demand", List.of("money"))
                .containsEntry("victimAgeAtIncident", List.of("16-17"));
        assertThat(coding.taxonomyVersion()).isEqualTo("1");
    }

    @Test
    void aThreatForImagesOrAMeetingIsSexualExtortion() {
        assertThat(rules.suggest(answers(List.of("threatened"), List.of("images"), null))
                        .code())
                .isEqualTo("SXT-SEX");
        assertThat(rules.suggest(answers(List.of("threatened"), List.of("meeting"), null))
                        .code())
                .isEqualTo("SXT-SEX");
        SuggestedCoding both = rules.suggest(answers(List.of("threatened"), List.of("money", "images"), null));
        assertThat(both.code()).isEqualTo("SXT-FIN");
        assertThat(both.secondaryCodes()).containsExactly("SXT-SEX");
    }

    @Test
    void aThreatWithoutADemandIsAThreatToShareAndAnUnknownDemandIsOtherCoercion() {
        assertThat(rules.suggest(answers(List.of("threatened"), List.of("nothing"), null))
                        .code())
                .isEqualTo("IBA-THR");
        SuggestedCoding unknown = rules.suggest(answers(List.of("threatened"), List.of(), null));
        assertThat(unknown.code()).isEqualTo("SXT-OTH");
        assertThat(unknown.dimensions()).containsEntry("demand", List.of("other"));
    }

    @Test
    void aChildUnder16WhoIsAskedForPhotosIsGroomingWithTheGroomingDimensionsLeftToConfirm() {
        SuggestedCoding coding = rules.suggest(answers(List.of("asking"), List.of(), "12-15"));
        assertThat(coding.code()).isEqualTo("GRM");
        assertThat(coding.toConfirm()).containsExactlyInAnyOrder("moPhase", "moMarkers");
        assertThat(rules.suggest(answers(List.of("asking"), List.of(), "18-24")).code())
                .isEqualTo("OSI-SOLICIT");
        assertThat(rules.suggest(answers(List.of("remarks"), List.of(), "under-12"))
                        .code())
                .isEqualTo("SXC");
        assertThat(rules.suggest(answers(List.of("remarks"), List.of(), "16-17"))
                        .code())
                .isEqualTo("OSI-HAR");
    }

    @Test
    void extortionComesBeforeGroomingAndGroomingBeforeSharing() {
        SuggestedCoding coding =
                rules.suggest(answers(List.of("shared", "asking", "threatened"), List.of("images"), "12-15"));
        assertThat(coding.code()).isEqualTo("SXT-SEX");
        assertThat(coding.secondaryCodes()).containsExactly("GRM", "IBA-DIS");
    }

    @Test
    void sharedFakeImagesAreSharingOfFabricatedImagery() {
        SuggestedCoding coding = rules.suggest(answers(List.of("fake", "shared"), List.of(), "18-24"));
        assertThat(coding.code()).isEqualTo("IBA-DIS");
        assertThat(coding.secondaryCodes()).containsExactly("IBA-FAB");
        assertThat(coding.dimensions()).containsEntry("imagery", List.of("fabricated"));
    }

    @Test
    void imagesOnlyMadeAreCreationOrFabrication() {
        SuggestedCoding recorded = rules.suggest(answers(List.of("recorded"), List.of(), null));
        assertThat(recorded.code()).isEqualTo("IBA-CRT");
        assertThat(recorded.dimensions()).containsEntry("imagery", List.of("real-covert-or-forced"));
        SuggestedCoding fake = rules.suggest(answers(List.of("fake"), List.of(), null));
        assertThat(fake.code()).isEqualTo("IBA-FAB");
        assertThat(fake.dimensions())
                .containsEntry("imagery", List.of("fabricated"))
                .containsEntry("producer", List.of("unknown"));
    }

    @Test
    void otherwiseOnlineSexualIntimidationAndOtherWhenNothingFits() {
        IntakeAnswers flashing = answers(List.of("received"), List.of(), "16-17")
                .with(Question.PLATFORMS, List.of("snapchat"))
                .with(Question.WHO, List.of("stranger"));
        SuggestedCoding coding = rules.suggest(flashing);
        assertThat(coding.code()).isEqualTo("OSI-FLASH");
        assertThat(coding.dimensions())
                .containsEntry("platformType", List.of("social-media"))
                .containsEntry("platformName", List.of("Snapchat"))
                .containsEntry("perpetratorRelation", List.of("stranger"));
        assertThat(rules.suggest(IntakeAnswers.EMPTY).code()).isEqualTo("OTH");
        assertThat(rules.suggest(answers(List.of("other"), List.of(), null)).code())
                .isEqualTo("OTH");
        assertThat(rules.suggest(answers(List.of("camera", "fake-profile"), List.of(), "25-plus"))
                        .allCodes())
                .containsExactly("LIVE", "IMP");
    }

    /** Property: for any answers, every suggested dimension is valid for the code; only mandatory gaps remain. */
    @Test
    void everySuggestionValidatesExceptForDimensionsLeftToConfirm() {
        Random random = new Random(20261123L);
        for (int i = 0; i < 2000; i++) {
            IntakeAnswers a = IntakeAnswers.EMPTY;
            for (Question q : Question.values()) {
                List<String> values = new ArrayList<>();
                for (String option : q.options()) {
                    if (random.nextInt(q.multiple() ? 3 : q.options().size() + 1) == 0) {
                        values.add(option);
                        if (!q.multiple()) {
                            break;
                        }
                    }
                }
                if (AnswerRules.options(q, values).isEmpty()) {
                    a = a.with(q, values);
                }
            }
            SuggestedCoding coding = rules.suggest(a);
            List<CodingProblem> problems = TAXONOMIES.validate(
                    TAXONOMIES.current(), new Coding(coding.code(), Map.copyOf(coding.dimensions())));
            assertThat(problems).as(a.toString()).allMatch(p -> p.type() == CodingProblem.Type.MANDATORY_MISSING);
            assertThat(problems.stream().map(CodingProblem::dimension).toList())
                    .containsExactlyInAnyOrderElementsOf(coding.toConfirm());
            assertThat(CodingRules.PRECEDENCE.indexOf(coding.code()))
                    .as("the primary code comes first in precedence")
                    .isLessThanOrEqualTo(coding.secondaryCodes().stream()
                            .mapToInt(CodingRules.PRECEDENCE::indexOf)
                            .min()
                            .orElse(Integer.MAX_VALUE));
        }
    }
}
