package vn.baucu.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded default: with no {@code DB_URL}, baucu starts a real PostgreSQL itself (zonky's
 * linux-amd64 binaries) with its data in {@code baucu.data-dir}/pg (default {@code ./data/pg}), kept
 * between runs. An empty {@code baucu.data-dir} gives a throw-away cluster (tests).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfig.NoExternalDatabase.class)
class EmbeddedPostgresConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfig.class);

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("DB_URL");
            return url == null || url.isBlank();
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${baucu.data-dir:./data}") String dataDir) throws IOException {
        var builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "60")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setPGStartupWait(java.time.Duration.ofSeconds(60));
        if (!dataDir.isBlank()) {
            Path dir = Path.of(dataDir, "pg").toAbsolutePath();
            Files.createDirectories(dir.getParent());
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
            log.info("baucu: embedded PostgreSQL, data in {}", dir);
        }
        EmbeddedPostgres pg = builder.start();
        log.info("baucu: embedded PostgreSQL listening on 127.0.0.1:{}", pg.getPort());
        return pg;
    }

    @Bean
    JdbcConnectionDetails jdbcConnectionDetails(EmbeddedPostgres pg) {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "postgres";
            }

            @Override
            public String getPassword() {
                return "";
            }

            @Override
            public String getJdbcUrl() {
                return pg.getJdbcUrl("postgres", "postgres");
            }
        };
    }
}
