package nl.vangnet.taxonomy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a taxonomy data file is internally consistent before anyone codes with it. */
final class TaxonomyIntegrity {

    private TaxonomyIntegrity() {}

    static void check(TaxonomyVersion version) {
        List<String> errors = new ArrayList<>();
        Set<String> dimensionNames = new HashSet<>();
        for (Dimension d : version.dimensions()) {
            if (!dimensionNames.add(d.name())) {
                errors.add("dimension " + d.name() + " is defined twice");
            }
            if (!d.label().complete()) {
                errors.add("dimension " + d.name() + " lacks a Dutch or English label");
            }
            if (!d.text() && d.values().isEmpty()) {
                errors.add("dimension " + d.name() + " has no values");
            }
            Set<String> values = new HashSet<>();
            for (Dimension.Value v : d.values()) {
                if (!values.add(v.value())) {
                    errors.add("dimension " + d.name() + " lists value " + v.value() + " twice");
                }
                if (!v.label().complete()) {
                    errors.add("value " + d.name() + "=" + v.value() + " lacks a Dutch or English label");
                }
            }
        }
        for (String common : version.commonDimensions()) {
            if (!dimensionNames.contains(common)) {
                errors.add("common dimension " + common + " is not defined");
            }
        }
        Set<String> codes = new HashSet<>();
        for (FormCode code : version.codes()) {
            if (!codes.add(code.code())) {
                errors.add("code " + code.code() + " is defined twice");
            }
            if (!code.label().complete() || !code.definition().complete()) {
                errors.add("code " + code.code() + " lacks a Dutch or English label or definition");
            }
            for (String name : code.applicableDimensions(version.commonDimensions())) {
                if (!dimensionNames.contains(name)) {
                    errors.add("code " + code.code() + " uses undefined dimension " + name);
                }
            }
            code.restrictions()
                    .forEach((name, allowed) -> version.dimension(name)
                            .ifPresent(d -> allowed.stream()
                                    .filter(v -> d.value(v).isEmpty())
                                    .forEach(v -> errors.add(
                                            "code " + code.code() + " restricts " + name + " to unknown value " + v))));
        }
        for (Crosswalk.Row row : version.crosswalk()) {
            if (row.candidates().isEmpty()) {
                errors.add("crosswalk " + row.scheme() + "/" + row.category() + " has no candidates");
            }
            for (Crosswalk.Candidate candidate : row.candidates()) {
                for (String code : candidate.codes()) {
                    if (!codes.contains(code)) {
                        errors.add("crosswalk " + row.scheme() + "/" + row.category() + " names unknown code " + code);
                    }
                }
                candidate.dimensions().forEach((name, value) -> {
                    boolean known = version.dimension(name)
                            .map(d -> d.value(value).isPresent())
                            .orElse(false);
                    if (!known) {
                        errors.add("crosswalk " + row.scheme() + "/" + row.category() + " presets unknown " + name + "="
                                + value);
                    }
                });
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException(
                    "Taxonomy version " + version.version() + " is inconsistent: " + String.join("; ", errors));
        }
    }
}
