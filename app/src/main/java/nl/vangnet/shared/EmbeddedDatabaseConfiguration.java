package nl.vangnet.shared;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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
 * across restarts, as durable and private as a normal server ({@link EmbeddedPostgresServer},
 * docs/adr/0010). Production and tests point {@code spring.datasource.url} at a real server and
 * this configuration steps aside; the SQL is the same for both, so there is no second dialect.
 *
 * <p>The connection pool depends on the server bean, so the context closes the pool (after the
 * web server has drained and the executors have finished, see {@link ShutdownOrder}) before it
 * stops PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgres(VangnetProperties properties) {
        return EmbeddedPostgresServer.start(properties.dataDir());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(
            EmbeddedPostgresServer postgres,
            @org.springframework.beans.factory.annotation.Value("${spring.datasource.hikari.maximum-pool-size:10}")
                    int poolSize,
            @org.springframework.beans.factory.annotation.Value("${spring.datasource.hikari.connection-timeout:10000}")
                    long connectionTimeoutMillis) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.jdbcUrl());
        config.setUsername(postgres.user());
        config.setPassword(postgres.password());
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
