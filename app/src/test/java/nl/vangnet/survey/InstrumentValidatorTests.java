package nl.vangnet.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import nl.vangnet.taxonomy.Taxonomies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Broken instrument files are refused with a problem that names what is wrong, in Dutch and English. */
class InstrumentValidatorTests {

    static final Taxonomies TAXONOMIES = new Taxonomies();
    static final Instruments INSTRUMENTS = new Instruments(TAXONOMIES);

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = InstrumentValidatorTests.class.getResourceAsStream("/survey/broken/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/survey");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void theValidFixturePasses() throws IOException {
        Instruments.Parsed parsed = INSTRUMENTS.check(fixture("valid.json"));
        assertThat(parsed.instrument()).isNotNull();
        assertThat(parsed.problems()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "cycle.json, skip-cycle",
        "cycle.json, forward-reference",
        "unknown-item.json, condition-unknown-item",
        "forward-reference.json, forward-reference",
        "missing-translation.json, translation-missing",
        "unknown-code.json, condition-unknown-code",
        "duplicate-option-code.json, option-code-duplicate",
        "page-unknown-item.json, page-unknown-item",
        "unknown-taxonomy-code.json, taxonomy-unknown-code",
        "not-json.json, unreadable"
    })
    void brokenFilesAreRefusedWithTheirProblem(String file, String expected) throws IOException {
        Instruments.Parsed parsed = INSTRUMENTS.check(fixture(file));
        assertThat(parsed.problems()).extracting(InstrumentProblem::code).contains(expected);
    }

    @Test
    void aCycleIsToldAsAPathInTheReadersLanguage() throws IOException {
        List<InstrumentProblem> problems =
                INSTRUMENTS.check(fixture("cycle.json")).problems();
        InstrumentProblem cycle = problems.stream()
                .filter(p -> p.code().equals("skip-cycle"))
                .findFirst()
                .orElseThrow();
        ResourceBundleMessageSource messages = messages();
        String dutch =
                messages.getMessage(cycle.messageKey(), cycle.arguments().toArray(), Locale.forLanguageTag("nl"));
        String english =
                messages.getMessage(cycle.messageKey(), cycle.arguments().toArray(), Locale.ENGLISH);
        assertThat(dutch).startsWith("De routing draait in een kring").contains("a → b → a");
        assertThat(english).startsWith("The routing goes round in a cycle").contains("a → b → a");
    }

    @Test
    void everyProblemCodeHasAMessageInBothLanguages() throws IOException {
        ResourceBundleMessageSource messages = messages();
        for (String file : List.of(
                "cycle.json",
                "unknown-item.json",
                "forward-reference.json",
                "missing-translation.json",
                "unknown-code.json",
                "duplicate-option-code.json",
                "page-unknown-item.json",
                "unknown-taxonomy-code.json",
                "not-json.json")) {
            for (InstrumentProblem p : INSTRUMENTS.check(fixture(file)).problems()) {
                for (Locale locale : List.of(Locale.forLanguageTag("nl"), Locale.ENGLISH)) {
                    String text =
                            messages.getMessage(p.messageKey(), p.arguments().toArray(), null, locale);
                    assertThat(text).as(p + " in " + locale).isNotBlank().doesNotContain("{0}");
                }
            }
        }
    }

    @Test
    void aCycleFinderFindsSelfReferencesToo() {
        assertThat(InstrumentValidator.findCycle(java.util.Map.of("x", java.util.Set.of("x"))))
                .containsExactly("x", "x");
        assertThat(InstrumentValidator.findCycle(java.util.Map.of("x", java.util.Set.of("y"))))
                .isEmpty();
    }
}
