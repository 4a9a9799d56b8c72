package nl.vangnet.shared;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encryption of free text at rest with envelope keys (Google Tink AEAD, AES-256-GCM). Each record
 * that holds free text (a help request, later a case) gets its own data key; the data key is
 * stored next to the record, wrapped by the master key. The master key never touches the
 * database: it comes from {@code vangnet.master-key} (environment {@code VANGNET_MASTER_KEY}, a
 * Tink JSON keyset, plain or base64) in production, or from {@code <data-dir>/master-key.json},
 * created with owner-only permissions on the first start of the embedded default. A database dump
 * alone therefore reveals no text, and deleting a record's row also destroys its only key copy.
 */
@Component
public class FieldEncryption {

    static final String KEY_FILE = "master-key.json";
    private static final Logger log = LoggerFactory.getLogger(FieldEncryption.class);
    private static final byte[] WRAP_CONTEXT = "vangnet-data-key".getBytes(StandardCharsets.UTF_8);

    private final Aead master;

    @Autowired
    FieldEncryption(VangnetProperties properties, @Value("${vangnet.master-key:}") String configuredKey) {
        this(loadMaster(properties.dataDir(), configuredKey));
    }

    private FieldEncryption(Aead master) {
        this.master = master;
    }

    /** For tests and tools: an instance with a fresh random master key held only in memory. */
    public static FieldEncryption withRandomMasterKey() {
        try {
            register();
            return new FieldEncryption(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
                    .getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not create an AEAD key", e);
        }
    }

    /** A new data key for one record, wrapped by the master key: store these bytes with the record. */
    public byte[] newDataKey() {
        try {
            KeysetHandle key = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(key, master, WRAP_CONTEXT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not create a data key", e);
        }
    }

    /**
     * Encrypts text with a record's wrapped data key. The context (e.g. the record ID and field
     * name) is authenticated, so a ciphertext copied to another record or field does not decrypt.
     */
    public byte[] encrypt(byte[] wrappedDataKey, String plaintext, String context) {
        try {
            return dataKey(wrappedDataKey)
                    .encrypt(plaintext.getBytes(StandardCharsets.UTF_8), context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a field", e);
        }
    }

    /** Decrypts what {@link #encrypt} produced with the same key and context. */
    public String decrypt(byte[] wrappedDataKey, byte[] ciphertext, String context) {
        try {
            byte[] plain = dataKey(wrappedDataKey).decrypt(ciphertext, context.getBytes(StandardCharsets.UTF_8));
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt a field (wrong key or context)", e);
        }
    }

    private Aead dataKey(byte[] wrapped) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, master, WRAP_CONTEXT)
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    private static void register() throws GeneralSecurityException {
        AeadConfig.register();
    }

    static Aead loadMaster(Path dataDir, String configuredKey) {
        try {
            register();
            String json;
            if (configuredKey != null && !configuredKey.isBlank()) {
                String trimmed = configuredKey.strip();
                json = trimmed.startsWith("{")
                        ? trimmed
                        : new String(Base64.getDecoder().decode(trimmed), StandardCharsets.UTF_8);
            } else {
                json = readOrCreateKeyFile(dataDir.toAbsolutePath().resolve(KEY_FILE));
            }
            return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get())
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "The master key (vangnet.master-key or " + KEY_FILE + ") is not a valid Tink AEAD keyset", e);
        }
    }

    private static String readOrCreateKeyFile(Path file) throws GeneralSecurityException {
        try {
            if (Files.exists(file)) {
                return Files.readString(file);
            }
            Files.createDirectories(file.getParent());
            String json = TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException raced) {
                return Files.readString(file);
            }
            Files.writeString(file, json);
            log.warn(
                    "Created a new master key in {}. Back it up: without it no encrypted text can be read. "
                            + "In production set VANGNET_MASTER_KEY instead.",
                    file);
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the master key file " + file, e);
        }
    }
}
