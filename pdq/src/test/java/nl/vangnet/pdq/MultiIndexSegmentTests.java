package nl.vangnet.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultiIndexSegmentTests {

    /** The pigeonhole guarantee: thresholds t_i with sum(t_i + 1) > radius, each within its table. */
    @ParameterizedTest(name = "{0} tables")
    @ValueSource(ints = {10, 11, 12, 13, 14, 15, 16})
    void thresholdsCoverEveryRadiusForEveryTableCount(int tables) {
        int[] lengths = MultiIndexSegment.lengths(tables);
        assertThat(java.util.Arrays.stream(lengths).sum()).isEqualTo(256);
        for (long size : new long[] {1, 50_000, 10_000_000, 100_000_000}) {
            for (int radius = 0; radius <= 256; radius++) {
                int[] thresholds = MultiIndexSegment.greedyThresholds(lengths, size, radius);
                int covered = 0;
                for (int t = 0; t < tables; t++) {
                    assertThat(thresholds[t]).isBetween(-1, lengths[t]);
                    covered += thresholds[t] + 1;
                }
                assertThat(covered).as("radius %d, size %d", radius, size).isGreaterThan(radius);
            }
        }
    }

    @Test
    void radiusZeroProbesOneTableOnly() {
        int[] thresholds = MultiIndexSegment.greedyThresholds(MultiIndexSegment.lengths(12), 10_000_000, 0);

        assertThat(java.util.Arrays.stream(thresholds).filter(t -> t >= 0).count())
                .isEqualTo(1);
    }

    @Test
    void choosesLongerSubstringsForLargerSegments() {
        int small = MultiIndexSegment.chooseTableCount(50_000);
        int tenMillion = MultiIndexSegment.chooseTableCount(10_000_000);
        int hundredMillion = MultiIndexSegment.chooseTableCount(100_000_000);

        assertThat(small).isEqualTo(16);
        assertThat(tenMillion).isLessThan(small);
        assertThat(hundredMillion).isLessThanOrEqualTo(tenMillion).isGreaterThanOrEqualTo(MultiIndexSegment.MIN_TABLES);
    }

    @ParameterizedTest(name = "{0} entries")
    @ValueSource(ints = {5_000_000, 10_000_000, 30_000_000, 100_000_000})
    void keepsSearchTablesWithinTwiceTheRawHashSize(int size) {
        int tables = MultiIndexSegment.chooseTableCount(size);
        long bytes = 4L * tables * size;
        for (int len : MultiIndexSegment.lengths(tables)) {
            bytes += 4L * ((1L << len) + 1);
        }

        assertThat((double) bytes / size).isLessThanOrEqualTo(2 * 32);
    }

    @ParameterizedTest(name = "{0} tables")
    @ValueSource(ints = {10, 11, 12, 13, 14, 15, 16})
    void substringsConcatenateToTheWholeHash(int tables) {
        RandomHashes random = new RandomHashes(tables);
        int[] lengths = MultiIndexSegment.lengths(tables);
        for (int n = 0; n < 200; n++) {
            PdqHash hash = random.next();
            long[] words = {hash.word(0), hash.word(1), hash.word(2), hash.word(3)};
            int first = 0;
            for (int t = 0; t < tables; t++) {
                int key = MultiIndexSegment.substring(words, 0, first, lengths[t]);
                for (int b = 0; b < lengths[t]; b++) {
                    boolean expected = hash.bit(255 - (first + b));
                    boolean actual = ((key >>> (lengths[t] - 1 - b)) & 1) != 0;
                    assertThat(actual).as("table %d bit %d", t, b).isEqualTo(expected);
                }
                first += lengths[t];
            }
        }
    }
}
