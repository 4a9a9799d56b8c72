package nl.vangnet.taxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The taxonomy module's facade: every published version, the current one, validation of a coding
 * against the mandatory rules, and crosswalk look-ups. Versions are read once at start-up from
 * {@code classpath:taxonomy/taxonomy-v*.json}; a broken data file stops the application with a
 * message naming the problem rather than letting bad codes into registrations.
 */
@Service
public class Taxonomies {

    private static final String LOCATION = "classpath:taxonomy/taxonomy-v*.json";

    private final Map<String, TaxonomyVersion> versions;
    private final TaxonomyVersion current;

    public Taxonomies() {
        this(loadAll());
    }

    Taxonomies(List<TaxonomyVersion> loaded) {
        Map<String, TaxonomyVersion> byVersion = new LinkedHashMap<>();
        loaded.stream()
                .sorted(Comparator.comparingInt(v -> Integer.parseInt(v.version())))
                .forEach(v -> {
                    TaxonomyIntegrity.check(v);
                    byVersion.put(v.version(), v);
                });
        if (byVersion.isEmpty()) {
            throw new IllegalStateException("No taxonomy version found at " + LOCATION);
        }
        this.versions = Map.copyOf(byVersion);
        this.current = byVersion.values().stream()
                .filter(v -> "published".equals(v.status()))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException("No published taxonomy version"));
    }

    public TaxonomyVersion current() {
        return current;
    }

    public Optional<TaxonomyVersion> version(String version) {
        return Optional.ofNullable(versions.get(version));
    }

    public List<String> versionNames() {
        return versions.keySet().stream()
                .sorted(Comparator.comparingInt(Integer::parseInt))
                .toList();
    }

    /** Every problem with a coding against a version; an empty list means the coding is valid. */
    public List<CodingProblem> validate(TaxonomyVersion version, Coding coding) {
        List<CodingProblem> problems = new ArrayList<>();
        if (coding.code() == null || coding.code().isBlank()) {
            problems.add(new CodingProblem(
                    CodingProblem.Type.CODE_MISSING,
                    null,
                    null,
                    version.codes().stream().map(FormCode::code).toList()));
            checkDimensionsExist(version, coding, problems);
            return problems;
        }
        Optional<FormCode> found = version.code(coding.code());
        if (found.isEmpty()) {
            problems.add(new CodingProblem(
                    CodingProblem.Type.UNKNOWN_CODE,
                    null,
                    coding.code(),
                    version.codes().stream().map(FormCode::code).toList()));
            checkDimensionsExist(version, coding, problems);
            return problems;
        }
        FormCode code = found.get();
        Set<String> applicable = version.applicableDimensionNames(code);
        for (Map.Entry<String, List<String>> entry : coding.dimensions().entrySet()) {
            String name = entry.getKey();
            Optional<Dimension> dimension = version.dimension(name);
            if (dimension.isEmpty()) {
                problems.add(
                        new CodingProblem(CodingProblem.Type.UNKNOWN_DIMENSION, name, null, List.copyOf(applicable)));
                continue;
            }
            if (!applicable.contains(name)) {
                problems.add(new CodingProblem(
                        CodingProblem.Type.DIMENSION_NOT_APPLICABLE, name, null, List.copyOf(applicable)));
                continue;
            }
            checkValues(code, dimension.get(), entry.getValue(), problems);
        }
        for (String mandatory : code.mandatory()) {
            List<String> values = coding.dimensions().get(mandatory);
            if (values == null || values.isEmpty()) {
                Dimension dimension = version.dimension(mandatory).orElseThrow();
                problems.add(new CodingProblem(
                        CodingProblem.Type.MANDATORY_MISSING,
                        mandatory,
                        null,
                        code.restrictions().getOrDefault(mandatory, dimension.valueCodes())));
            }
        }
        return problems;
    }

    private static void checkDimensionsExist(TaxonomyVersion version, Coding coding, List<CodingProblem> problems) {
        for (String name : coding.dimensions().keySet()) {
            if (version.dimension(name).isEmpty()) {
                problems.add(new CodingProblem(
                        CodingProblem.Type.UNKNOWN_DIMENSION,
                        name,
                        null,
                        version.dimensions().stream().map(Dimension::name).toList()));
            }
        }
    }

    private static void checkValues(
            FormCode code, Dimension dimension, List<String> values, List<CodingProblem> problems) {
        if (!dimension.multiple() && values.size() > 1) {
            problems.add(
                    new CodingProblem(CodingProblem.Type.SINGLE_VALUE_EXPECTED, dimension.name(), null, List.of()));
        }
        if (dimension.text()) {
            for (String value : values) {
                if (value.isBlank() || value.length() > dimension.maxLength() || hasControlCharacters(value)) {
                    problems.add(new CodingProblem(
                            CodingProblem.Type.TEXT_INVALID,
                            dimension.name(),
                            null,
                            List.of(String.valueOf(dimension.maxLength()))));
                }
            }
            return;
        }
        List<String> restricted = code.restrictions().get(dimension.name());
        for (String value : values) {
            if (dimension.value(value).isEmpty()) {
                problems.add(new CodingProblem(
                        CodingProblem.Type.VALUE_NOT_ALLOWED,
                        dimension.name(),
                        value,
                        restricted != null ? restricted : dimension.valueCodes()));
            } else if (restricted != null && !restricted.contains(value)) {
                problems.add(new CodingProblem(
                        CodingProblem.Type.VALUE_NOT_ALLOWED_FOR_CODE, dimension.name(), value, restricted));
            }
        }
    }

    private static boolean hasControlCharacters(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }

    /** The crosswalk rows matching a scheme and a legacy category, if the scheme knows it. */
    public Optional<Crosswalk.Row> crosswalk(TaxonomyVersion version, String scheme, String category) {
        String normalized = Crosswalk.normalize(category);
        return version.crosswalk().stream()
                .filter(row -> row.scheme().equals(scheme))
                .filter(row -> row.matches(normalized))
                .findFirst();
    }

    private static List<TaxonomyVersion> loadAll() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        List<TaxonomyVersion> loaded = new ArrayList<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                try (InputStream in = resource.getInputStream()) {
                    loaded.add(mapper.readValue(in, TaxonomyVersion.class));
                } catch (RuntimeException e) {
                    throw new IllegalStateException(
                            "Taxonomy file " + resource.getFilename() + " is invalid: " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the taxonomy files", e);
        }
        return loaded;
    }
}
