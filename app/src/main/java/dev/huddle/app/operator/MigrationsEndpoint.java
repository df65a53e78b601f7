package dev.huddle.app.operator;

import dev.huddle.app.health.SchemaDrift;
import dev.huddle.app.migration.AppMigrator;
import dev.huddle.migration.Migrator;
import dev.huddle.migration.status.StatusJson;
import io.micronaut.context.BeanProvider;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import io.micronaut.management.endpoint.annotation.Selector;

import javax.sql.DataSource;
import java.util.Map;

/**
 * {@code GET /migrations}: every migration with its module, version, state, install time and duration, the in-memory
 * tables, and a count per state, as {@code huddle-migrate status --json} prints them. {@code GET /migrations/drift}: the
 * live schema compared with the migrations' ({@link SchemaDrift}), on request, whatever {@code huddle.health.drift} says.
 *
 * <p>Sensitive by default, like the other endpoints that show a system's insides: it names every table, column and
 * script, so it answers 401 until security is configured or an operator sets {@code endpoints.migrations.sensitive=false}
 * (on a management port, say). The drift check is here rather than behind a parameter of the anonymous /health for the
 * same reason, and because it costs a scratch database on first use: only whoever may read /migrations can trigger it,
 * and its answer is cached besides.
 */
@Endpoint(id = "migrations", defaultSensitive = true)
public class MigrationsEndpoint {
    private static final String DRIFT = "drift";

    private final Migrator migrator;
    private final BeanProvider<SchemaDrift> drift;

    public MigrationsEndpoint(AppMigrator appMigrator, DataSource dataSource, BeanProvider<SchemaDrift> drift) {
        this.migrator = appMigrator.against(dataSource);
        this.drift = drift;
    }

    @Read
    public Map<String, Object> migrations() {
        return StatusJson.of(migrator.status());
    }

    /** {@code /migrations/drift}; any other part answers 404. */
    @Read
    public Map<String, Object> part(@Selector String part) {
        return DRIFT.equals(part) ? drift.get().details() : null;
    }
}
