package nl.vangnet.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaxonomiesTests {

    private final Taxonomies taxonomies = new Taxonomies();
    private final TaxonomyVersion v1 = taxonomies.current();

    @Test
    void versionOneHasTheSixteenCodesOfTheClassification() {
        assertThat(v1.version()).isEqualTo("1");
        assertThat(v1.codes())
                .extracting(FormCode::code)
                .containsExactly(
                        "IBA-DIS",
                        "IBA-CRT",
                        "IBA-FAB",
                        "IBA-THR",
                        "SXT-SEX",
                        "SXT-FIN",
                        "SXT-OTH",
                        "GRM",
                        "SXC",
                        "OSI-FLASH",
                        "OSI-SOLICIT",
                        "OSI-HAR",
                        "LIVE",
                        "CSAM-REP",
                        "IMP",
                        "OTH");
    }

    @Test
    void everyCodeHasDutchAndEnglishLabelsAndDefinitions() {
        for (FormCode code : v1.codes()) {
            assertThat(code.label().in(Locale.ENGLISH)).as(code.code()).isNotBlank();
            assertThat(code.label().in(Locale.forLanguageTag("nl")))
                    .as(code.code())
                    .isNotBlank();
            assertThat(code.definition().nl())
                    .as(code.code())
                    .isNotEqualTo(code.definition().en());
        }
    }

    @Test
    void extortionCodesRequireMotiveAndDemand() {
        for (String code : List.of("SXT-SEX", "SXT-FIN", "SXT-OTH")) {
            FormCode c = v1.code(code).orElseThrow();
            assertThat(c.mandatory()).as(code).contains("motive", "demand");
        }
        assertThat(v1.code("GRM").orElseThrow().mandatory()).contains("moPhase", "moMarkers");
        assertThat(v1.code("IBA-DIS").orElseThrow().mandatory()).contains("imagery", "reach");
    }

    @Test
    void acceptsACompleteFinancialSextortionCoding() {
        Coding coding = new Coding(
                "SXT-FIN",
                Map.of(
                        "victimAgeAtIncident", List.of("16-17"),
                        "motive", List.of("financial"),
                        "demand", List.of("money", "goods-or-crypto"),
                        "imagery", List.of("real-consensual"),
                        "reach", List.of("not-shared"),
                        "platformType", List.of("social-media", "messaging-e2ee")));
        assertThat(taxonomies.validate(v1, coding)).isEmpty();
    }

    @Test
    void reportsEveryProblemAtOnce() {
        Map<String, List<String>> dimensions = new LinkedHashMap<>();
        dimensions.put("victimAgeAtIncident", List.of("16-17", "18-24"));
        dimensions.put("motive", List.of("greed"));
        dimensions.put("favouriteColour", List.of("blue"));
        dimensions.put("moPhase", List.of("exclusivity"));
        dimensions.put("demand", List.of("relationship"));
        List<CodingProblem> problems = taxonomies.validate(v1, new Coding("SXT-FIN", dimensions));
        assertThat(problems)
                .extracting(CodingProblem::type)
                .containsExactlyInAnyOrder(
                        CodingProblem.Type.SINGLE_VALUE_EXPECTED,
                        CodingProblem.Type.VALUE_NOT_ALLOWED,
                        CodingProblem.Type.UNKNOWN_DIMENSION,
                        CodingProblem.Type.DIMENSION_NOT_APPLICABLE,
                        CodingProblem.Type.VALUE_NOT_ALLOWED_FOR_CODE,
                        CodingProblem.Type.MANDATORY_MISSING,
                        CodingProblem.Type.MANDATORY_MISSING);
        assertThat(problems)
                .filteredOn(p -> p.type() == CodingProblem.Type.MANDATORY_MISSING)
                .extracting(CodingProblem::dimension)
                .containsExactlyInAnyOrder("imagery", "reach");
    }

    @Test
    void unknownCodeIsReportedWithTheAllowedCodes() {
        List<CodingProblem> problems = taxonomies.validate(v1, new Coding("XYZ", Map.of()));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(CodingProblem.Type.UNKNOWN_CODE);
            assertThat(p.allowed()).hasSize(16);
        });
    }

    @Test
    void sexualChattingIsOnlyForChildrenUnderSixteen() {
        Coding adult =
                new Coding("SXC", Map.of("victimAgeAtIncident", List.of("18-24"), "platformType", List.of("gaming")));
        assertThat(taxonomies.validate(v1, adult))
                .extracting(CodingProblem::type)
                .containsExactly(CodingProblem.Type.VALUE_NOT_ALLOWED_FOR_CODE);
    }

    @Test
    void platformNameIsShortTextWithoutControlCharacters() {
        Coding coding =
                new Coding("OSI-HAR", Map.of("platformType", List.of("forum"), "platformName", List.of("a\u0000b")));
        assertThat(taxonomies.validate(v1, coding))
                .extracting(CodingProblem::type)
                .containsExactly(CodingProblem.Type.TEXT_INVALID);
        Coding fine =
                new Coding("OSI-HAR", Map.of("platformType", List.of("forum"), "platformName", List.of("Kletsforum")));
        assertThat(taxonomies.validate(v1, fine)).isEmpty();
    }

    @Test
    void crosswalkIgnoresCaseAccentsAndPunctuation() {
        assertThat(taxonomies.crosswalk(v1, "nl-common", "  WRAAKPORNO "))
                .hasValueSatisfying(row -> assertThat(row.candidates())
                        .singleElement()
                        .satisfies(c -> {
                            assertThat(c.codes()).containsExactly("IBA-DIS");
                            assertThat(c.dimensions()).containsEntry("motive", "revenge-or-humiliation");
                        }));
        assertThat(taxonomies.crosswalk(v1, "nl-common", "Sextortion (Financieel)"))
                .hasValueSatisfying(
                        row -> assertThat(row.candidates().getFirst().codes()).containsExactly("SXT-FIN"));
        assertThat(taxonomies.crosswalk(v1, "national-prevalence-survey", "spread a fake nude"))
                .hasValueSatisfying(
                        row -> assertThat(row.candidates().getFirst().codes()).containsExactly("IBA-FAB", "IBA-DIS"));
        assertThat(taxonomies.crosswalk(v1, "nl-common", "iets anders")).isEmpty();
    }

    @Test
    void ambiguousLegacyCategoriesAskForDetail() {
        assertThat(taxonomies.crosswalk(v1, "nl-common", "ongewenste sexting")).hasValueSatisfying(row -> {
            assertThat(row.needsDetail()).isTrue();
            assertThat(row.candidates()).hasSize(3);
        });
    }

    @Test
    void refusesAnInconsistentDataFile() {
        TaxonomyVersion broken = new TaxonomyVersion(
                "9",
                "2026-01-01",
                "published",
                null,
                v1.dimensions(),
                v1.commonDimensions(),
                List.of(new FormCode(
                        "BAD",
                        "other",
                        new LocalizedText("x", "x"),
                        new LocalizedText("x", "x"),
                        List.of(),
                        List.of("noSuchDimension"),
                        List.of(),
                        Map.of())),
                List.of(),
                List.of());
        assertThatThrownBy(() -> new Taxonomies(List.of(broken)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("undefined dimension noSuchDimension");
    }
}
