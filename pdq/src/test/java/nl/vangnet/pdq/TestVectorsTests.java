package nl.vangnet.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestVectorsTests {

    @Test
    void findsTheVectorsFromANestedWorkingDirectory(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("shared/pdq-vectors/images"));
        Path module = Files.createDirectories(root.resolve("main/pdq"));

        assertThat(TestVectors.locateFrom(module))
                .isEqualTo(root.resolve("shared/pdq-vectors").toAbsolutePath());
    }

    @Test
    void failsWithDirectionsWhenTheVectorsAreMissing(@TempDir Path root) throws IOException {
        Path module = Files.createDirectories(root.resolve("main/pdq"));

        assertThatThrownBy(() -> TestVectors.locateFrom(module))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PDQ reference vectors not found")
                .hasMessageContaining("shared")
                .hasMessageContaining("-Dvangnet.pdq.vectors");
    }

    /** The reference's hash I/O files parse and print back unchanged. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"short256.dat", "long256.dat", "order256.dat", "haystack.txt", "needles.txt"})
    void referenceHashListsRoundTripThroughHex(String name) throws IOException {
        List<String> lines = Files.readAllLines(TestVectors.hashList(name)).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();

        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            assertThat(PdqHash.fromHex(line).toHex()).isEqualTo(line.toLowerCase());
        }
    }
}
