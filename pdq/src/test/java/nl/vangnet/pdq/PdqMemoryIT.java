package nl.vangnet.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory bound of ADR 0022 at the pixel limit, measured by the JVM itself: each image is
 * hashed by {@link PeakHeapProbe} in a JVM of its own with a fixed {@code -Xmx512m} (the heap
 * with which the library used to die on these images) and G1, and its peak heap (the sum of the
 * heap pools' peak usage, garbage included) must stay under {@value #BOUND} bytes. The images are
 * generated here (see {@link LargeImages}) at 7000 x 7000 = 49 megapixels, just under the default
 * limit of 50.
 *
 * <p>The last test runs the real command-line jar under a heap too small for one of its files and
 * checks that the file is reported as a typed error and the rest of the batch is still hashed.
 */
class PdqMemoryIT {

    private static final long BOUND = ImageDecoder.MEMORY_BOUND_BYTES;
    private static final int SIDE = 7000;
    private static final Path CLI_JAR = Path.of("target", "vangnet-pdq.jar");

    @TempDir
    static Path dir;

    private static Path png16;
    private static Path jpeg;
    private static PdqResult expected;

    @BeforeAll
    static void generateImagesAtThePixelLimit() throws IOException {
        png16 = LargeImages.writePng16Rgba(dir.resolve("rgba16-7000x7000.png"), SIDE, SIDE);
        jpeg = LargeImages.writeJpeg(dir.resolve("rgb-7000x7000.jpg"), SIDE, SIDE, 0.9f);
        expected = LargeImages.expectedHash(SIDE, SIDE);
        assertThat((long) SIDE * SIDE).isLessThanOrEqualTo(DecodeOptions.DEFAULT_MAX_PIXELS);
        assertThat(expected.quality()).isEqualTo(100);
    }

    @Test
    void hashesA49MegapixelSixteenBitRgbaPngExactlyWithinTheBound() throws Exception {
        Probe probe = probe("-Xmx512m", png16);

        assertThat(probe.exitCode()).as(probe.output()).isZero();
        // Lossless: the decoded pixels are the generated ones, so the hash is exactly the one
        // computed from the pixel function, although the file was decoded in two bands.
        assertThat(probe.lines()).contains(expected.hash().toHex() + ",100," + png16);
        assertThat(probe.value("peak-heap-bytes"))
                .as(probe.output())
                .isPositive()
                .isLessThan(BOUND);
    }

    @Test
    void hashesA49MegapixelJpegWithinTheBound() throws Exception {
        Probe probe = probe("-Xmx512m", jpeg);

        assertThat(probe.exitCode()).as(probe.output()).isZero();
        String[] fields = probe.lines().get(0).split(",");
        // JPEG is lossy: a few bits from the hash of the exact pixels (2 when measured).
        assertThat(PdqHash.fromHex(fields[0]).hammingDistance(expected.hash())).isLessThanOrEqualTo(8);
        assertThat(fields[1]).isEqualTo("100");
        assertThat(probe.value("peak-heap-bytes"))
                .as(probe.output())
                .isPositive()
                .isLessThan(BOUND);
    }

    @Test
    void commandLineReportsAnImageTooBigForTheHeapAndHashesTheRestOfTheBatch() throws Exception {
        // 3000 x 3000 16-bit RGBA is one band of 72 MB: more than a 64 MB heap can hold. The
        // 1500 x 1500 one (18 MB) after it shows that the heap is usable again after the failure.
        Path tooBig = LargeImages.writePng16Rgba(dir.resolve("too-big.png"), 3000, 3000);
        Path fits = LargeImages.writePng16Rgba(dir.resolve("fits.png"), 1500, 1500);
        Path first = TestVectors.image("pen-and-coaster.png");
        Path last = TestVectors.image("wee.jpg");
        assertThat(CLI_JAR).as("the CLI jar, built by the package phase").exists();

        Run run = java(List.of(
                "-Xmx64m",
                "-jar",
                CLI_JAR.toString(),
                "hash",
                first.toString(),
                tooBig.toString(),
                fits.toString(),
                last.toString()));

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
        PdqHasher hasher = Pdq.hasher();
        assertThat(run.stdout().lines().toList())
                .containsExactly(
                        line(hasher.hash(first), first), line(hasher.hash(fits), fits), line(hasher.hash(last), last));
        assertThat(run.stderr().lines().toList())
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("error: " + tooBig + ": Not enough memory")
                        .contains("Java heap")
                        .doesNotContain("Exception"));
    }

    private static String line(PdqResult result, Path file) {
        return result.hash().toHex() + "," + result.quality() + "," + file;
    }

    /** One run of the probe in its own JVM. */
    private record Probe(int exitCode, String output) {
        List<String> lines() {
            return output.lines().toList();
        }

        long value(String key) {
            Map<String, String> values = output.lines()
                    .filter(l -> l.startsWith(key + "="))
                    .collect(Collectors.toMap(l -> key, l -> l.substring(key.length() + 1)));
            assertThat(values).as("%s in probe output:%n%s", key, output).containsKey(key);
            return Long.parseLong(values.get(key));
        }
    }

    private static Probe probe(String heap, Path image) throws Exception {
        Run run = java(List.of(
                heap,
                "-XX:+UseG1GC",
                "-cp",
                System.getProperty("java.class.path"),
                PeakHeapProbe.class.getName(),
                image.toString()));
        return new Probe(run.exitCode(), run.stdout() + run.stderr());
    }

    private record Run(int exitCode, String stdout, String stderr) {}

    private static Run java(List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(arguments);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        // A guard against a hung child, not a performance limit.
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("hung: " + command);
        }
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
