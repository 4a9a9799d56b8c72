package nl.vangnet.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.vangnet.AppProcess;
import nl.vangnet.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default as an operator runs it, in its own JVM ({@link AppProcess}): durable
 * settings, password logins only, loopback only, a first-try restart after {@code kill -9} of the
 * application (PostgreSQL left running) and of the application with its PostgreSQL, a prompt and
 * orderly exit on {@code SIGTERM}, and the upgrade of a data directory made by an earlier release
 * (trust logins, no password).
 */
class EmbeddedDurabilityIT {

    private static final String HELP_REQUEST = """
            {"happeningNow":"ongoing","happened":["threatened"],"demand":["money"],"imagesOnline":"no",
             "ageBand":"16-17","otherPerson":"online-only-contact","needs":["stop-threats"],
             "barriers":["shame"],"told":["nobody"],"askProfessional":true}""";
    private static final Pattern RECEIPT = Pattern.compile("\"receipt\"\\s*:\\s*\"([0-9 ]+)\"");

    @Test
    void isDurableAndPrivateAndRestartsAtTheFirstTryAfterKill9(@TempDir Path dataDir) throws Exception {
        // Each AppProcess is closed only after the next one started: closing stops a PostgreSQL
        // left running, and here the next start must deal with it by itself.
        try (AppProcess app = AppProcess.on(dataDir).start().awaitHealthy()) {
            System.out.println("EmbeddedDurabilityIT: first start (initdb) took "
                    + app.sinceLaunch().toMillis() + " ms");
            assertDurableAndPrivate(dataDir);
            String first = submitHelpRequest(app);

            long orphan = app.postmasterPid().orElseThrow();
            app.kill();
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
                    .as("kill -9 of the JVM leaves its PostgreSQL running, orphaned")
                    .contains(true);

            try (AppProcess second = AppProcess.on(dataDir).start().awaitHealthy()) {
                System.out.println("EmbeddedDurabilityIT: restart after kill -9 of the JVM (orphaned postmaster) took "
                        + second.sinceLaunch().toMillis() + " ms");
                assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive))
                        .as("the orphan was shut down")
                        .isEmpty();
                assertThat(second.postmasterPid()).isPresent().isNotEqualTo(OptionalLong.of(orphan));
                assertThat(second.log()).contains("is still running on").contains("shutting it down");
                assertFound(second, first);
                String next = submitHelpRequest(second);
                assertDurableAndPrivate(dataDir);

                second.killWithPostmaster();
                assertThat(dataDir.resolve("postgres").resolve("postmaster.pid"))
                        .as("the killed server leaves its pid file behind")
                        .exists();

                try (AppProcess third = AppProcess.on(dataDir).start().awaitHealthy()) {
                    System.out.println("EmbeddedDurabilityIT: restart after kill -9 of the JVM and the postmaster took "
                            + third.sinceLaunch().toMillis() + " ms");
                    assertFound(third, first);
                    assertFound(third, next);

                    Duration exit = third.terminate(Duration.ofSeconds(10));
                    System.out.println("EmbeddedDurabilityIT: idle exit after SIGTERM took " + exit.toMillis() + " ms");
                    assertOrderlyShutdown(third, dataDir);
                }
            }
        }
    }

    @Test
    void upgradesADataDirectoryOfAnEarlierReleaseToPasswordLogins(@TempDir Path dataDir) throws Exception {
        Path cluster = dataDir.resolve("postgres");
        // What releases before this one did: zonky's defaults, trust logins, no password.
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start()) {
            try (Connection c = earlier.getPostgresDatabase().getConnection();
                    Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA earlier_release");
                st.execute("CREATE TABLE earlier_release.kept (what text)");
                st.execute("INSERT INTO earlier_release.kept VALUES ('written before the upgrade')");
            }
        }
        assertThat(Files.readAllLines(cluster.resolve("pg_hba.conf")))
                .as("the earlier release's cluster trusts every local login")
                .anyMatch(line -> !line.startsWith("#") && line.contains("trust"));
        assertThat(dataDir.resolve("postgres-password")).doesNotExist();

        try (AppProcess app = AppProcess.on(dataDir).start().awaitHealthy()) {
            assertThat(app.log()).contains("had no password file");
            assertDurableAndPrivate(dataDir);
            try (Connection c = login(dataDir, password(dataDir));
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT what FROM earlier_release.kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("written before the upgrade");
            }
            assertThat(app.terminate(Duration.ofSeconds(10))).isLessThan(Duration.ofSeconds(10));
            assertOrderlyShutdown(app, dataDir);
        }
        assertThat(dataDir.resolve("postgres-password.new")).doesNotExist();
    }

    private static void assertDurableAndPrivate(Path dataDir) throws Exception {
        Path passwordFile = dataDir.resolve("postgres-password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                .isEqualTo("rw-------");
        String password = password(dataDir);
        assertThat(password).hasSizeGreaterThanOrEqualTo(40);

        try (Connection c = login(dataDir, password)) {
            assertThat(show(c, "fsync")).isEqualTo("on");
            assertThat(show(c, "synchronous_commit")).isEqualTo("on");
            assertThat(show(c, "full_page_writes")).isEqualTo("on");
            assertThat(show(c, "listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(show(c, "unix_socket_directories")).isEmpty();
            assertThat(show(c, "password_encryption")).isEqualTo("scram-sha-256");
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(
                            "SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid WHERE rolname = 'postgres'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1))
                        .as("the password is stored as a SCRAM verifier")
                        .isTrue();
            }
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(
                            "SELECT count(*) FROM pg_hba_file_rules WHERE auth_method <> 'scram-sha-256'"
                                    + " OR type <> 'host' OR address <> '127.0.0.1'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1))
                        .as("rules other than password logins from 127.0.0.1")
                        .isZero();
            }
        }
        List<String> rules = Files.readAllLines(dataDir.resolve("postgres").resolve("pg_hba.conf")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
        assertThat(rules).isNotEmpty().noneMatch(line -> line.contains("trust"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                        dataDir.resolve("postgres").resolve("pg_hba.conf"))))
                .isEqualTo("rw-------");

        assertThatThrownBy(() -> login(dataDir, null)).as("no password").isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> login(dataDir, "not-the-password"))
                .as("a wrong password")
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
        assertThat(Files.exists(Path.of("/tmp/.s.PGSQL." + port(dataDir))))
                .as("no Unix socket")
                .isFalse();
    }

    private static void assertOrderlyShutdown(AppProcess app, Path dataDir) {
        String log = app.log();
        assertThat(log).doesNotContainIgnoringCase("destroy method failed");
        int poolClosed = log.lastIndexOf("vangnet-embedded - Shutdown completed");
        int postgresStopped = log.lastIndexOf("Embedded PostgreSQL stopped");
        assertThat(poolClosed).as("the pool closes").isPositive();
        assertThat(postgresStopped).as("PostgreSQL stops after the pool").isGreaterThan(poolClosed);
        assertThat(log.lastIndexOf("Graceful shutdown complete"))
                .as("the web server drains before the pool closes")
                .isPositive()
                .isLessThan(poolClosed);
        assertThat(dataDir.resolve("postgres").resolve("postmaster.pid"))
                .as("PostgreSQL has stopped")
                .doesNotExist();
    }

    private static String submitHelpRequest(AppProcess app) {
        HttpResponse<String> created = new Http(app.port()).postJson("/api/v1/help-requests", HELP_REQUEST);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher m = RECEIPT.matcher(created.body());
        assertThat(m.find()).as(created.body()).isTrue();
        return m.group(1);
    }

    private static void assertFound(AppProcess app, String receipt) {
        HttpResponse<String> found =
                new Http(app.port()).postJson("/api/v1/help-requests/lookup", "{\"receipt\":\"" + receipt + "\"}");
        assertThat(found.statusCode())
                .as("an acknowledged request survives: %s", found.body())
                .isEqualTo(200);
    }

    private static String password(Path dataDir) throws Exception {
        return Files.readString(dataDir.resolve("postgres-password"), StandardCharsets.UTF_8)
                .strip();
    }

    private static int port(Path dataDir) throws Exception {
        // postmaster.pid: PID, data directory, start time, port, ...
        return Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"))
                .get(3)
                .trim());
    }

    private static Connection login(Path dataDir, String password) throws Exception {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        if (password != null) {
            props.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port(dataDir) + "/postgres", props);
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
