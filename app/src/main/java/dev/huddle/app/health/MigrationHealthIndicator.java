package dev.huddle.app.health;

import dev.huddle.app.migration.AppMigrator;
import dev.huddle.migration.Migrator;
import dev.huddle.migration.status.MigrationState;
import dev.huddle.migration.status.StatusReport;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.Map;

/** Adds {@code migrations: {applied, pending, ...}} to /health; DOWN when the history cannot be read. */
@Singleton
public class MigrationHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final Migrator migrator;

    public MigrationHealthIndicator(AppMigrator appMigrator, DataSource dataSource) {
        this.migrator = appMigrator.against(dataSource);
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        StatusReport report = migrator.status();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("dialect", report.dialect().folderName());
        details.put("applied", report.appliedCount());
        details.put("pending", report.count(MigrationState.PENDING));
        details.put("failed", report.count(MigrationState.FAILED));
        details.put("excluded", report.count(MigrationState.EXCLUDED));
        healthStatus = report.count(MigrationState.FAILED) > 0 ? HealthStatus.DOWN : HealthStatus.UP;
        return details;
    }

    @Override
    protected String getName() {
        return "migrations";
    }
}
