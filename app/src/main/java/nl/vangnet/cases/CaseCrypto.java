package nl.vangnet.cases;

import nl.vangnet.shared.FieldEncryption;
import org.springframework.stereotype.Component;

/**
 * Encryption of a case's free text with the case's own data key (wrapped by the master key, see
 * {@link FieldEncryption}). The case ID and field name are authenticated with every ciphertext, so
 * text copied into another case or column does not decrypt; erasing the wrapped key (crypto
 * shredding) makes whatever copy of a ciphertext remains, e.g. in a backup, unreadable.
 */
@Component
class CaseCrypto {

    private final FieldEncryption encryption;

    CaseCrypto(FieldEncryption encryption) {
        this.encryption = encryption;
    }

    byte[] newKey() {
        return encryption.newDataKey();
    }

    byte[] seal(byte[] key, CaseId id, String field, String text) {
        return encryption.encrypt(key, text, context(id, field));
    }

    String open(byte[] key, CaseId id, String field, byte[] ciphertext) {
        return encryption.decrypt(key, ciphertext, context(id, field));
    }

    private static String context(CaseId id, String field) {
        return "cases:" + id.value() + ":" + field;
    }
}
