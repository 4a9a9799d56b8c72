package nl.vangnet.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Fuzzes the entry points that take untrusted bytes. The contract under test: whatever the
 * bytes, hashing either returns a result or throws {@link PdqDecodeException}; never another
 * exception, an error, or a hang. Jazzer treats anything else as a finding.
 *
 * <p>In a normal build these run in regression mode and replay the seed inputs under {@code
 * src/test/resources/nl/vangnet/pdq/DecoderFuzzTestInputs/}. To fuzz, on a scratch copy of the
 * tree (findings are written next to the seeds): {@code JAZZER_FUZZ=1 ./mvnw -pl pdq test
 * -Dtest=DecoderFuzzTest -Djazzer.max_duration=10m}.
 */
class DecoderFuzzTest {

    /** A small pixel limit keeps each fuzz iteration cheap; the limit logic itself is the same. */
    private static final PdqHasher HASHER =
            Pdq.hasher(DecodeOptions.defaults().withMaxPixels(4_000_000).withMaxEncodedBytes(1 << 20));

    @FuzzTest(maxDuration = "20s")
    void hashingArbitraryBytesReturnsAResultOrADecodeException(byte[] data) {
        try {
            PdqResult result = HASHER.hash(data);
            assertThat(result.quality()).isBetween(0, 100);
        } catch (PdqDecodeException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "20s")
    void streamAndDihedralHashingAgreeOrThrowADecodeException(byte[] data) throws IOException {
        try {
            PdqResult fromStream = HASHER.hash(new ByteArrayInputStream(data));
            PdqDihedralResult dihedral = HASHER.hashDihedral(data);
            assertThat(dihedral.original()).isEqualTo(fromStream);
        } catch (PdqDecodeException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "10s")
    void parsingHexEitherRoundTripsOrRejectsWithAMessage(String text) {
        if (text == null) {
            assertThatThrownBy(() -> PdqHash.fromHex(null)).isInstanceOf(NullPointerException.class);
            return;
        }
        try {
            PdqHash hash = PdqHash.fromHex(text);
            assertThat(hash.toHex()).isEqualToIgnoringCase(text);
        } catch (IllegalArgumentException expected) {
            assertThat(expected.getMessage()).contains("PDQ hash");
        }
    }
}
