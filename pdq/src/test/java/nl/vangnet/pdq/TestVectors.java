package nl.vangnet.pdq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Locates the shared reference vectors ({@code shared/pdq-vectors}, a sibling of the repository
 * checkout) by walking up from the working directory, so the tests run from the repository root,
 * from the module directory and in CI alike. A missing directory fails the tests: silently
 * skipping the known-answer tests would hide exactly the regressions they exist to catch.
 */
public final class TestVectors {

    private static final String OVERRIDE_PROPERTY = "vangnet.pdq.vectors";
    private static final Path RELATIVE = Path.of("shared", "pdq-vectors");

    private static Path root;

    private TestVectors() {}

    /** The {@code pdq-vectors} directory. */
    public static synchronized Path root() {
        if (root == null) {
            root = locate();
        }
        return root;
    }

    public static Path image(String relative) {
        return root().resolve("images").resolve(relative);
    }

    public static Path hashList(String name) {
        return root().resolve("hash-lists").resolve(name);
    }

    /** One line of an expected-hash CSV file. */
    public record Expected(PdqHash hash, int quality, String path) {
        @Override
        public String toString() {
            return path;
        }
    }

    public static List<Expected> expected(String csvName) {
        try {
            List<Expected> rows = new ArrayList<>();
            for (String line : Files.readAllLines(root().resolve(csvName))) {
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", 3);
                rows.add(new Expected(PdqHash.fromHex(fields[0]), Integer.parseInt(fields[1]), fields[2]));
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + csvName, e);
        }
    }

    public static List<PdqHash> hashes(String listName) {
        try {
            return Files.readAllLines(hashList(listName)).stream()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty())
                    .map(l -> PdqHash.fromHex(l.split("[,\\s]", 2)[0]))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + listName, e);
        }
    }

    private static Path locate() {
        String override = System.getProperty(OVERRIDE_PROPERTY);
        if (override != null && !override.isBlank()) {
            Path path = Path.of(override).toAbsolutePath().normalize();
            if (!Files.isDirectory(path.resolve("images"))) {
                throw new IllegalStateException("-D" + OVERRIDE_PROPERTY + "=" + override
                        + " does not point at a pdq-vectors directory (no images/ inside)");
            }
            return path;
        }
        return locateFrom(Path.of(System.getProperty("user.dir")));
    }

    /** Walks up from {@code directory} to the first one holding {@code shared/pdq-vectors}. */
    static Path locateFrom(Path directory) {
        Path start = directory.toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isDirectory(candidate.resolve("images"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("PDQ reference vectors not found: looked for " + RELATIVE
                + " in " + start + " and every parent directory. Check out the shared/ directory next to the"
                + " repository (e.g. /X/main and /X/shared) or pass -D" + OVERRIDE_PROPERTY + "=/path/to/pdq-vectors.");
    }
}
