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
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encryption of free text at rest with envelope keys (Google Tink AEAD, AES-256-GCM). Each record
 * that holds free text (a help request, a case) gets its own data key; the data key is stored
 * next to the record, wrapped by the master key. The master key never touches the database: it
 * comes from {@code vangnet.master-key} (environment {@code VANGNET_MASTER_KEY}, a Tink JSON keyset,
 * plain or base64) in production, or from {@code <data-dir>/master-key.json}, created with
 * owner-only permissions on the first start of the embedded default. A database dump alone
 * therefore reveals no text, and deleting a record's row also destroys its only key copy.
 *
 * <p>The master key is a Tink keyset, so it can be rotated: a new key becomes primary (new data
 * keys are wrapped with it), the old key keeps unwrapping what it wrapped until every stored data
 * key has been re-wrapped ({@link #rewrap}), and then the old key can go. With the key file of the
 * embedded default this instance does all of it itself ({@link #addPrimaryKey}, {@link
 * #dropOldKeys}); with a configured keyset the operator changes the keyset (see
 * docs/operations/master-key-rotation.md).
 */
@Component
public class FieldEncryption {

    static final String KEY_FILE = "master-key.json";
    private static final Logger log = LoggerFactory.getLogger(FieldEncryption.class);
    private static final byte[] WRAP_CONTEXT = "vangnet-data-key".getBytes(StandardCharsets.UTF_8);

    /** The master keyset, with one primitive for all its keys and one for the primary key alone. */
    private record Master(KeysetHandle keyset, Aead all, Aead primaryOnly) {
        static Master of(KeysetHandle keyset) throws GeneralSecurityException {
            KeysetHandle.Builder primary = KeysetHandle.newBuilder(keyset);
            for (int i = primary.size() - 1; i >= 0; i--) {
                if (!primary.getAt(i).isPrimary()) {
                    primary.removeAt(i);
                }
            }
            return new Master(
                    keyset,
                    keyset.getPrimitive(RegistryConfiguration.get(), Aead.class),
                    primary.build().getPrimitive(RegistryConfiguration.get(), Aead.class));
        }
    }

    private volatile Master master;

    /** The key file this instance owns, or null when the keyset comes from configuration or memory. */
    private final @Nullable Path keyFile;

    @Autowired
    FieldEncryption(VangnetProperties properties, @Value("${vangnet.master-key:}") String configuredKey) {
        this(
                load(properties.dataDir(), configuredKey),
                configuredKey == null || configuredKey.isBlank()
                        ? properties.dataDir().toAbsolutePath().resolve(KEY_FILE)
                        : null);
    }

    private FieldEncryption(KeysetHandle keyset, @Nullable Path keyFile) {
        try {
            this.master = Master.of(keyset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The master key is not a usable Tink AEAD keyset", e);
        }
        this.keyFile = keyFile;
    }

    /** For tests and tools: an instance with a fresh random master key held only in memory. */
    public static FieldEncryption withRandomMasterKey() {
        try {
            register();
            return new FieldEncryption(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not create an AEAD key", e);
        }
    }

    /** A new data key for one record, wrapped by the master key: store these bytes with the record. */
    public byte[] newDataKey() {
        try {
            KeysetHandle key = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(key, master.all(), WRAP_CONTEXT);
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
        return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, master.all(), WRAP_CONTEXT)
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    // ------------------------------------------------------------------ rotation

    /** True when the data key is wrapped by the current primary master key (nothing to re-wrap). */
    public boolean wrappedByPrimary(byte[] wrappedDataKey) {
        try {
            TinkProtoKeysetFormat.parseEncryptedKeyset(wrappedDataKey, master.primaryOnly(), WRAP_CONTEXT);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * The same data key, wrapped by the current primary master key. Whatever it encrypted stays
     * readable: only the wrapping changes.
     *
     * @throws IllegalStateException when no key of the master keyset unwraps it
     */
    public byte[] rewrap(byte[] wrappedDataKey) {
        try {
            Master current = master;
            KeysetHandle key = TinkProtoKeysetFormat.parseEncryptedKeyset(wrappedDataKey, current.all(), WRAP_CONTEXT);
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(key, current.all(), WRAP_CONTEXT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A data key could not be unwrapped by any master key", e);
        }
    }

    /** How many keys the master keyset holds (1 normally; 2 or more during a rotation). */
    public int masterKeyCount() {
        return master.keyset().size();
    }

    /** True when this instance keeps the master key in its own file and can rotate it by itself. */
    public boolean rotatesItsOwnKeyFile() {
        return keyFile != null;
    }

    /**
     * Rotation step 1 for the key file: adds a new key and makes it primary, keeping the old ones
     * so existing data keys stay readable. The file is replaced atomically.
     */
    public synchronized void addPrimaryKey() {
        requireKeyFile();
        try {
            KeysetHandle rotated = KeysetHandle.newBuilder(master.keyset())
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId()
                            .makePrimary())
                    .build();
            replace(rotated);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not add a master key", e);
        }
    }

    /**
     * Rotation step 3 for the key file: keeps only the primary key. Call it only after every stored
     * data key was re-wrapped; anything still wrapped by an old key is unreadable afterwards.
     */
    public synchronized void dropOldKeys() {
        requireKeyFile();
        try {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(master.keyset());
            for (int i = builder.size() - 1; i >= 0; i--) {
                if (!builder.getAt(i).isPrimary()) {
                    builder.removeAt(i);
                }
            }
            replace(builder.build());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not remove old master keys", e);
        }
    }

    private void requireKeyFile() {
        if (keyFile == null) {
            throw new IllegalStateException("The master key comes from configuration; rotate it there");
        }
    }

    private void replace(KeysetHandle keyset) throws GeneralSecurityException {
        Path file = keyFile;
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        try {
            Path temp = file.resolveSibling(KEY_FILE + ".new");
            Files.deleteIfExists(temp);
            try {
                Files.createFile(
                        temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(temp);
            }
            Files.writeString(temp, json);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the master key file " + file, e);
        }
        master = Master.of(keyset);
    }

    // ------------------------------------------------------------------ loading

    private static void register() throws GeneralSecurityException {
        AeadConfig.register();
    }

    static KeysetHandle load(Path dataDir, String configuredKey) {
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
            return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
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
