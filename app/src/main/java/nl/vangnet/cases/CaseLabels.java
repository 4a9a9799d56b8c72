package nl.vangnet.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.vangnet.taxonomy.Dimension;
import nl.vangnet.taxonomy.FormCode;
import nl.vangnet.taxonomy.Taxonomies;
import nl.vangnet.taxonomy.TaxonomyVersion;
import org.jspecify.annotations.Nullable;

/**
 * Taxonomy labels in the reader's language for pages, looked up in the version an incident was
 * coded with (old cases keep their version), and the coding form's fields for one code.
 */
public final class CaseLabels {

    private final Taxonomies taxonomies;
    private final Locale locale;

    CaseLabels(Taxonomies taxonomies, Locale locale) {
        this.taxonomies = taxonomies;
        this.locale = locale;
    }

    private TaxonomyVersion version(@Nullable String version) {
        return version == null
                ? taxonomies.current()
                : taxonomies.version(version).orElse(taxonomies.current());
    }

    public String code(@Nullable String version, @Nullable String code) {
        if (code == null) {
            return "";
        }
        return version(version).code(code).map(c -> c.label().in(locale)).orElse(code);
    }

    public String code(@Nullable String code) {
        return code(null, code);
    }

    public String dimension(@Nullable String version, String name) {
        return version(version).dimension(name).map(d -> d.label().in(locale)).orElse(name);
    }

    public String value(@Nullable String version, String dimension, String value) {
        return version(version)
                .dimension(dimension)
                .flatMap(d -> d.value(value))
                .map(v -> v.label().in(locale))
                .orElse(value);
    }

    /** A coding's dimensions as "label: value, value" lines. */
    public List<String> describe(@Nullable String version, Map<String, List<String>> dimensions) {
        List<String> lines = new ArrayList<>();
        TaxonomyVersion v = version(version);
        for (Dimension d : v.dimensions()) {
            List<String> values = dimensions.get(d.name());
            if (values == null || values.isEmpty()) {
                continue;
            }
            List<String> labels = values.stream()
                    .map(value -> d.text() ? value : value(version, d.name(), value))
                    .toList();
            lines.add(d.label().in(locale) + ": " + String.join(", ", labels));
        }
        return lines;
    }

    public String ageBand(@Nullable String band) {
        return band == null ? "" : value(null, "victimAgeAtReport", band);
    }

    /** The codes of the current version, for a select. */
    public List<Option> codes(@Nullable String selected) {
        return taxonomies.current().codes().stream()
                .map(c -> new Option(
                        c.code(),
                        c.code() + " — " + c.label().in(locale),
                        c.code().equals(selected)))
                .toList();
    }

    /** Age bands, for a select. */
    public List<Option> ageBands(@Nullable String selected) {
        return taxonomies
                .current()
                .dimension("victimAgeAtReport")
                .map(d -> d.values().stream()
                        .map(v -> new Option(
                                v.value(), v.label().in(locale), v.value().equals(selected)))
                        .toList())
                .orElse(List.of());
    }

    /** One option of a select or checkbox group. */
    public record Option(String value, String label, boolean selected) {}

    /** One dimension field of the coding form. */
    public record Field(
            String name,
            String label,
            boolean mandatory,
            boolean multiple,
            boolean text,
            List<Option> options,
            String textValue) {}

    /** The fields for a code, filled with the given values. */
    public List<Field> fields(String code, Map<String, List<String>> values) {
        TaxonomyVersion v = taxonomies.current();
        FormCode formCode = v.code(code).orElse(null);
        if (formCode == null) {
            return List.of();
        }
        List<Field> fields = new ArrayList<>();
        for (TaxonomyVersion.CodeDimension cd : v.dimensionsOf(formCode)) {
            Dimension d = cd.dimension();
            List<String> current = values.getOrDefault(d.name(), List.of());
            List<Option> options = cd.allowedValues().stream()
                    .map(value -> new Option(
                            value,
                            d.value(value).map(x -> x.label().in(locale)).orElse(value),
                            current.contains(value)))
                    .toList();
            fields.add(new Field(
                    d.name(),
                    d.label().in(locale),
                    cd.mandatory(),
                    d.multiple(),
                    d.text(),
                    options,
                    d.text() && !current.isEmpty() ? current.getFirst() : ""));
        }
        return fields;
    }
}
