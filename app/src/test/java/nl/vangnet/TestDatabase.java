package nl.vangnet;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each Spring test context its own fresh database on a real PostgreSQL server and its own
 * data directory, so contexts never see each other's rows. The server is the one named by
 * {@code VANGNET_TEST_DATABASE_URL} (CI starts Debian's PostgreSQL), else one on 127.0.0.1:5432
 * with the {@code vangnet} role, else an embedded PostgreSQL binary started once per test JVM.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static Server server;

    /** A PostgreSQL server the tests may create databases on. */
    public record Server(String adminUrl, String user, String password) {
        public String urlFor(String database) {
            int slash = adminUrl.lastIndexOf('/');
            return adminUrl.substring(0, slash + 1) + database;
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Server s = server();
        String database = "vt_" + UUID.randomUUID().toString().replace("-", "");
        execute(s, "CREATE DATABASE " + database);
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("vangnet-test-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "vangnet-test-database",
                        Map.of(
                                "spring.datasource.url", s.urlFor(database),
                                "spring.datasource.username", s.user(),
                                "spring.datasource.password", s.password(),
                                "spring.datasource.hikari.maximum-pool-size", "4",
                                "server.shutdown", "immediate",
                                "spring.lifecycle.timeout-per-shutdown-phase", "5s",
                                "vangnet.data-dir", dataDir.toString())));
        // Registered before any bean exists, so it is destroyed after all of them, when the
        // context's connection pool is already closed.
        ((DefaultSingletonBeanRegistry) context.getBeanFactory())
                .registerDisposableBean("vangnetTestDatabaseDrop", () -> {
                    try {
                        execute(s, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                    } catch (RuntimeException ignored) {
                        // A left-over test database on a throw-away server is harmless.
                    }
                });
    }

    /**
     * Creates a fresh database and returns its JDBC URL, for tests that start the application
     * themselves (e.g. twice on the same database, to test a restart). Dropped at JVM exit.
     */
    public static String newDatabase() {
        Server s = server();
        String database = "vt_" + UUID.randomUUID().toString().replace("-", "");
        execute(s, "CREATE DATABASE " + database);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                execute(s, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            } catch (RuntimeException ignored) {
                // A left-over test database on a throw-away server is harmless.
            }
        }));
        return s.urlFor(database);
    }

    public static synchronized Server server() {
        if (server != null) {
            return server;
        }
        String url = System.getenv("VANGNET_TEST_DATABASE_URL");
        String user = env("VANGNET_TEST_DATABASE_USER", "vangnet");
        String password = env("VANGNET_TEST_DATABASE_PASSWORD", "vangnet");
        if (url == null || url.isBlank()) {
            String local = "jdbc:postgresql://127.0.0.1:5432/postgres";
            if (reachable(local, user, password)) {
                url = local;
            }
        }
        if (url == null || url.isBlank()) {
            server = embedded();
        } else {
            server = new Server(url, user, password);
        }
        return server;
    }

    private static Server embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // The JVM is ending anyway.
                }
            }));
            return new Server(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "No PostgreSQL for the tests: none configured, none on 127.0.0.1:5432, "
                            + "and the embedded one did not start",
                    e);
        }
    }

    private static boolean reachable(String url, String user, String password) {
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    static void execute(Server s, String sql) {
        try (Connection c = DriverManager.getConnection(s.adminUrl(), s.user(), s.password());
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database statement failed: " + sql, e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
