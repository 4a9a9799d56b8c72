package nl.vangnet.survey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.vangnet.taxonomy.Taxonomies;
import nl.vangnet.taxonomy.TaxonomyVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every instrument version shipped under {@code classpath:survey/instruments/}, read and checked
 * once at start-up. A broken file, a screener that does not match the taxonomy, or a published
 * file whose content no longer matches its hash in {@code published.sha256} stops the start with
 * a message naming the problem.
 */
@Component
class Instruments {

    static final String LOCATION = "classpath:survey/instruments/*.json";
    static final String MANIFEST = "survey/instruments/published.sha256";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final Taxonomies taxonomies;
    private final Map<String, Instrument> byKey;

    Instruments(Taxonomies taxonomies) {
        this.taxonomies = taxonomies;
        this.byKey = loadAll();
    }

    /** What reading an instrument file gave: the instrument, or why it could not be read. */
    record Parsed(@Nullable Instrument instrument, List<InstrumentProblem> problems) {}

    static Parsed parse(byte[] json) {
        try {
            Instrument instrument = MAPPER.readValue(json, Instrument.class);
            if (instrument == null) {
                return new Parsed(null, List.of(InstrumentProblem.of("unreadable", "empty")));
            }
            return new Parsed(instrument, List.of());
        } catch (JacksonException e) {
            String reason = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            // Keep the parser's reason short; it names the field, never file contents beyond it.
            return new Parsed(
                    null,
                    List.of(InstrumentProblem.of(
                            "unreadable", reason.length() > 200 ? reason.substring(0, 200) : reason)));
        }
    }

    /** Reads and validates a file, as the build and the check page do before publishing. */
    Parsed check(byte[] json) {
        Parsed parsed = parse(json);
        if (parsed.instrument() == null) {
            return parsed;
        }
        return new Parsed(parsed.instrument(), validate(parsed.instrument()));
    }

    List<InstrumentProblem> validate(Instrument instrument) {
        TaxonomyVersion taxonomy = instrument.taxonomyVersion() == null
                ? null
                : taxonomies.version(instrument.taxonomyVersion()).orElse(null);
        return InstrumentValidator.validate(instrument, taxonomy);
    }

    private Map<String, Instrument> loadAll() {
        Map<String, String> manifest = manifest();
        Map<String, Instrument> loaded = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            for (Resource resource : resources) {
                String name = String.valueOf(resource.getFilename());
                byte[] content;
                try (InputStream in = resource.getInputStream()) {
                    content = in.readAllBytes();
                }
                Parsed parsed = check(content);
                Instrument instrument = parsed.instrument();
                if (instrument == null || !parsed.problems().isEmpty()) {
                    errors.add(name + ": " + parsed.problems());
                    continue;
                }
                if (!name.equals(instrument.id() + "-v" + instrument.version() + ".json")) {
                    errors.add(name + ": file name must be " + instrument.id() + "-v" + instrument.version() + ".json");
                }
                if (instrument.published()) {
                    String pinned = manifest.get(name);
                    if (pinned == null) {
                        errors.add(name + ": published but not pinned in " + MANIFEST);
                    } else if (!pinned.equals(sha256(content))) {
                        errors.add(name + ": a published version changed; publish the change as a new version");
                    }
                }
                if (loaded.put(instrument.key(), instrument) != null) {
                    errors.add(name + ": version " + instrument.key() + " exists twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the survey instruments", e);
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("Survey instruments are invalid: " + String.join("; ", errors));
        }
        return Map.copyOf(loaded);
    }

    /** The pinned hashes: lines of {@code <sha256>  <file name>}, as {@code sha256sum} writes them. */
    static Map<String, String> manifest() {
        Map<String, String> pinned = new HashMap<>();
        try (InputStream in = Instruments.class.getClassLoader().getResourceAsStream(MANIFEST)) {
            if (in == null) {
                return pinned;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split("\\s+", 2);
                if (parts.length == 2) {
                    pinned.put(parts[1].replace("*", ""), parts[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pinned;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<Instrument> get(String id, String version) {
        return Optional.ofNullable(byKey.get(id + "/" + version));
    }

    Optional<Instrument> byKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    List<Instrument> all() {
        return byKey.values().stream()
                .sorted(Comparator.comparing(Instrument::id).thenComparing(i -> Integer.parseInt(i.version())))
                .toList();
    }

    List<Instrument> published() {
        return all().stream().filter(Instrument::published).toList();
    }
}
