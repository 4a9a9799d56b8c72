package nl.vangnet.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.vangnet.taxonomy.FormCode;
import nl.vangnet.taxonomy.TaxonomyVersion;
import org.junit.jupiter.api.Test;

/**
 * The three shipped instruments load and validate, the screener matches the taxonomy one to one,
 * and published versions cannot change: each published file's SHA-256 is pinned in
 * {@code published.sha256}, so editing a published version fails this test (and the start-up).
 */
class ShippedInstrumentsTests {

    static final Path FOLDER = Path.of("src/main/resources/survey/instruments");
    final Instruments instruments = InstrumentValidatorTests.INSTRUMENTS;

    @Test
    void threeInstrumentsArePublished() {
        assertThat(instruments.published())
                .extracting(Instrument::key)
                .containsExactlyInAnyOrder("barriers-needs/1", "help-seeking/1", "victimisation-screener/1");
    }

    @Test
    void everyPublishedFileMatchesItsPinnedHashAndEveryPinIsAFile() throws IOException {
        Map<String, String> pinned = Instruments.manifest();
        List<Path> files;
        try (Stream<Path> list = Files.list(FOLDER)) {
            files = list.filter(p -> p.toString().endsWith(".json")).toList();
        }
        for (Path file : files) {
            Instruments.Parsed parsed = Instruments.parse(Files.readAllBytes(file));
            assertThat(parsed.instrument()).as(file.toString()).isNotNull();
            if (parsed.instrument().published()) {
                String name = file.getFileName().toString();
                assertThat(pinned)
                        .as(name + " is published, so its hash must be pinned")
                        .containsKey(name);
                assertThat(Instruments.sha256(Files.readAllBytes(file)))
                        .as(name + " is published and must not change; make a new version instead")
                        .isEqualTo(pinned.get(name));
            }
        }
        for (String name : pinned.keySet()) {
            assertThat(FOLDER.resolve(name)).as("pinned file " + name).exists();
        }
    }

    @Test
    void aChangedPublishedFileNoLongerMatchesItsPin() throws IOException {
        byte[] original = Files.readAllBytes(FOLDER.resolve("help-seeking-v1.json"));
        byte[] edited = new String(original, java.nio.charset.StandardCharsets.UTF_8)
                .replace("Zeker wel", "Heel zeker wel")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Instruments.sha256(edited))
                .isNotEqualTo(Instruments.manifest().get("help-seeking-v1.json"));
    }

    @Test
    void theScreenerAsksEveryVictimisationCodeForBothPeriodsOnce() {
        Instrument screener = instruments.get("victimisation-screener", "1").orElseThrow();
        TaxonomyVersion taxonomy = InstrumentValidatorTests.TAXONOMIES
                .version(screener.taxonomyVersion())
                .orElseThrow();
        for (FormCode code : taxonomy.codes()) {
            List<String> periods = screener.items().stream()
                    .filter(i -> code.code().equals(i.taxonomyCode()))
                    .map(Instrument.Item::period)
                    .toList();
            if (screener.taxonomyExcluded().contains(code.code())) {
                assertThat(periods).as(code.code()).isEmpty();
            } else {
                assertThat(periods).as(code.code()).containsExactlyInAnyOrder("12m", "lifetime");
            }
        }
        assertThat(screener.taxonomyExcluded()).containsExactly("CSAM-REP");
    }

    @Test
    void helpSeekingAsksNineSourcesOnASevenPointScaleAndActualHelpSought() {
        Instrument hs = instruments.get("help-seeking", "1").orElseThrow();
        List<Instrument.Item> intentions =
                hs.items().stream().filter(i -> "intention".equals(i.grid())).toList();
        assertThat(intentions).hasSize(9);
        assertThat(intentions).allSatisfy(i -> assertThat(hs.optionsOf(i)).hasSize(7));
        Instrument.Item actual = hs.item("hs_act").orElseThrow();
        assertThat(actual.kind()).isEqualTo(ItemType.MULTIPLE);
        assertThat(hs.optionsOf(actual))
                .hasSize(9)
                .filteredOn(Instrument.Option::exclusive)
                .hasSize(1);
    }

    @Test
    void barriersFollowTheFourGroupsAndNeedsListTen() {
        Instrument bn = instruments.get("barriers-needs", "1").orElseThrow();
        for (String group : List.of("bar_ind_", "bar_pra_", "bar_int_", "bar_soc_")) {
            assertThat(bn.items()).filteredOn(i -> i.id().startsWith(group)).hasSize(4);
        }
        assertThat(bn.items()).filteredOn(i -> "needs".equals(i.grid())).hasSize(10);
    }

    @Test
    void theTaxonomyMappingIsCheckedAgainstTheTaxonomyFacade() {
        Instrument screener = instruments.get("victimisation-screener", "1").orElseThrow();
        List<Instrument.Item> withoutOne = screener.items().stream()
                .filter(i -> !"scrlt_sxt_fin".equals(i.id()))
                .toList();
        Instrument broken = new Instrument(
                screener.id(),
                screener.version(),
                screener.status(),
                screener.title(),
                screener.description(),
                screener.taxonomyVersion(),
                screener.taxonomyExcluded(),
                screener.quality(),
                screener.scales(),
                screener.pages().stream()
                        .map(p -> new Instrument.Page(
                                p.id(),
                                p.title(),
                                p.intro(),
                                p.items().stream()
                                        .filter(id -> !"scrlt_sxt_fin".equals(id))
                                        .toList(),
                                p.showIf() == null ? null : stripped(p.showIf())))
                        .toList(),
                withoutOne);
        assertThat(instruments.validate(broken))
                .extracting(InstrumentProblem::code, p -> p.arguments().get(0))
                .contains(org.assertj.core.groups.Tuple.tuple("taxonomy-not-covered", "SXT-FIN"));
    }

    private static Instrument.Condition stripped(Instrument.Condition c) {
        if (c.any() == null) {
            return c;
        }
        return new Instrument.Condition(
                null,
                null,
                null,
                null,
                null,
                null,
                c.any().stream().filter(x -> !"scrlt_sxt_fin".equals(x.item())).toList(),
                null);
    }
}
