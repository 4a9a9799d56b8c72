package nl.vangnet.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known-answer tests against hashes produced by Meta's reference implementations. Decoders differ
 * slightly, so the tolerances are those of the vectors' README: within 4 bits of the Java
 * reference (same ImageIO decoder), within 10 bits of the C++ reference (libjpeg), same quality.
 */
class ReferenceVectorTests {

    private static final int JAVA_TOLERANCE = 4;
    private static final int CPP_TOLERANCE = 10;

    private final PdqHasher hasher = Pdq.hasher();

    static List<TestVectors.Expected> javaReference() {
        return TestVectors.expected("expected-java-reference-imageio.csv");
    }

    static List<TestVectors.Expected> cppReference() {
        return TestVectors.expected("expected-cpp-reference.csv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("javaReference")
    void matchesTheJavaReferenceWithinFourBits(TestVectors.Expected expected) throws IOException {
        PdqResult result = hasher.hash(TestVectors.image(expected.path()));

        assertThat(result.hash().hammingDistance(expected.hash()))
                .as("distance of %s to %s", result.hash(), expected.hash())
                .isLessThanOrEqualTo(JAVA_TOLERANCE);
        assertThat(result.quality()).isEqualTo(expected.quality());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cppReference")
    void matchesTheCppReferenceWithinTenBits(TestVectors.Expected expected) throws IOException {
        PdqResult result = hasher.hash(TestVectors.image(expected.path()));

        assertThat(result.hash().hammingDistance(expected.hash()))
                .as("distance of %s to %s", result.hash(), expected.hash())
                .isLessThanOrEqualTo(CPP_TOLERANCE);
        assertThat(result.quality()).isEqualTo(expected.quality());
    }

    static Stream<Arguments> dihedralFiles() {
        return Stream.of(
                Arguments.of(Dihedral.ORIGINAL, "dih/bridge-1-original.jpg"),
                Arguments.of(Dihedral.ROTATE_90, "dih/bridge-2-rotate-90.jpg"),
                Arguments.of(Dihedral.ROTATE_180, "dih/bridge-3-rotate-180.jpg"),
                Arguments.of(Dihedral.ROTATE_270, "dih/bridge-4-rotate-270.jpg"),
                Arguments.of(Dihedral.FLIP_X, "dih/bridge-5-flipx.jpg"),
                Arguments.of(Dihedral.FLIP_Y, "dih/bridge-6-flipy.jpg"),
                Arguments.of(Dihedral.FLIP_PLUS_1, "dih/bridge-7-flip-plus-1.jpg"),
                Arguments.of(Dihedral.FLIP_MINUS_1, "dih/bridge-8-flip-minus-1.jpg"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dihedralFiles")
    void derivesEachDihedralVariantFromOnePassOverTheOriginal(Dihedral variant, String file) throws IOException {
        PdqDihedralResult fromOriginal = hasher.hashDihedral(TestVectors.image("dih/bridge-1-original.jpg"));
        PdqResult ofTransformedFile = hasher.hash(TestVectors.image(file));
        Map<String, PdqHash> java = expectedByPath(javaReference());

        assertThat(fromOriginal.hash(variant).hammingDistance(ofTransformedFile.hash()))
                .isLessThanOrEqualTo(CPP_TOLERANCE);
        assertThat(fromOriginal.hash(variant).hammingDistance(java.get(file))).isLessThanOrEqualTo(CPP_TOLERANCE);
        assertThat(fromOriginal.quality()).isEqualTo(ofTransformedFile.quality());
    }

    @Test
    void dihedralOriginalEqualsThePlainHash() throws IOException {
        PdqDihedralResult dihedral = hasher.hashDihedral(TestVectors.image("dih/bridge-1-original.jpg"));
        PdqResult plain = hasher.hash(TestVectors.image("dih/bridge-1-original.jpg"));

        assertThat(dihedral.original()).isEqualTo(plain);
    }

    @Test
    void ignoresTheExifOrientationTagLikeTheReference() throws IOException {
        // exif-rotn-6.jpg is stored sideways with orientation 6 ("rotate 90 clockwise to view").
        // Both references hash the stored pixels; applying the tag would rotate the hash away.
        PdqResult stored = hasher.hash(TestVectors.image("exif-rotn/exif-rotn-6.jpg"));
        PdqHash expected = expectedByPath(javaReference()).get("exif-rotn/exif-rotn-6.jpg");

        assertThat(stored.hash().hammingDistance(expected)).isLessThanOrEqualTo(JAVA_TOLERANCE);
    }

    private static Map<String, PdqHash> expectedByPath(List<TestVectors.Expected> rows) {
        return rows.stream()
                .collect(java.util.stream.Collectors.toMap(TestVectors.Expected::path, TestVectors.Expected::hash));
    }
}
