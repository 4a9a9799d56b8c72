package nl.vangnet.shared;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-wraps every stored data key with the current primary master key, in batches, and reports how
 * many are still wrapped by older master keys. Together with {@link FieldEncryption}'s key-file
 * steps it rotates the master key without ever decrypting the text itself: only the wrapping of
 * each data key changes.
 */
@Service
public class MasterKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyRotation.class);
    static final int BATCH = 500;

    private final FieldEncryption encryption;
    private final List<DataKeyColumn> columns;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MasterKeyRotation(
            FieldEncryption encryption,
            List<DataKeyColumn> columns,
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events,
            Clock clock) {
        this.encryption = encryption;
        this.columns = List.copyOf(columns);
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
        this.clock = clock;
    }

    /** Per column: how many stored values hold a data key, and how many of those need re-wrapping. */
    public record ColumnStatus(String column, long keys, long onOldMasterKeys) {}

    /** Where the rotation stands. */
    public record Status(int masterKeys, boolean ownKeyFile, List<ColumnStatus> columns) {
        public long onOldMasterKeys() {
            return columns.stream().mapToLong(ColumnStatus::onOldMasterKeys).sum();
        }
    }

    /** What one rotation did. */
    public record Outcome(Map<String, Long> rewrapped, Status after, boolean oldKeysDropped) {}

    public Status status() {
        List<ColumnStatus> out = new ArrayList<>();
        for (DataKeyColumn column : columns) {
            long[] counts = {0, 0};
            forEachBatch(column, batch -> {
                for (Row row : batch) {
                    counts[0]++;
                    if (!encryption.wrappedByPrimary(column.format().wrappedKey(row.value()))) {
                        counts[1]++;
                    }
                }
            });
            out.add(new ColumnStatus(column.name(), counts[0], counts[1]));
        }
        return new Status(encryption.masterKeyCount(), encryption.rotatesItsOwnKeyFile(), out);
    }

    /**
     * Re-wraps every data key not yet wrapped by the primary master key. A value that changed in
     * the meantime is left for the next pass (the update compares the old bytes).
     */
    public Map<String, Long> rewrapAll() {
        Map<String, Long> done = new LinkedHashMap<>();
        for (DataKeyColumn column : columns) {
            long[] count = {0};
            forEachBatch(
                    column,
                    batch -> transactions.executeWithoutResult(tx -> {
                        for (Row row : batch) {
                            byte[] key = column.format().wrappedKey(row.value());
                            if (encryption.wrappedByPrimary(key)) {
                                continue;
                            }
                            byte[] replaced = column.format().withWrappedKey(row.value(), encryption.rewrap(key));
                            count[0] += jdbc.sql(
                                            "UPDATE " + column.table() + " SET " + column.column() + " = :new WHERE "
                                                    + column.idColumn() + " = :id AND " + column.column() + " = :old")
                                    .param("new", replaced)
                                    .param("id", row.id())
                                    .param("old", row.value())
                                    .update();
                        }
                    }));
            done.put(column.name(), count[0]);
        }
        log.info("Re-wrapped data keys with the primary master key: {}", done);
        return done;
    }

    /**
     * The whole rotation for the embedded default's key file: a new primary key, every data key
     * re-wrapped (up to three passes, for keys written while the first pass ran), and the old keys
     * dropped only when nothing needs them any more.
     */
    public synchronized Outcome rotateOwnKeyFile() {
        encryption.addPrimaryKey();
        events.publishEvent(new MasterKeyRotated(encryption.masterKeyCount(), clock.instant()));
        Map<String, Long> total = new LinkedHashMap<>();
        Status status = null;
        for (int pass = 0; pass < 3; pass++) {
            rewrapAll().forEach((k, v) -> total.merge(k, v, Long::sum));
            status = status();
            if (status.onOldMasterKeys() == 0) {
                break;
            }
        }
        boolean drop = status.onOldMasterKeys() == 0;
        if (drop) {
            encryption.dropOldKeys();
            events.publishEvent(new MasterKeyRotated(encryption.masterKeyCount(), clock.instant()));
            status = status();
        } else {
            log.warn("{} data keys could not be re-wrapped; the old master key stays", status.onOldMasterKeys());
        }
        return new Outcome(total, status, drop);
    }

    private record Row(UUID id, byte[] value) {}

    private void forEachBatch(DataKeyColumn column, java.util.function.Consumer<List<Row>> work) {
        UUID after = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);
        boolean first = true;
        while (true) {
            String sql = "SELECT " + column.idColumn() + " AS id, " + column.column() + " AS value FROM "
                    + column.table() + " WHERE " + column.column() + " IS NOT NULL"
                    + (first ? "" : " AND " + column.idColumn() + " > :after")
                    + " ORDER BY " + column.idColumn() + " LIMIT " + BATCH;
            JdbcClient.StatementSpec spec = jdbc.sql(sql);
            if (!first) {
                spec = spec.param("after", after);
            }
            List<Row> batch = spec.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getBytes("value")))
                    .list();
            if (batch.isEmpty()) {
                return;
            }
            work.accept(batch);
            after = batch.getLast().id();
            first = false;
            if (batch.size() < BATCH) {
                return;
            }
        }
    }
}
