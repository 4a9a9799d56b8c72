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
        // Asking for photos is the sexual stage; how contact was built is for a professional to confirm.
        assertThat(coding.dimensions()).containsEntry("moPhase", List.of("sexual-stage"));
        assertThat(coding.toConfirm()).containsExactly("moMarkers");
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

    private static IntakeAnswers child(String age, List<String> what, String who, String theirAge) {
        IntakeAnswers a = answers(what, List.of(), age);
        if (who != null) {
            a = a.with(Question.WHO, List.of(who));
        }
        return theirAge == null ? a : a.with(Question.THEIR_AGE, List.of(theirAge));
    }

    @Test
    void pressureFromAClassmateOfTheSameAgeIsPeerSolicitationNotGrooming() {
        SuggestedCoding peer = rules.suggest(child("12-15", List.of("asking"), "peer-or-classmate", "same-age"));
        assertThat(peer.code()).isEqualTo("OSI-SOLICIT");
        assertThat(peer.dimensions()).containsEntry("perpetratorRelation", List.of("peer-or-classmate"));
        assertThat(peer.toConfirm()).isEmpty();
        // A classmate whose age was not given is taken to be a peer too; a slightly older minor as well.
        assertThat(rules.suggest(child("12-15", List.of("asking"), "peer-or-classmate", null))
                        .code())
                .isEqualTo("OSI-SOLICIT");
        assertThat(rules.suggest(child("under-12", List.of("asking"), "online-only-contact", "older-minor"))
                        .code())
                .isEqualTo("OSI-SOLICIT");
        // Sexual remarks between peers are harassment, not sexual chat by an adult.
        assertThat(rules.suggest(child("12-15", List.of("remarks"), "peer-or-classmate", "same-age"))
                        .code())
                .isEqualTo("OSI-HAR");
    }

    @Test
    void anAdultBuildingContactWithAChildIsGroomingWithPhaseAndMarkers() {
        SuggestedCoding coding = rules.suggest(
                child("12-15", List.of("flattery", "private-chat", "secret"), "online-only-contact", "adult"));
        assertThat(coding.code()).isEqualTo("GRM");
        assertThat(coding.secondaryCodes()).isEmpty();
        assertThat(coding.dimensions())
                .containsEntry("moPhase", List.of("exclusivity"))
                .containsEntry("moMarkers", List.of("public-to-private-chat"))
                .containsEntry("victimAgeAtIncident", List.of("12-15"));
        assertThat(coding.toConfirm()).isEmpty();
        assertThat(rules.suggest(child("16-17", List.of("flattery"), "acquaintance", "adult"))
                        .dimensions())
                .containsEntry("moPhase", List.of("relationship-forming"));
        // 16 and 17 are children too: an adult who keeps asking them for photos is grooming.
        assertThat(rules.suggest(child("16-17", List.of("asking"), "online-only-contact", "adult"))
                        .code())
                .isEqualTo("GRM");
        assertThat(rules.suggest(child("16-17", List.of("remarks"), "stranger", "adult"))
                        .code())
                .isEqualTo("GRM");
        assertThat(rules.suggest(child("12-15", List.of("remarks"), "stranger", "adult"))
                        .code())
                .isEqualTo("SXC");
        assertThat(rules.suggest(child("12-15", List.of("meet"), "online-only-contact", "adult"))
                        .code())
                .isEqualTo("GRM");
        // Under 16 with an online contact whose age is not known: the precautionary reading.
        assertThat(rules.suggest(child("12-15", List.of("meet"), "online-only-contact", "unknown"))
                        .code())
                .isEqualTo("GRM");
        // No age given, but an adult: the person may be a child, so grooming is suggested for a professional to check.
        assertThat(rules.suggest(child(null, List.of("private-chat"), "online-only-contact", "adult"))
                        .code())
                .isEqualTo("GRM");
    }

    @Test
    void groomingSignsAloneAreNoCodeForAdultsOrPeers() {
        assertThat(rules.suggest(child("25-plus", List.of("flattery", "meet"), "online-only-contact", null))
                        .code())
                .isEqualTo("OTH");
        assertThat(rules.suggest(child("12-15", List.of("meet"), "peer-or-classmate", "same-age"))
                        .code())
                .isEqualTo("OTH");
        assertThat(rules.suggest(child("18-24", List.of("asking"), "online-only-contact", null))
                        .code())
                .isEqualTo("OSI-SOLICIT");
    }

    @Test
    void offencesAgainstAMinorAreRecognisedWhateverNeedWasTicked() {
        for (String act : List.of("recorded", "camera", "shared", "fake", "threatened")) {
            IntakeAnswers minor = answers(List.of(act), List.of(), "16-17");
            assertThat(CodingRules.offenceAgainstMinor(minor, CodingRules.codes(minor)))
                    .as(act)
                    .isTrue();
            IntakeAnswers adult = answers(List.of(act), List.of(), "18-24");
            assertThat(CodingRules.offenceAgainstMinor(adult, CodingRules.codes(adult)))
                    .as(act + " of an adult")
                    .isFalse();
        }
        IntakeAnswers grooming = child(null, List.of("secret"), "online-only-contact", "adult");
        assertThat(CodingRules.offenceAgainstMinor(grooming, CodingRules.codes(grooming)))
                .isTrue();
        IntakeAnswers peer = child("12-15", List.of("asking"), "peer-or-classmate", "same-age");
        assertThat(CodingRules.offenceAgainstMinor(peer, CodingRules.codes(peer)))
                .isFalse();
        IntakeAnswers flashing = answers(List.of("received"), List.of(), "16-17");
        assertThat(CodingRules.offenceAgainstMinor(flashing, CodingRules.codes(flashing)))
                .isFalse();
    }

    @Test
    void changingTheAgeToAnAdultDropsTheOtherPersonsAge() {
        IntakeAnswers a = child("12-15", List.of("asking"), "online-only-contact", "adult");
        assertThat(a.otherPersonAge()).isEqualTo("adult");
        assertThat(a.with(Question.AGE, List.of("25-plus")).otherPersonAge()).isNull();
        assertThat(Question.applicable(a.with(Question.AGE, List.of("25-plus"))))
                .doesNotContain(Question.THEIR_AGE);
        assertThat(Question.applicable(IntakeAnswers.EMPTY)).contains(Question.THEIR_AGE);
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
            List<String> all = coding.allCodes();
            if (CodingRules.peer(a)) {
                assertThat(all).as("a peer never grooms: " + a).doesNotContain("GRM");
            }
            if (!a.mayBeMinor()) {
                assertThat(all).as("adults are not groomed: " + a).doesNotContain("GRM", "SXC");
            }
            if (a.happened().contains("asking")) {
                assertThat(all)
                        .as("asking for photos is grooming exactly when an adult builds contact with a child: " + a)
                        .contains(CodingRules.adultContactWithChild(a) ? "GRM" : "OSI-SOLICIT");
            }
            if (a.minor()
                    && all.stream().anyMatch(c -> c.startsWith("SXT-") || c.startsWith("IBA-") || c.equals("LIVE"))) {
                assertThat(CodingRules.offenceAgainstMinor(a, all))
                        .as(a.toString())
                        .isTrue();
            }
            assertThat(CodingRules.PRECEDENCE.indexOf(coding.code()))
                    .as("the primary code comes first in precedence")
                    .isLessThanOrEqualTo(coding.secondaryCodes().stream()
                            .mapToInt(CodingRules.PRECEDENCE::indexOf)
                            .min()
                            .orElse(Integer.MAX_VALUE));
        }
    }
}
