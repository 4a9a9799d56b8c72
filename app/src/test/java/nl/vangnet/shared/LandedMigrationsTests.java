package nl.vangnet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.vangnet.VangnetApplication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Guards the migration rule (docs/adr/0011, db/migration/README.md): a landed migration never
 * changes or disappears, and a new one has a version above every landed one and names its module:
 * {@code V<n>__<module>_<what>.sql}. The manifest {@code db/landed-migrations.tsv} lists the landed
 * files in landing order with their SHA-256; a new migration adds its line at the end.
 */
class LandedMigrationsTests {

    /** The first version that must name its module; everything below landed before the rule. */
    static final int FIRST_VERSION_UNDER_THE_RULE = 52;

    private static final Pattern FILE = Pattern.compile("V(\\d+)__([a-z0-9_]+)\\.sql");
    private static final Pattern RULED_NAME = Pattern.compile("V(\\d+)__([a-z]+)_[a-z0-9_]+\\.sql");

    record Landed(int version, String file, String sha256) {}

    private static Set<String> modules;

    @BeforeAll
    static void modules() {
        modules = ApplicationModules.of(VangnetApplication.class).stream()
                .map(ApplicationModule::getIdentifier)
                .map(Object::toString)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theMigrationFolderFollowsTheRule() throws IOException {
        assertThat(problems(manifest(), migrationFiles(), modules)).isEmpty();
    }

    @Test
    void theManifestHoldsTheReleasedMigrations() throws IOException {
        assertThat(manifest()).extracting(Landed::version).startsWith(1, 2, 3, 10, 11, 12, 13, 20, 30, 35, 40, 50);
        assertThat(modules).contains("cases", "intake", "takedown", "survey", "identity");
    }

    @Test
    void aChangedOrRemovedLandedFileIsReported() throws IOException {
        Map<String, String> files = migrationFiles();
        files.put("V12__intake.sql", sha256("-- edited\n".getBytes(StandardCharsets.UTF_8)));
        files.remove("V40__matching.sql");
        assertThat(problems(manifest(), files, modules))
                .anyMatch(p -> p.contains("V12__intake.sql") && p.contains("changed"))
                .anyMatch(p -> p.contains("V40__matching.sql") && p.contains("missing"));
    }

    @Test
    void aNewMigrationMustBeListedAboveEveryLandedVersionAndNameItsModule() throws IOException {
        List<Landed> manifest = new ArrayList<>(manifest());
        Map<String, String> files = migrationFiles();

        files.put("V99__cases_unlisted.sql", "x");
        assertThat(problems(manifest, files, modules)).anyMatch(p -> p.contains("V99__cases_unlisted.sql"));
        files.remove("V99__cases_unlisted.sql");

        manifest.add(new Landed(41, "V41__matching_late.sql", "a"));
        files.put("V41__matching_late.sql", "a");
        manifest.add(new Landed(60, "V60__insights.sql", "b"));
        files.put("V60__insights.sql", "b");
        manifest.add(new Landed(61, "V61__nosuchmodule_thing.sql", "c"));
        files.put("V61__nosuchmodule_thing.sql", "c");
        manifest.add(new Landed(62, "V62__cases_ok.sql", "d"));
        files.put("V62__cases_ok.sql", "d");
        assertThat(problems(manifest, files, modules))
                .anyMatch(p -> p.contains("V41__matching_late.sql") && p.contains("above"))
                .anyMatch(p -> p.contains("V60__insights.sql") && p.contains("module"))
                .anyMatch(p -> p.contains("V61__nosuchmodule_thing.sql") && p.contains("module"))
                .noneMatch(p -> p.contains("V62__cases_ok.sql"));
    }

    /** What is wrong with the migration folder {@code files} (name to SHA-256) against the manifest. */
    static List<String> problems(List<Landed> manifest, Map<String, String> files, Set<String> modules) {
        List<String> problems = new ArrayList<>();
        Map<String, Landed> listed = new LinkedHashMap<>();
        int highest = 0;
        for (Landed landed : manifest) {
            listed.put(landed.file(), landed);
            Matcher m = FILE.matcher(landed.file());
            if (!m.matches() || Integer.parseInt(m.group(1)) != landed.version()) {
                problems.add(landed.file() + ": not a V<version>__<name>.sql file of version " + landed.version());
            }
            boolean grandfathered = LateMigrations.KNOWN_LATE.contains(Integer.toString(landed.version()));
            if (landed.version() <= highest && !grandfathered) {
                problems.add(landed.file() + ": its version must be above every landed one (" + highest + "); use V"
                        + (highest + 1));
            }
            if (landed.version() >= FIRST_VERSION_UNDER_THE_RULE) {
                Matcher ruled = RULED_NAME.matcher(landed.file());
                if (!ruled.matches() || !modules.contains(ruled.group(2))) {
                    problems.add(landed.file() + ": must be named V" + landed.version()
                            + "__<module>_<what>.sql with one of the modules " + modules);
                }
            }
            highest = Math.max(highest, landed.version());
            String actual = files.get(landed.file());
            if (actual == null) {
                problems.add(landed.file() + ": landed but missing from db/migration; landed files stay forever");
            } else if (!actual.equals(landed.sha256())) {
                problems.add(landed.file() + ": landed and changed (SHA-256 " + actual
                        + "); never edit a landed migration, add a new one");
            }
        }
        for (String file : files.keySet()) {
            if (!listed.containsKey(file)) {
                problems.add(file + ": not in db/landed-migrations.tsv; add its line (version, file, SHA-256) at the"
                        + " end, with a version above " + highest);
            }
        }
        return problems;
    }

    static List<Landed> manifest() throws IOException {
        List<Landed> landed = new ArrayList<>();
        try (InputStream in = LandedMigrationsTests.class.getResourceAsStream("/db/landed-migrations.tsv")) {
            assertThat(in).as("db/landed-migrations.tsv on the test class path").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                assertThat(fields).as("version, file, SHA-256: %s", line).hasSize(3);
                landed.add(new Landed(Integer.parseInt(fields[0].trim()), fields[1].trim(), fields[2].trim()));
            }
        }
        return landed;
    }

    /** Every {@code V*.sql} in the application's migration folder, name to SHA-256. */
    static Map<String, String> migrationFiles() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/*.sql")) {
            try (InputStream in = r.getInputStream()) {
                files.put(r.getFilename(), sha256(in.readAllBytes()));
            }
        }
        return files;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
