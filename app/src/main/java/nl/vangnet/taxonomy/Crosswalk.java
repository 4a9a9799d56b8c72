package nl.vangnet.taxonomy;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Crosswalk data: how a partner's own category maps onto taxonomy codes. */
public final class Crosswalk {

    private Crosswalk() {}

    /**
     * One legacy category of one scheme and its candidate codings.
     *
     * @param needsDetail true when the category is too coarse and a person must choose among the
     *     candidates using the case details
     */
    public record Row(
            String scheme,
            String category,
            List<String> aliases,
            boolean needsDetail,
            List<Candidate> candidates,
            LocalizedText note) {

        public Row {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
            candidates = candidates == null ? List.of() : List.copyOf(candidates);
            note = note == null ? new LocalizedText("", "") : note;
        }

        boolean matches(String normalizedCategory) {
            return normalize(category).equals(normalizedCategory)
                    || aliases.stream().map(Crosswalk::normalize).anyMatch(normalizedCategory::equals);
        }
    }

    /**
     * A candidate coding: usually one code, sometimes several incidents at once (a fabricated
     * image that was also shared is {@code IBA-FAB} and {@code IBA-DIS}), with preset dimensions.
     */
    public record Candidate(List<String> codes, Map<String, String> dimensions) {
        public Candidate {
            codes = codes == null ? List.of() : List.copyOf(codes);
            dimensions = dimensions == null ? Map.of() : Map.copyOf(dimensions);
        }
    }

    /** Case, accents, brackets and spacing do not distinguish categories. */
    static String normalize(String category) {
        String decomposed = Normalizer.normalize(category, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        return decomposed.replaceAll("[^\\p{L}\\p{N}/']+", " ").trim();
    }
}
