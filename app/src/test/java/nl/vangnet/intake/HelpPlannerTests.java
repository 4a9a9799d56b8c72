package nl.vangnet.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.vangnet.directory.HelpNeed;
import nl.vangnet.taxonomy.Taxonomies;
import org.junit.jupiter.api.Test;

class HelpPlannerTests {

    private final CodingRules rules = new CodingRules(new Taxonomies());

    private List<String> steps(IntakeAnswers answers) {
        return HelpPlanner.steps(answers, rules.suggest(answers));
    }

    @Test
    void ongoingSextortionOfAMinorStartsWithTheFirstAidStepsAndTakeItDown() {
        IntakeAnswers a = IntakeAnswers.EMPTY
                .with(Question.NOW, List.of("ongoing"))
                .with(Question.WHAT, List.of("threatened"))
                .with(Question.DEMAND, List.of("money"))
                .with(Question.AGE, List.of("12-15"));
        assertThat(steps(a))
                .startsWith("no-pay", "stop-contact", "evidence")
                .contains("hash-minor", "trusted-adult", "police")
                .doesNotContain("hash-adult", "danger");
    }

    @Test
    void dangerPutsTwelveOneOneFirst() {
        IntakeAnswers a = IntakeAnswers.EMPTY.with(Question.NOW, List.of("danger"));
        assertThat(steps(a)).first().isEqualTo("danger");
        assertThat(steps(a)).doesNotContain("danger-later");
    }

    @Test
    void anAdultWhoseImagesWereSharedGetsStopNciiAndTheirNeeds() {
        IntakeAnswers a = IntakeAnswers.EMPTY
                .with(Question.WHAT, List.of("shared"))
                .with(Question.AGE, List.of("25-plus"))
                .with(Question.WHO, List.of("partner-or-ex"))
                .with(Question.NEED, List.of("know-rights"));
        assertThat(steps(a))
                .contains("report-platform", "removal-help", "hash-adult", "safety-home", "rights")
                .doesNotContain("trusted-adult", "no-pay", "talk");
    }

    @Test
    void theUrgentShortcutGivesDoNotPayWhileWhatHappenedIsNotToldYet() {
        IntakeAnswers fast = IntakeAnswers.EMPTY.with(Question.NOW, List.of("ongoing"));
        assertThat(steps(fast)).startsWith("no-pay", "stop-contact", "evidence").contains("police", "crisis");
        // Once what happened is told and it is no threat, the steps follow that instead.
        assertThat(steps(fast.with(Question.WHAT, List.of("received")))).doesNotContain("no-pay");
        assertThat(steps(IntakeAnswers.EMPTY.with(Question.NOW, List.of("stopped"))))
                .doesNotContain("no-pay");
    }

    @Test
    void aGroomedChildIsToldNotToSendOrMeetThatTellingIsFineAndWhereThePoliceAre() {
        IntakeAnswers a = IntakeAnswers.EMPTY
                .with(Question.WHAT, List.of("asking", "meet"))
                .with(Question.AGE, List.of("12-15"))
                .with(Question.WHO, List.of("online-only-contact"))
                .with(Question.THEIR_AGE, List.of("adult"))
                .with(Question.NEED, List.of("talk"));
        assertThat(steps(a))
                .startsWith("no-send", "no-meet", "stop-contact", "evidence", "block-report")
                .contains("secret-ok", "trusted-adult", "police", "talk", "crisis");
        var query = HelpPlanner.query(a, rules.suggest(a));
        assertThat(query.offenceAgainstMinor()).isTrue();
        assertThat(query.dangerNow()).isFalse();
        assertThat(HelpPlanner.query(
                                IntakeAnswers.EMPTY.with(Question.NOW, List.of("danger")),
                                rules.suggest(IntakeAnswers.EMPTY))
                        .dangerNow())
                .isTrue();
    }

    @Test
    void theHashBankOnTheImagesPageFollowsTheAgeBand() {
        assertThat(FollowUpPages.imageAge(IntakeAnswers.EMPTY.with(Question.AGE, List.of("16-17"))))
                .isEqualTo("minor");
        assertThat(FollowUpPages.imageAge(IntakeAnswers.EMPTY.with(Question.AGE, List.of("25-plus"))))
                .isEqualTo("adult");
        assertThat(FollowUpPages.imageAge(IntakeAnswers.EMPTY.with(Question.AGE, List.of("18-24"))))
                .isEqualTo("adult");
        assertThat(FollowUpPages.imageAge(IntakeAnswers.EMPTY)).isEqualTo("unknown");
    }

    @Test
    void theDirectoryQueryCarriesNeedsCodesAgeAndRelation() {
        IntakeAnswers a = IntakeAnswers.EMPTY
                .with(Question.WHAT, List.of("shared", "fake"))
                .with(Question.AGE, List.of("16-17"))
                .with(Question.WHO, List.of("unknown"))
                .with(Question.NEED, List.of("remove-images"));
        var query = HelpPlanner.query(a, rules.suggest(a));
        assertThat(query.needs()).containsExactly(HelpNeed.REMOVE_IMAGES);
        assertThat(query.codes()).containsExactly("IBA-DIS", "IBA-FAB");
        assertThat(query.ageFrom()).isEqualTo(16);
        assertThat(query.ageTo()).isEqualTo(17);
        assertThat(query.relation()).isNull();
    }
}
