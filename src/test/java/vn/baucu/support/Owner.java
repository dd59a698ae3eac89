package vn.baucu.support;

import javax.sql.DataSource;

import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The schema's owner, as Flyway migrates (ADR 0014): what the application's own role may not do — DDL, VACUUM and
 * ANALYZE for the benchmarks, rewriting the audit log to show that tampering is caught.
 */
public final class Owner {

    private Owner() {
    }

    public static DataSource dataSource(FlywayConnectionDetails owner) {
        return new DriverManagerDataSource(owner.getJdbcUrl(), owner.getUsername(), owner.getPassword());
    }

    public static JdbcClient jdbc(FlywayConnectionDetails owner) {
        return JdbcClient.create(dataSource(owner));
    }
}
