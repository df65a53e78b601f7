package dev.huddle.app.health;

import dev.huddle.app.migration.AppMigrator;
import dev.huddle.migration.Migrator;
import dev.huddle.migration.status.MigrationState;
import dev.huddle.migration.status.StatusReport;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds {@code migrations: {applied, pending, ...}} to /health; DOWN when the history cannot be read. With
 * {@code huddle.health.drift=true} it adds {@code drift} ({@link SchemaDrift}); drift leaves the status UP, since a
 * schema changed by hand still serves: monitors alert on {@code drift.clean}.
 */
@Singleton
public class MigrationHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final Migrator migrator;
    private final boolean reportDrift;
    private final BeanProvider<SchemaDrift> drift;

    public MigrationHealthIndicator(AppMigrator appMigrator, DataSource dataSource, @Value("${huddle.health.drift:false}") boolean reportDrift,
                                    BeanProvider<SchemaDrift> drift) {
        this.migrator = appMigrator.against(dataSource);
        this.reportDrift = reportDrift;
        this.drift = drift;
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
        if (reportDrift) {
            details.put("drift", drift.get().details());
        }
        healthStatus = report.count(MigrationState.FAILED) > 0 ? HealthStatus.DOWN : HealthStatus.UP;
        return details;
    }

    @Override
    protected String getName() {
        return "migrations";
    }
}
