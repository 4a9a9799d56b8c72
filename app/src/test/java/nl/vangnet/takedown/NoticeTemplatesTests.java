package nl.vangnet.takedown;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NoticeTemplatesTests {

    @ParameterizedTest
    @EnumSource(NoticeTemplates.Kind.class)
    void theShippedTemplatesAreCompleteInBothLanguages(NoticeTemplates.Kind kind) {
        for (String language : NoticeTemplates.LANGUAGES) {
            NoticeTemplates.Template template = NoticeTemplates.shipped(kind, language);
            assertThat(NoticeTemplates.problems(kind, template.subject(), template.body()))
                    .as(kind + " " + language)
                    .isEmpty();
            assertThat(template.edited()).isFalse();
        }
    }

    @Test
    void aNoticeTemplateMustKeepEveryArticle16Element() {
        assertThat(NoticeTemplates.problems(NoticeTemplates.Kind.NOTICE, "Verzoek", "Alleen {{urls}}"))
                .containsExactlyInAnyOrder(
                        "takedown.template.problem.missing.explanation",
                        "takedown.template.problem.missing.notifier",
                        "takedown.template.problem.missing.goodFaith");
        assertThat(NoticeTemplates.problems(
                        NoticeTemplates.Kind.NOTICE,
                        "Verzoek {{reference}}",
                        "{{urls}} {{explanation}} {{notifier}} {{goodFaith}} {{password}}"))
                .containsExactly("takedown.template.problem.unknown-placeholder");
        assertThat(NoticeTemplates.problems(NoticeTemplates.Kind.ESCALATION, "Twee\nregels", ""))
                .contains(
                        "takedown.template.problem.subject",
                        "takedown.template.problem.body",
                        "takedown.template.problem.missing.host");
    }

    @Test
    void rendersPlaceholdersLiterally() {
        assertThat(NoticeTemplates.render("Aan {{recipient}}: {{urls}}", Map.of("recipient", "A $1 \\ B", "urls", "u")))
                .isEqualTo("Aan A $1 \\ B: u");
        assertThat(NoticeTemplates.render("{{date}}", Map.of())).isEmpty();
    }

    @Test
    void mailRetriesBackOffExponentiallyUpToTheMaximum() {
        TakedownProperties.Mail mail = new TakedownProperties.Mail(null, Duration.ofMinutes(1), Duration.ofMinutes(20));
        assertThat(NoticeDispatcher.backoff(mail, 1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(NoticeDispatcher.backoff(mail, 2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(NoticeDispatcher.backoff(mail, 4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(NoticeDispatcher.backoff(mail, 6)).isEqualTo(Duration.ofMinutes(20));
        assertThat(NoticeDispatcher.backoff(mail, 500)).isEqualTo(Duration.ofMinutes(20));
    }
}
