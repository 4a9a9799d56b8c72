package nl.vangnet.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vangnet.audit.AuditAction;
import nl.vangnet.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention per data class of closed cases (see {@link CaseRetentionProperties}): contact details
 * first, then the free text, then the whole case file. A dry run counts what a purge would do
 * without changing anything; a purge works in batches of {@value #BATCH} cases per transaction and
 * records each run (counts only) in {@code cases.retention_run} and in the audit trail. Deadlines
 * are computed from the {@code Clock} bean, in Dutch calendar days.
 */
@Component
@EnableScheduling
@EnableConfigurationProperties(CaseRetentionProperties.class)
class CaseRetention {

    static final int BATCH = 500;

    /** The data classes, in the order a purge handles them. */
    enum DataClass {
        CONTACT_DETAILS,
        FREE_TEXT,
        CASE_FILES
    }

    private final JdbcClient jdbc;
    private final CaseErasure erasure;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final CaseRetentionProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CaseRetention(
            JdbcClient jdbc,
            CaseErasure erasure,
            AuditTrail audit,
            ApplicationEventPublisher events,
            CaseRetentionProperties properties,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.jdbc = jdbc;
        this.erasure = erasure;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** What one class would affect (dry run) or affected (purge). */
    record ClassReport(DataClass dataClass, Period keptFor, Instant closedBefore, long cases) {}

    /** A run's report. */
    record Report(Instant at, boolean dryRun, List<ClassReport> classes) {
        long total() {
            return classes.stream().mapToLong(ClassReport::cases).sum();
        }
    }

    CaseRetentionProperties settings() {
        return properties;
    }

    Instant cutoff(Period period) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), CaseManagement.ZONE);
        return today.minus(period).atStartOfDay(CaseManagement.ZONE).toInstant();
    }

    private static String where(DataClass dataClass) {
        return switch (dataClass) {
            case CONTACT_DETAILS -> "status = 'CLOSED' AND closed_at < :cutoff AND contact_encrypted IS NOT NULL";
            case FREE_TEXT ->
                "status = 'CLOSED' AND closed_at < :cutoff AND free_text_erased_at IS NULL"
                        + " AND victim_data_erased_at IS NULL";
            case CASE_FILES -> "status = 'CLOSED' AND closed_at < :cutoff";
        };
    }

    private Period period(DataClass dataClass) {
        return switch (dataClass) {
            case CONTACT_DETAILS -> properties.contactDetails();
            case FREE_TEXT -> properties.freeText();
            case CASE_FILES -> properties.caseFiles();
        };
    }

    /** Counts what a purge would do now, without changing anything. */
    Report dryRun(String actor) {
        Instant now = clock.instant();
        List<ClassReport> classes = new java.util.ArrayList<>();
        for (DataClass dataClass : DataClass.values()) {
            Instant cutoff = cutoff(period(dataClass));
            long n = jdbc.sql("SELECT count(*) FROM cases.case_file WHERE " + where(dataClass))
                    .param("cutoff", Timestamp.from(cutoff))
                    .query(Long.class)
                    .single();
            classes.add(new ClassReport(dataClass, period(dataClass), cutoff, n));
        }
        Report report = new Report(now, true, classes);
        transactions.executeWithoutResult(status -> record(report, actor));
        return report;
    }

    @Scheduled(cron = "${vangnet.cases.retention.cron:0 30 3 * * *}", zone = "Europe/Amsterdam")
    void scheduled() {
        purge("system");
    }

    /** Applies every class, in batches; returns what it did. */
    Report purge(String actor) {
        Instant now = clock.instant();
        List<ClassReport> classes = new java.util.ArrayList<>();
        for (DataClass dataClass : DataClass.values()) {
            Instant cutoff = cutoff(period(dataClass));
            long done = 0;
            while (true) {
                Integer n = transactions.execute(status -> batch(dataClass, cutoff, actor));
                done += n == null ? 0 : n;
                if (n == null || n < BATCH) {
                    break;
                }
            }
            classes.add(new ClassReport(dataClass, period(dataClass), cutoff, done));
        }
        Report report = new Report(now, false, classes);
        transactions.executeWithoutResult(status -> record(report, actor));
        return report;
    }

    private int batch(DataClass dataClass, Instant cutoff, String actor) {
        List<UUID> ids = jdbc.sql("SELECT id FROM cases.case_file WHERE " + where(dataClass)
                        + " ORDER BY closed_at LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED")
                .param("cutoff", Timestamp.from(cutoff))
                .query(UUID.class)
                .list();
        Instant now = clock.instant();
        for (UUID uuid : ids) {
            CaseId id = new CaseId(uuid);
            switch (dataClass) {
                case CONTACT_DETAILS ->
                    jdbc.sql("UPDATE cases.case_file SET contact_encrypted = NULL, contact_erased_at = :now"
                                    + " WHERE id = :id")
                            .param("now", Timestamp.from(now))
                            .param("id", uuid)
                            .update();
                case FREE_TEXT -> {
                    jdbc.sql("UPDATE cases.case_file SET narrative_encrypted = NULL, contact_encrypted = NULL,"
                                    + " victim_words_encrypted = NULL,"
                                    + " free_text_erased_at = :now WHERE id = :id")
                            .param("now", Timestamp.from(now))
                            .param("id", uuid)
                            .update();
                    jdbc.sql("UPDATE cases.incident SET description_encrypted = NULL WHERE case_id = :id")
                            .param("id", uuid)
                            .update();
                    jdbc.sql("DELETE FROM cases.note WHERE case_id = :id")
                            .param("id", uuid)
                            .update();
                    jdbc.sql("DELETE FROM cases.task WHERE case_id = :id")
                            .param("id", uuid)
                            .update();
                    events.publishEvent(new CaseFreeTextErased(id, now));
                }
                case CASE_FILES -> erasure.remove(id, actor);
            }
        }
        return ids.size();
    }

    private void record(Report report, String actor) {
        Map<String, String> counts = new LinkedHashMap<>();
        for (ClassReport c : report.classes()) {
            counts.put(c.dataClass().name(), String.valueOf(c.cases()));
        }
        UUID run = UUID.randomUUID();
        jdbc.sql("INSERT INTO cases.retention_run (id, ran_at, dry_run, triggered_by, report)"
                        + " VALUES (:id, :at, :dry, :actor, :report)")
                .param("id", run)
                .param("at", Timestamp.from(report.at()))
                .param("dry", report.dryRun())
                .param("actor", actor)
                .param("report", CaseFiles.JSON.writeValueAsString(counts))
                .update();
        Map<String, String> detail = new LinkedHashMap<>(counts);
        detail.put("dryRun", String.valueOf(report.dryRun()));
        audit.record(actor, AuditAction.CASE_RETENTION_APPLIED, "retention-run", run.toString(), null, detail);
    }

    /** A stored run, for the admin page. */
    record Run(Instant at, boolean dryRun, String triggeredBy, Map<String, String> counts) {}

    List<Run> latestRuns(int limit) {
        return jdbc.sql("SELECT * FROM cases.retention_run ORDER BY ran_at DESC LIMIT :limit")
                .param("limit", limit)
                .query((rs, n) -> new Run(
                        rs.getTimestamp("ran_at").toInstant(),
                        rs.getBoolean("dry_run"),
                        rs.getString("triggered_by"),
                        counts(rs.getString("report"))))
                .list();
    }

    private static Map<String, String> counts(@Nullable String json) {
        try {
            return json == null
                    ? Map.of()
                    : CaseFiles.JSON.readValue(
                            json, new tools.jackson.core.type.TypeReference<Map<String, String>>() {});
        } catch (RuntimeException e) {
            return Map.of();
        }
    }
}
