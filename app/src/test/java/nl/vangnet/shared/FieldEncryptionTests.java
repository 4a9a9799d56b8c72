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
        return new VangnetProperties(dir, false, null, 0, null);
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
}
