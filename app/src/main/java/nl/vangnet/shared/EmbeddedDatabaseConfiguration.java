package nl.vangnet.shared;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The embedded default: with no {@code spring.datasource.url}, Vangnet runs its own PostgreSQL
 * from a Maven-packaged binary, with its data under {@code <vangnet.data-dir>/postgres}, kept
 * across restarts. Production and tests point {@code spring.datasource.url} at a real server and
 * this configuration steps aside; the SQL is the same for both, so there is no second dialect.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(VangnetProperties properties) {
        Path directory = properties.dataDir().toAbsolutePath().resolve("postgres");
        try {
            Files.createDirectories(directory.getParent());
            log.info("Starting the embedded PostgreSQL with its data in {}", directory);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not start the embedded PostgreSQL in " + directory
                            + " (is another Vangnet using this data directory?)",
                    e);
        }
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(
            EmbeddedPostgres postgres,
            @org.springframework.beans.factory.annotation.Value("${spring.datasource.hikari.maximum-pool-size:10}")
                    int poolSize,
            @org.springframework.beans.factory.annotation.Value("${spring.datasource.hikari.connection-timeout:10000}")
                    long connectionTimeoutMillis) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(connectionTimeoutMillis);
        config.setPoolName("vangnet-embedded");
        return new HikariDataSource(config);
    }

    static class NoDatasourceUrl extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank()
                    ? ConditionOutcome.match("no spring.datasource.url: using the embedded PostgreSQL")
                    : ConditionOutcome.noMatch("spring.datasource.url is set");
        }
    }
}
