package nl.vangnet.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.vangnet.TestDatabase;
import nl.vangnet.VangnetApplication;
import nl.vangnet.identity.StaffManagement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Upgrades from every earlier landed schema (docs/adr/0011): a database built by an earlier
 * release's migration set, with data in it, then the current application started on it. The sets
 * are the landed files themselves (never edited, see {@link LandedMigrationsTests}), copied to a
 * folder per release, so the test needs no git.
 */
class MigrationUpgradeIT {

    /** The first release, 8ae2f4a: before V21, V31, V32 and V51 landed. */
    static final List<Integer> FIRST_RELEASE = List.of(1, 2, 3, 10, 11, 12, 13, 20, 30, 35, 40, 50);

    @Test
    void aDatabaseOfTheFirstReleaseGetsTheLateMigrationsOnceAndKeepsItsData(@TempDir Path tmp) throws Exception {
        String url = databaseMigratedWith(FIRST_RELEASE, tmp);
        writeEarlierData(url, false);

        try (ConfigurableApplicationContext app = start(url, tmp.resolve("data"))) {
            assertEverythingAppliedAndDataKept(app);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT answers_kept_until FROM survey.campaign WHERE name = 'Van voor de upgrade'")
                            .query(LocalDate.class)
                            .single())
                    .as("V21, applied late, gave the existing campaign its default retention")
                    .isEqualTo(LocalDate.of(2031, 12, 31));
            java.util.List<String> after = jdbc.sql("SELECT version FROM flyway_schema_history WHERE installed_rank >"
                            + " (SELECT installed_rank FROM flyway_schema_history WHERE version = '50')"
                            + " ORDER BY installed_rank")
                    .query(String.class)
                    .list();
            assertThat(after).as("the late ones first, then the rest in order").startsWith("21", "31", "32", "51");
            java.util.List<Integer> newer = after.subList(4, after.size()).stream()
                    .map(Integer::valueOf)
                    .toList();
            assertThat(newer)
                    .as("migrations after the previous release, in version order")
                    .isSorted()
                    .allMatch(v -> v > 51);
        }
        // Once repaired, the database starts like any other (Flyway accepts the out-of-order rows).
        try (ConfigurableApplicationContext again = start(url, tmp.resolve("data"))) {
            assertEverythingAppliedAndDataKept(again);
        }
    }

    @Test
    void aDatabaseOfThePreviousReleaseStartsWithItsData(@TempDir Path tmp) throws Exception {
        // The previous release, e510e22, had every landed migration.
        List<Integer> previous = LandedMigrationsTests.manifest().stream()
                .map(LandedMigrationsTests.Landed::version)
                .toList();
        String url = databaseMigratedWith(previous, tmp);
        writeEarlierData(url, true);
        try (ConfigurableApplicationContext app = start(url, tmp.resolve("data"))) {
            assertEverythingAppliedAndDataKept(app);
        }
    }

    @Test
    void anyOtherGapIsRefused(@TempDir Path tmp) throws Exception {
        // V13 missing below V50 is no known late migration: refused, nothing applied.
        String url =
                databaseMigratedWith(FIRST_RELEASE.stream().filter(v -> v != 13).toList(), tmp);
        assertThatThrownBy(() -> start(url, tmp.resolve("data")).close())
                .hasStackTraceContaining("not applied to database: 13");
        try (Connection c = connect(url);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE version IN"
                        + " ('13', '21', '31', '32', '51')")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    private static void assertEverythingAppliedAndDataKept(ConfigurableApplicationContext app) throws IOException {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        List<String> applied = jdbc.sql(
                        "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT" + " NULL")
                .query(String.class)
                .list();
        assertThat(applied)
                .containsExactlyInAnyOrderElementsOf(LandedMigrationsTests.migrationFiles().keySet().stream()
                        .map(f -> f.substring(1, f.indexOf("__")))
                        .toList());
        assertThat(app.getBean(StaffManagement.class).organisations())
                .extracting(o -> o.name())
                .contains("Van voor de upgrade");
        assertThat(jdbc.sql("SELECT count(*) FROM survey.campaign WHERE name = 'Van voor de upgrade'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    /** A fresh database migrated with exactly these landed versions, from a folder of their files. */
    private static String databaseMigratedWith(List<Integer> versions, Path tmp) throws IOException {
        Map<Integer, String> byVersion = new TreeMap<>();
        LandedMigrationsTests.manifest().forEach(l -> byVersion.put(l.version(), l.file()));
        Path folder = Files.createDirectories(tmp.resolve("release-migrations"));
        for (int version : versions) {
            String file = byVersion.get(version);
            assertThat(file).as("landed version %s", version).isNotNull();
            try (InputStream in = MigrationUpgradeIT.class.getResourceAsStream("/db/migration/" + file)) {
                assertThat(in).as(file).isNotNull();
                Files.copy(in, folder.resolve(file));
            }
        }
        String url = TestDatabase.newDatabase();
        TestDatabase.Server server = TestDatabase.server();
        Flyway.configure()
                .dataSource(url, server.user(), server.password())
                .locations("filesystem:" + folder)
                .load()
                .migrate();
        return url;
    }

    /** An organisation and a survey campaign, as the release's schema has them (V21: retention). */
    private static void writeEarlierData(String url, boolean withRetention) throws SQLException {
        try (Connection c = connect(url);
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO identity.organisation (id, name, kind, created_at)"
                    + " VALUES (gen_random_uuid(), 'Van voor de upgrade', 'CARE', now())");
            st.execute("INSERT INTO survey.campaign (id, name, instrument_id, instrument_version, target_group,"
                    + " parental_consent, interview_opt_in, organiser, contact, purpose_nl, purpose_en, opens_on,"
                    + " closes_on, created_by, created_on" + (withRetention ? ", answers_kept_until" : "")
                    + ") VALUES (gen_random_uuid(), 'Van voor de upgrade',"
                    + " 'screener', '1', 'students', 'not-needed', false, 'Onderzoek', 'onderzoek@example.org',"
                    + " 'doel', 'purpose', DATE '2026-09-01', DATE '2026-12-31', 'onderzoeker', DATE '2026-08-01'"
                    + (withRetention ? ", DATE '2030-12-31'" : "") + ")");
        }
    }

    private static Connection connect(String url) throws SQLException {
        TestDatabase.Server server = TestDatabase.server();
        return DriverManager.getConnection(url, server.user(), server.password());
    }

    private static ConfigurableApplicationContext start(String url, Path dataDir) {
        TestDatabase.Server server = TestDatabase.server();
        return SpringApplication.run(
                VangnetApplication.class,
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + server.user(),
                "--spring.datasource.password=" + server.password(),
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--vangnet.data-dir=" + dataDir,
                "--server.port=0",
                "--management.server.port=0",
                "--spring.main.banner-mode=off");
    }
}
