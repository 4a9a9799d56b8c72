package nl.vangnet.survey;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import nl.vangnet.shared.FieldEncryption;
import org.springframework.stereotype.Component;

/**
 * Authenticated encryption for everything the survey module must not keep in clear: free-text
 * answers, interview contact details, the sealed answer state a respondent's browser carries
 * between pages, and interview tickets. Built on the shared {@link FieldEncryption} (Tink AEAD,
 * AES-256-GCM, master key from the environment or the data directory): each ciphertext gets its
 * own data key, wrapped by the master key and stored inside the ciphertext, so deleting a row
 * destroys its only key copy. The purpose is authenticated, so a ciphertext of one kind never
 * decrypts as another.
 */
@Component
class SurveyCrypto {

    enum Purpose {
        ANSWER_TEXT,
        CONTACT,
        STATE,
        TICKET;

        String context() {
            return "vangnet-survey-" + name();
        }
    }

    private final FieldEncryption encryption;

    SurveyCrypto(FieldEncryption encryption) {
        this.encryption = encryption;
    }

    /** {@code [length of wrapped data key: 2 bytes][wrapped data key][ciphertext]}. */
    byte[] encrypt(Purpose purpose, byte[] plain) {
        byte[] key = encryption.newDataKey();
        byte[] cipher = encryption.encrypt(key, new String(plain, StandardCharsets.UTF_8), purpose.context());
        return ByteBuffer.allocate(2 + key.length + cipher.length)
                .putShort((short) key.length)
                .put(key)
                .put(cipher)
                .array();
    }

    /** The plain bytes, or empty if the ciphertext was tampered with, truncated or of another purpose. */
    Optional<byte[]> decrypt(Purpose purpose, byte[] sealed) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(sealed);
            int keyLength = Short.toUnsignedInt(buffer.getShort());
            if (keyLength <= 0 || keyLength > sealed.length - 2) {
                return Optional.empty();
            }
            byte[] key = new byte[keyLength];
            buffer.get(key);
            byte[] cipher = new byte[buffer.remaining()];
            buffer.get(cipher);
            return Optional.of(
                    encryption.decrypt(key, cipher, purpose.context()).getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
