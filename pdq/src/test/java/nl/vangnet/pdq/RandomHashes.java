package nl.vangnet.pdq;

import java.util.SplittableRandom;

/** Seeded random hashes and near neighbours, so failures reproduce. */
final class RandomHashes {

    private final SplittableRandom random;

    RandomHashes(long seed) {
        this.random = new SplittableRandom(seed);
    }

    PdqHash next() {
        return PdqHash.fromWords(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    /** A hash exactly {@code distance} bits away from {@code hash}. */
    PdqHash flip(PdqHash hash, int distance) {
        long[] w = {hash.word(0), hash.word(1), hash.word(2), hash.word(3)};
        int flipped = 0;
        while (flipped < distance) {
            int bit = random.nextInt(256);
            long mask = 1L << (bit & 63);
            if ((w[bit >>> 6] & mask) == (hash.word(bit >>> 6) & mask)) {
                w[bit >>> 6] ^= mask;
                flipped++;
            }
        }
        return PdqHash.fromWords(w[0], w[1], w[2], w[3]);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
