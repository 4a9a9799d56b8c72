package nl.vangnet.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IntakeAnswersTests {

    @Test
    void eachAnswerChangesOnlyItsOwnQuestionAndIsRememberedAsVisited() {
        IntakeAnswers a = IntakeAnswers.EMPTY
                .with(Question.NOW, List.of("ongoing"))
                .with(Question.WHAT, List.of("threatened", "shared"))
                .with(Question.DEMAND, List.of("money"))
                .with(Question.AGE, List.of("16-17"))
                .with(Question.NEED, List.of("remove-images", "talk"));

        assertThat(a.happeningNow()).isEqualTo("ongoing");
        assertThat(a.happened()).containsExactly("threatened", "shared");
        assertThat(a.demand()).containsExactly("money");
        assertThat(a.ageBand()).isEqualTo("16-17");
        assertThat(a.needs()).containsExactly("remove-images", "talk");
        assertThat(a.imagesOnline()).isNull();
        assertThat(a.platforms()).isEmpty();
        assertThat(a.visited()).containsExactly("now", "what", "demand", "age", "need");

        IntakeAnswers skipped = a.with(Question.AGE, List.of());
        assertThat(skipped.ageBand()).isNull();
        assertThat(skipped.needs()).containsExactly("remove-images", "talk");
    }

    @Test
    void aDemandOnlyStaysWhileSomeoneIsThreatening() {
        IntakeAnswers threatened =
                IntakeAnswers.EMPTY.with(Question.WHAT, List.of("threatened")).with(Question.DEMAND, List.of("images"));
        assertThat(threatened.with(Question.WHAT, List.of("threatened", "fake")).demand())
                .containsExactly("images");
        assertThat(threatened.with(Question.WHAT, List.of("shared")).demand()).isEmpty();
    }

    @Test
    void linksAreKeptWhenOtherQuestionsAreAnswered() {
        IntakeAnswers a = IntakeAnswers.EMPTY
                .with(Question.IMAGES, List.of("yes"))
                .withUrls(List.of("https://voorbeeld.example/1"))
                .with(Question.PLATFORMS, List.of("tiktok"));
        assertThat(a.urls()).containsExactly("https://voorbeeld.example/1");
        assertThat(a.imagesOnline()).isEqualTo("yes");
        assertThat(a.platforms()).containsExactly("tiktok");
    }
}
