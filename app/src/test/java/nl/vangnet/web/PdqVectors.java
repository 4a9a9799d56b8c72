package nl.vangnet.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds {@code shared/pdq-vectors} beside the repository (CI clones main with shared/ next to it). */
public final class PdqVectors {

    private PdqVectors() {}

    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("pdq-vectors");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/pdq-vectors not found above "
                + Path.of("").toAbsolutePath() + "; the tests need the reference images beside the repository");
    }

    public static List<Path> images() {
        try (Stream<Path> files = Files.walk(root().resolve("images"))) {
            return files.filter(p -> p.toString().matches(".*\\.(jpg|jpeg|png)$"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
