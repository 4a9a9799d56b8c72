package nl.vangnet.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one-time repair of the old per-module version ranges (docs/adr/0011): V21, V31 and V32
 * landed after V50, so a database migrated by the first release (V1–V50 without them) has them
 * "ignored" and Flyway refuses it. Such a database gets exactly these known late migrations out of
 * order, then migrates as usual. Any other gap is refused with Flyway's own validation error:
 * from V52 on, versions only grow (db/migration/README.md), so no other late migration can exist.
 */
@Configuration(proxyBeanMethods = false)
class LateMigrations {

    /** The versions that landed below an already released one; never add to this set. */
    static final Set<String> KNOWN_LATE = Set.of("21", "31", "32");

    private static final Logger log = LoggerFactory.getLogger(LateMigrations.class);

    @Bean
    FlywayMigrationStrategy applyKnownLateMigrationsThenMigrate() {
        return LateMigrations::migrate;
    }

    static void migrate(Flyway flyway) {
        MigrationInfo current = flyway.info().current();
        List<MigrationInfo> skipped = Arrays.stream(flyway.info().all())
                .filter(m -> m.getState() == MigrationState.IGNORED && m.getVersion() != null)
                .toList();
        Set<String> versions = new TreeSet<>();
        skipped.forEach(m -> versions.add(m.getVersion().getVersion()));
        if (!versions.isEmpty() && current != null && KNOWN_LATE.containsAll(versions)) {
            log.warn(
                    "The database lacks the late migrations {} (added below version {}); applying them out of order"
                            + " once (docs/adr/0011)",
                    versions,
                    current.getVersion());
            Flyway.configure(flyway.getConfiguration().getClassLoader())
                    .configuration(flyway.getConfiguration())
                    .outOfOrder(true)
                    .target(current.getVersion())
                    .load()
                    .migrate();
        } else if (!versions.isEmpty()) {
            log.error(
                    "The database lacks migrations {} below its version {}; only {} may be applied late. See"
                            + " docs/operations/upgrades.md",
                    versions,
                    current == null ? "?" : current.getVersion(),
                    new TreeSet<>(KNOWN_LATE));
        }
        flyway.migrate();
    }
}
