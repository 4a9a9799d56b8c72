package nl.vangnet.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerRulesTests {

    private static List<String> codes(List<AnswerRules.Problem> problems) {
        return problems.stream().map(AnswerRules.Problem::code).toList();
    }

    @Test
    void optionsMustBeKnownAndSingleChoiceQuestionsTakeOne() {
        assertThat(AnswerRules.options(Question.WHAT, List.of("shared", "fake")))
                .isEmpty();
        assertThat(codes(AnswerRules.options(Question.WHAT, List.of("shared", "<script>"))))
                .containsExactly("unknown-option");
        assertThat(codes(AnswerRules.options(Question.AGE, List.of("12-15", "16-17"))))
                .containsExactly("one-option");
        assertThat(codes(AnswerRules.options(Question.TOLD, List.of("nobody", "friend"))))
                .containsExactly("told-nobody-and-others");
    }

    @Test
    void readsOneWebAddressPerLine() {
        List<AnswerRules.Problem> problems = new ArrayList<>();
        List<String> urls = AnswerRules.urls(
                "https://example.org/a\r\n\n  http://sub.example.net/p?q=1  \nhttps://example.org/a", problems);
        assertThat(problems).isEmpty();
        assertThat(urls).containsExactly("https://example.org/a", "http://sub.example.net/p?q=1");
    }

    @Test
    void acceptsAnAddressTypedWithoutHttpsAndNormalisesIt() {
        List<AnswerRules.Problem> problems = new ArrayList<>();
        List<String> urls = AnswerRules.urls(
                "www.Example.org/Post/1?x=A\n  example.net  \nHTTPS://WWW.EXAMPLE.ORG/Post/1?x=A\ninstagram.com/p/AbC",
                problems);
        assertThat(problems).isEmpty();
        // Scheme and host in lower case, the path as typed; the same address twice is kept once.
        assertThat(urls)
                .containsExactly(
                        "https://www.example.org/Post/1?x=A", "https://example.net", "https://instagram.com/p/AbC");
        assertThat(AnswerRules.normaliseUrl(" not an address ")).isEqualTo("not an address");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://example.org/a",
                "localhost/a",
                "www.exa mple.org/a",
                "just some words",
                "javascript:alert(1)",
                "https://localhost/a",
                "https://user:pw@example.org/",
                "https://example.org/<script>",
                "https://exa mple.org/",
                "https://"
            })
    void refusesWhatIsNotACompleteWebAddress(String url) {
        List<AnswerRules.Problem> problems = new ArrayList<>();
        AnswerRules.urls(url, problems);
        assertThat(codes(problems)).containsExactly("url-invalid");
    }

    @Test
    void limitsTheNumberOfAddresses() {
        List<AnswerRules.Problem> problems = new ArrayList<>();
        AnswerRules.urls("https://example.org/x\n".repeat(21), problems);
        assertThat(codes(problems)).containsExactly("urls-too-many");
    }

    @Test
    void typedTextMayNotBeTooLongHoldControlCharactersOrMarkup() {
        List<AnswerRules.Problem> problems = new ArrayList<>();
        AnswerRules.text("message", "hallo\nhoe gaat het", 100, true, problems);
        AnswerRules.text("message", "5 < 6 en 7 > 3", 100, true, problems);
        assertThat(problems).isEmpty();
        AnswerRules.text("message", "x".repeat(101), 100, true, problems);
        AnswerRules.text("message", "stil\u0007", 100, true, problems);
        AnswerRules.text("contact", "regel\neen", 100, false, problems);
        AnswerRules.text("message", "<script>alert(1)</script>", 100, true, problems);
        AnswerRules.text("message", "omgekeerd \u202E tekst", 100, true, problems);
        assertThat(codes(problems))
                .containsExactly("text-too-long", "text-control", "text-control", "text-markup", "text-control");
    }

    @Test
    void everyOptionAndProblemHasWordsInBothLanguages() throws IOException {
        for (String bundle : List.of("intake.properties", "intake_en.properties")) {
            Properties p = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/i18n/" + bundle)) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (Question q : Question.values()) {
                assertThat(p).containsKeys("intake.q." + q.slug() + ".title", "intake.q." + q.slug() + ".hint");
                for (String option : q.options()) {
                    assertThat(p).as(bundle).containsKey("intake.q." + q.slug() + "." + option);
                }
            }
            for (String code : List.of(
                    "unknown-option",
                    "one-option",
                    "told-nobody-and-others",
                    "demand-nothing-and-others",
                    "demand-without-threat",
                    "urls-too-many",
                    "urls-too-long",
                    "url-invalid",
                    "text-too-long",
                    "text-control",
                    "text-markup",
                    "passphrase-length",
                    "contact-without-help",
                    "unknown-organisation",
                    "message-empty",
                    "message-without-help",
                    "request-gone",
                    "language-unknown",
                    "receipt-malformed")) {
                assertThat(p).as(bundle).containsKey("intake.problem." + code);
            }
            for (String step : List.of(
                    "danger",
                    "no-pay",
                    "stop-contact",
                    "evidence",
                    "block-report",
                    "report-platform",
                    "removal-help",
                    "hash-minor",
                    "hash-adult",
                    "hash-either",
                    "trusted-adult",
                    "safety-home",
                    "police",
                    "rights",
                    "talk",
                    "danger-later")) {
                assertThat(p).as(bundle).containsKey("intake.step." + step);
            }
        }
    }
}
