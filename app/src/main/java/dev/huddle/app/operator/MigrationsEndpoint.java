package dev.huddle.app.operator;

import dev.huddle.app.migration.AppMigrator;
import dev.huddle.migration.Migrator;
import dev.huddle.migration.status.StatusJson;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;

import javax.sql.DataSource;
import java.util.Map;

/**
 * {@code GET /migrations}: every migration with its module, version, state, install time and duration, the in-memory
 * tables, and a count per state, as {@code huddle-migrate status --json} prints them. Sensitive by default, like the
 * other endpoints that show a system's insides: it names every table and script, so it answers 401 until security is
 * configured or an operator sets {@code endpoints.migrations.sensitive=false} (on a management port, say).
 */
@Endpoint(id = "migrations", defaultSensitive = true)
public class MigrationsEndpoint {
    private final Migrator migrator;

    public MigrationsEndpoint(AppMigrator appMigrator, DataSource dataSource) {
        this.migrator = appMigrator.against(dataSource);
    }

    @Read
    public Map<String, Object> migrations() {
        return StatusJson.of(migrator.status());
    }
}
