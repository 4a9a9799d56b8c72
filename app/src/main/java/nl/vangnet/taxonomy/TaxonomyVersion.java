package nl.vangnet.taxonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One published version of the taxonomy, immutable once loaded. */
public record TaxonomyVersion(
        String version,
        String publishedOn,
        String status,
        LocalizedText note,
        List<Dimension> dimensions,
        List<String> commonDimensions,
        List<FormCode> codes,
        List<Crosswalk.Row> crosswalk,
        List<VersionMapping> versionMapping) {

    public TaxonomyVersion {
        dimensions = List.copyOf(dimensions);
        commonDimensions = commonDimensions == null ? List.of() : List.copyOf(commonDimensions);
        codes = List.copyOf(codes);
        crosswalk = crosswalk == null ? List.of() : List.copyOf(crosswalk);
        versionMapping = versionMapping == null ? List.of() : List.copyOf(versionMapping);
        note = note == null ? new LocalizedText("", "") : note;
    }

    public Optional<FormCode> code(String code) {
        return codes.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public Optional<Dimension> dimension(String name) {
        return dimensions.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** The dimensions a code takes, in display order, each with its mandatory flag and allowed values. */
    public List<CodeDimension> dimensionsOf(FormCode code) {
        Map<String, Dimension> byName =
                dimensions.stream().collect(Collectors.toMap(Dimension::name, Function.identity()));
        List<CodeDimension> result = new ArrayList<>();
        for (String name : code.applicableDimensions(commonDimensions)) {
            Dimension dimension = byName.get(name);
            List<String> allowed = code.restrictions().getOrDefault(name, dimension.valueCodes());
            result.add(new CodeDimension(dimension, code.isMandatory(name), allowed));
        }
        return result;
    }

    Set<String> applicableDimensionNames(FormCode code) {
        return code.applicableDimensions(commonDimensions);
    }

    public List<String> schemes() {
        return crosswalk.stream().map(Crosswalk.Row::scheme).distinct().toList();
    }

    /**
     * How a code of an earlier version maps onto this version. Old cases keep their version; the
     * mapping lets statistics count them together without silently re-labelling them.
     */
    public record VersionMapping(String fromVersion, String fromCode, List<String> toCodes) {}

    /** A dimension as it applies to one code. */
    public record CodeDimension(Dimension dimension, boolean mandatory, List<String> allowedValues) {}
}
