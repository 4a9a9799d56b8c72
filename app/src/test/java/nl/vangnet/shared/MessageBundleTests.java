package nl.vangnet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Dutch first, English always: both bundles hold the same keys, none empty, and templates use only those. */
class MessageBundleTests {

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundleTests.class.getResourceAsStream("/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    /** Every Dutch bundle in src/main/resources/i18n (one per module), by base name. */
    private static List<String> baseNames() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/i18n"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".properties") && !n.contains("_"))
                    .map(n -> n.substring(0, n.length() - ".properties".length()))
                    .sorted()
                    .toList();
        }
    }

    private static Properties all(String suffix) throws IOException {
        Properties merged = new Properties();
        for (String base : baseNames()) {
            Properties p = load(base + suffix + ".properties");
            for (String key : p.stringPropertyNames()) {
                assertThat(merged.containsKey(key))
                        .as("key " + key + " is defined in two bundles")
                        .isFalse();
                merged.setProperty(key, p.getProperty(key));
            }
        }
        return merged;
    }

    @Test
    void everyBundleIsListedInTheApplicationConfiguration() throws IOException {
        String config = Files.readString(Path.of("src/main/resources/application.yml"));
        for (String base : baseNames()) {
            assertThat(config).as(base).contains("i18n/" + base);
        }
    }

    @Test
    void dutchAndEnglishHaveTheSameKeys() throws IOException {
        for (String base : baseNames()) {
            Properties nl = load(base + ".properties");
            Properties en = load(base + "_en.properties");
            assertThat(new TreeSet<>(en.stringPropertyNames()))
                    .as(base)
                    .isEqualTo(new TreeSet<>(nl.stringPropertyNames()));
        }
    }

    @Test
    void noMessageIsEmpty() throws IOException {
        for (String suffix : new String[] {"", "_en"}) {
            Properties p = all(suffix);
            for (String key : p.stringPropertyNames()) {
                assertThat(p.getProperty(key)).as(suffix + " " + key).isNotBlank();
            }
        }
    }

    @Test
    void everyLiteralKeyUsedInTemplatesExists() throws IOException {
        Properties nl = all("");
        Pattern literalKey = Pattern.compile("#\\{([a-zA-Z0-9._-]+)[}(]");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template :
                    templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = literalKey.matcher(Files.readString(template));
                while (m.find()) {
                    if (!nl.containsKey(m.group(1))) {
                        missing.add(template.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
