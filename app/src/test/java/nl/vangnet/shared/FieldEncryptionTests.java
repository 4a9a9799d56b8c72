package nl.vangnet.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldEncryptionTests {

    private static VangnetProperties in(Path dir) {
        return new VangnetProperties(dir, false, null, 0, null, null, null);
    }

    @Test
    void encryptsWithAPerRecordKeyAndAuthenticatesTheContext() {
        FieldEncryption encryption = FieldEncryption.withRandomMasterKey();
        byte[] key = encryption.newDataKey();
        byte[] ciphertext = encryption.encrypt(key, "bel me na vier uur", "intake:1:contact");
        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("vier uur");
        assertThat(encryption.decrypt(key, ciphertext, "intake:1:contact")).isEqualTo("bel me na vier uur");
        assertThatThrownBy(() -> encryption.decrypt(key, ciphertext, "intake:2:contact"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> encryption.decrypt(encryption.newDataKey(), ciphertext, "intake:1:contact"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theEmbeddedDefaultCreatesAnOwnerOnlyKeyFileOnceAndReusesIt(@TempDir Path dir) throws Exception {
        FieldEncryption first = new FieldEncryption(in(dir), "");
        Path file = dir.resolve(FieldEncryption.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        String json = Files.readString(file);
        byte[] key = first.newDataKey();
        byte[] ciphertext = first.encrypt(key, "tekst", "ctx");
        FieldEncryption second = new FieldEncryption(in(dir), "");
        assertThat(Files.readString(file)).isEqualTo(json);
        assertThat(second.decrypt(key, ciphertext, "ctx")).isEqualTo("tekst");
    }

    @Test
    void aConfiguredMasterKeyWinsOverTheFileAndMayBeBase64(@TempDir Path a, @TempDir Path b) throws Exception {
        new FieldEncryption(in(a), "");
        String json = Files.readString(a.resolve(FieldEncryption.KEY_FILE));
        String base64 = java.util.Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        FieldEncryption fromFile = new FieldEncryption(in(a), "");
        FieldEncryption fromConfig = new FieldEncryption(in(b), base64);
        assertThat(b.resolve(FieldEncryption.KEY_FILE)).doesNotExist();
        byte[] key = fromFile.newDataKey();
        assertThat(fromConfig.decrypt(key, fromFile.encrypt(key, "x", "c"), "c"))
                .isEqualTo("x");
        assertThatThrownBy(() -> new FieldEncryption(in(b), "not a key")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rotatingTheKeyFileKeepsEveryRewrappedDataKeyReadableAndRetiresTheOldKey(@TempDir Path dir) throws Exception {
        FieldEncryption encryption = new FieldEncryption(in(dir), "");
        Path file = dir.resolve(FieldEncryption.KEY_FILE);
        String before = Files.readString(file);
        byte[] oldKey = encryption.newDataKey();
        byte[] ciphertext = encryption.encrypt(oldKey, "geheim verhaal", "case:1:narrative");
        assertThat(encryption.wrappedByPrimary(oldKey)).isTrue();
        assertThat(encryption.masterKeyCount()).isEqualTo(1);
        assertThat(encryption.rotatesItsOwnKeyFile()).isTrue();

        // Step 1: a new primary key next to the old one; old wrappings still open.
        encryption.addPrimaryKey();
        assertThat(encryption.masterKeyCount()).isEqualTo(2);
        assertThat(encryption.wrappedByPrimary(oldKey)).isFalse();
        assertThat(encryption.decrypt(oldKey, ciphertext, "case:1:narrative")).isEqualTo("geheim verhaal");
        assertThat(encryption.wrappedByPrimary(encryption.newDataKey())).isTrue();

        // Step 2: the same data key, wrapped again; the text was never re-encrypted.
        byte[] rewrapped = encryption.rewrap(oldKey);
        assertThat(rewrapped).isNotEqualTo(oldKey);
        assertThat(encryption.wrappedByPrimary(rewrapped)).isTrue();
        assertThat(encryption.decrypt(rewrapped, ciphertext, "case:1:narrative"))
                .isEqualTo("geheim verhaal");

        // Step 3: only the new key stays, in the file too, still owner-only.
        encryption.dropOldKeys();
        assertThat(encryption.masterKeyCount()).isEqualTo(1);
        assertThat(encryption.decrypt(rewrapped, ciphertext, "case:1:narrative"))
                .isEqualTo("geheim verhaal");
        assertThatThrownBy(() -> encryption.decrypt(oldKey, ciphertext, "case:1:narrative"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(file)).isNotEqualTo(before);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        FieldEncryption restarted = new FieldEncryption(in(dir), "");
        assertThat(restarted.decrypt(rewrapped, ciphertext, "case:1:narrative")).isEqualTo("geheim verhaal");
    }

    @Test
    void aConfiguredKeysetIsNeverRewrittenByTheApplication(@TempDir Path dir) throws Exception {
        new FieldEncryption(in(dir), "");
        String json = Files.readString(dir.resolve(FieldEncryption.KEY_FILE));
        FieldEncryption configured = new FieldEncryption(in(dir.resolve("elders")), json);
        assertThat(configured.rotatesItsOwnKeyFile()).isFalse();
        assertThatThrownBy(configured::addPrimaryKey).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(configured::dropOldKeys).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() ->
                        configured.rewrap(FieldEncryption.withRandomMasterKey().newDataKey()))
                .isInstanceOf(IllegalStateException.class);
    }
}
