package vn.baucu.platform.internal;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Two database roles (ADR 0014): Flyway migrates as the schema's owner, the application connects as a role that may
 * only INSERT and SELECT on the audit log (no UPDATE, DELETE or TRUNCATE, and, not owning the table, no way to drop
 * its triggers). The grants are made after every migration by {@code db/migration/afterMigrate.sql}, to the
 * application's role passed as the placeholder {@code appRole}. On the embedded default the roles are made by
 * {@link EmbeddedPostgresConfig}; on a server, {@code DB_USER} is the application's role and
 * {@code DB_OWNER_USER}/{@code DB_OWNER_PASSWORD} the owner's. Without an owner the application migrates and runs as
 * one role, and the audit log is protected by its triggers only (logged at start, shown by the audit check).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseRoles {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRoles.class);

    @Bean
    FlywayConfigurationCustomizer appRolePlaceholder(JdbcConnectionDetails app) {
        return configuration -> configuration.placeholders(Map.of("appRole", app.getUsername() == null ? "" : app.getUsername()));
    }

    /** On a server with {@code DB_OWNER_USER} set: Flyway migrates as that owner. */
    @Bean
    @Conditional(OwnerGiven.class)
    FlywayConnectionDetails ownerFlywayConnectionDetails(@Value("${DB_URL}") String url,
                                                         @Value("${DB_OWNER_USER}") String user,
                                                         @Value("${DB_OWNER_PASSWORD:}") String password) {
        log.info("baucu: migrations run as the schema owner {}; the application connects with fewer rights", user);
        return new FlywayConnectionDetails() {
            @Override
            public String getUsername() {
                return user;
            }

            @Override
            public String getPassword() {
                return password;
            }

            @Override
            public String getJdbcUrl() {
                return url;
            }
        };
    }

    static class OwnerGiven implements org.springframework.context.annotation.Condition {
        @Override
        public boolean matches(org.springframework.context.annotation.ConditionContext context,
                               org.springframework.core.type.AnnotatedTypeMetadata metadata) {
            var env = context.getEnvironment();
            String url = env.getProperty("DB_URL");
            String owner = env.getProperty("DB_OWNER_USER");
            return url != null && !url.isBlank() && owner != null && !owner.isBlank();
        }
    }
}
