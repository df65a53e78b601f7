package dev.huddle.app.operator;

import dev.huddle.app.migration.AppMigrator;
import dev.huddle.app.migration.BootMigration;
import dev.huddle.migration.execute.MigrationStep;
import dev.huddle.migration.status.MigrationState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

/**
 * Registers the migration metrics once the app has started, so after the boot migration: a gauge
 * {@code huddle.migrations} per state ({@code applied}, {@code pending}, {@code failed}) read from the history, and a
 * timer {@code huddle.migration.duration} per module holding each migration this boot applied. Prometheus reads them as
 * {@code huddle_migrations{state="pending"}} and {@code huddle_migration_duration_seconds_count{module="meetings"}}.
 */
@Singleton
@Requires(beans = MeterRegistry.class)
public class MigrationMetrics implements ApplicationEventListener<StartupEvent> {
    static final String COUNT = "huddle.migrations";
    static final String DURATION = "huddle.migration.duration";
    private static final List<MigrationState> COUNTED = List.of(MigrationState.APPLIED, MigrationState.PENDING, MigrationState.FAILED);

    private final MeterRegistry registry;
    private final BootMigration bootMigration;
    private final MigrationCounts counts;

    public MigrationMetrics(MeterRegistry registry, BootMigration bootMigration, AppMigrator appMigrator, DataSource dataSource) {
        this.registry = registry;
        this.bootMigration = bootMigration;
        this.counts = new MigrationCounts(appMigrator.against(dataSource));
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        for (MigrationState state : COUNTED) {
            Gauge.builder(COUNT, counts, each -> each.count(state)).tag("state", state.label())
                    .description("Migrations in this state in the history (applied includes out of order)").register(registry);
        }
        for (MigrationStep step : bootMigration.appliedAtBoot()) {
            Timer.builder(DURATION).tag("module", step.module()).description("How long each migration applied at boot took")
                    .register(registry).record(Duration.ofMillis(step.executionTimeMillis()));
        }
    }
}
