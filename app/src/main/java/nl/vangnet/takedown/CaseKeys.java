package nl.vangnet.takedown;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.vangnet.shared.FieldEncryption;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One data key per case for everything the takedown module encrypts about it (URLs, staff notes,
 * notice texts). Deleting a case's key row makes all of it unreadable at once, which is how a
 * case's takedown data can be destroyed even where copies linger in backups of other tables.
 */
@Component
class CaseKeys {

    private final JdbcClient jdbc;
    private final FieldEncryption encryption;
    private final Clock clock;
    private final Map<CaseRef, byte[]> known = new ConcurrentHashMap<>();

    private final TransactionTemplate ownTransaction;

    CaseKeys(JdbcClient jdbc, FieldEncryption encryption, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.clock = clock;
        // The key commits on its own, so a rolled-back request can never leave a key in the cache
        // that the database does not have.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The case's wrapped data key, created on first use. */
    byte[] key(CaseRef caseRef) {
        byte[] cached = known.get(caseRef);
        if (cached != null) {
            return cached;
        }
        byte[] key = ownTransaction.execute(status -> {
            jdbc.sql("""
                        INSERT INTO takedown.case_key (case_ref, data_key, created_at) VALUES (:ref, :key, :now)
                        ON CONFLICT (case_ref) DO NOTHING
                        """)
                    .param("ref", caseRef.value())
                    .param("key", encryption.newDataKey())
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            return jdbc.sql("SELECT data_key FROM takedown.case_key WHERE case_ref = :ref")
                    .param("ref", caseRef.value())
                    .query(byte[].class)
                    .single();
        });
        known.put(caseRef, key);
        return key;
    }

    /** The master key changed: cached wrappings may be ones it can no longer open, so read them again. */
    @org.springframework.context.event.EventListener
    void on(nl.vangnet.shared.MasterKeyRotated rotated) {
        known.clear();
    }

    /** Drops the cached key of a case whose key row was deleted. */
    void forget(CaseRef caseRef) {
        known.remove(caseRef);
    }

    byte[] encrypt(CaseRef caseRef, String plaintext, String context) {
        return encryption.encrypt(key(caseRef), plaintext, context);
    }

    String decrypt(CaseRef caseRef, byte[] ciphertext, String context) {
        return encryption.decrypt(key(caseRef), ciphertext, context);
    }
}
