package nl.vangnet.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class PdqHashTests {

    private static final String HEX = "d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22";

    @Test
    void roundTripsTheReferenceHexFormInLowerCase() {
        PdqHash hash = PdqHash.fromHex(HEX.toUpperCase());

        assertThat(hash.toHex()).isEqualTo(HEX);
        assertThat(hash).hasToString(HEX);
        assertThat(PdqHash.fromHex(hash.toHex())).isEqualTo(hash);
    }

    @Test
    void rejectsHexOfTheWrongLengthSayingHowLongItWas() {
        assertThatThrownBy(() -> PdqHash.fromHex(HEX.substring(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 hex characters")
                .hasMessageContaining("got 63");
        assertThatThrownBy(() -> PdqHash.fromHex(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
        assertThatThrownBy(() -> PdqHash.fromHex(HEX + "0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 65");
    }

    @Test
    void rejectsNonHexCharactersSayingWhere() {
        String bad = HEX.substring(0, 10) + "g" + HEX.substring(11);

        assertThatThrownBy(() -> PdqHash.fromHex(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'g'")
                .hasMessageContaining("index 10");
        assertThatThrownBy(() -> PdqHash.fromHex(" " + HEX.substring(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index 0");
        // Digits from other scripts that Character.digit would accept are not hex here.
        assertThatThrownBy(() -> PdqHash.fromHex("\u0661" + HEX.substring(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PdqHash.fromHex(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void numbersBitsLikeTheReference() {
        // The reference sets bit k as 1 << (k & 15) in 16-bit word k >> 4 and prints word 15 first.
        PdqHash lowest = PdqHash.fromHex("0".repeat(63) + "1");
        PdqHash highest = PdqHash.fromHex("8" + "0".repeat(63));
        PdqHash bit17 = PdqHash.fromHex("0".repeat(59) + "20000");

        assertThat(lowest.bit(0)).isTrue();
        assertThat(lowest.bit(1)).isFalse();
        assertThat(highest.bit(255)).isTrue();
        assertThat(bit17.bit(17)).isTrue();
        assertThat(bit17.bitCount()).isEqualTo(1);
        assertThatThrownBy(() -> lowest.bit(256)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void countsDifferingBitsAsTheHammingDistance() {
        PdqHash zero = PdqHash.zero();
        PdqHash ones = PdqHash.fromHex("f".repeat(64));
        PdqHash hash = PdqHash.fromHex(HEX);

        assertThat(zero.hammingDistance(ones)).isEqualTo(256);
        assertThat(hash.hammingDistance(hash)).isZero();
        assertThat(hash.hammingDistance(zero)).isEqualTo(hash.bitCount());
        assertThat(new RandomHashes(3).flip(hash, 31).hammingDistance(hash)).isEqualTo(31);
    }

    @Test
    void roundTripsTheBigEndianByteForm() {
        PdqHash hash = PdqHash.fromHex(HEX);
        byte[] bytes = hash.toBytes();

        assertThat(bytes).hasSize(32);
        assertThat(bytes[0]).isEqualTo((byte) 0xd8);
        assertThat(bytes[31]).isEqualTo((byte) 0x22);
        assertThat(PdqHash.fromBytes(bytes)).isEqualTo(hash);
        assertThatThrownBy(() -> PdqHash.fromBytes(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void exposesWordsMostSignificantFirst() {
        PdqHash hash = PdqHash.fromHex(HEX);

        assertThat(hash.word(0)).isEqualTo(Long.parseUnsignedLong(HEX.substring(0, 16), 16));
        assertThat(hash.word(3)).isEqualTo(Long.parseUnsignedLong(HEX.substring(48), 16));
        assertThat(PdqHash.fromWords(hash.word(0), hash.word(1), hash.word(2), hash.word(3)))
                .isEqualTo(hash);
        assertThatThrownBy(() -> hash.word(4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void equalHashesAreEqualAndHashAlike() {
        PdqHash a = PdqHash.fromHex(HEX);
        PdqHash b = PdqHash.fromHex(HEX.toUpperCase());
        PdqHash c = new RandomHashes(1).flip(a, 1);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c).isNotEqualTo(HEX);
    }

    @Test
    void ordersLikeTheHexStrings() {
        RandomHashes random = new RandomHashes(77);
        List<PdqHash> hashes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            hashes.add(random.next());
        }
        List<PdqHash> byValue = new ArrayList<>(hashes);
        Collections.sort(byValue);
        List<PdqHash> byHex = new ArrayList<>(hashes);
        byHex.sort(Comparator.comparing(PdqHash::toHex));

        assertThat(byValue).isEqualTo(byHex);
    }
}
