package nl.vangnet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import nl.vangnet.VangnetApplication;
import nl.vangnet.identity.OrganisationKind;
import nl.vangnet.identity.StaffManagement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded default: with no database configured Vangnet runs its own PostgreSQL under the
 * data directory, and what it stored is still there after a restart.
 */
class EmbeddedDefaultIT {

    private static ConfigurableApplicationContext start(Path dataDir) {
        return SpringApplication.run(
                VangnetApplication.class,
                "--vangnet.data-dir=" + dataDir,
                "--server.port=0",
                "--management.server.port=0",
                "--spring.main.banner-mode=off");
    }

    @Test
    void startsItsOwnPostgresAndKeepsDataAcrossRestarts(@TempDir Path dataDir) throws Exception {
        String password;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            assertThat(first.getEnvironment().getProperty("spring.datasource.url"))
                    .isNull();
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SHOW data_directory").query(String.class).single())
                    .isEqualTo(dataDir.toAbsolutePath().resolve("postgres").toString());
            first.getBean(StaffManagement.class).createOrganisation("test", "Blijft Bestaan", OrganisationKind.CARE);
            password = Files.readString(dataDir.resolve("initial-admin-password"));
        }
        assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).exists();

        try (ConfigurableApplicationContext second = start(dataDir)) {
            StaffManagement staff = second.getBean(StaffManagement.class);
            assertThat(staff.organisations()).extracting(o -> o.name()).contains("Blijft Bestaan");
            // No second administrator, no new password: the first start's account is kept.
            assertThat(Files.readString(dataDir.resolve("initial-admin-password")))
                    .isEqualTo(password);
        }
    }
}
