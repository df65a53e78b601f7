package dev.huddle.app.migration;

import dev.huddle.migration.Migrator;
import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.execute.MigrationStep;
import dev.huddle.migration.execute.UpResult;
import dev.huddle.migration.failure.InconsistentHistoryException;
import dev.huddle.migration.failure.MigrationFailedException;
import dev.huddle.migration.failure.PendingMigrationsException;
import dev.huddle.migration.status.MigrationState;
import dev.huddle.migration.status.MigrationStatus;
import dev.huddle.migration.status.StatusReport;
import dev.huddle.migration.status.ValidationReport;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Migrates the DataSource the moment it is created, so no bean can use it before its schema is current. A failure
 * here fails the DataSource bean, which stops the boot with the failing script named.
 */
@Singleton
public class BootMigration implements BeanCreatedEventListener<DataSource> {
    private static final Logger LOG = LoggerFactory.getLogger(BootMigration.class);

    private final AppMigrator appMigrator;
    private final MigrationConfiguration configuration;
    private final DatabaseTarget target;
    private volatile List<MigrationStep> appliedAtBoot = List.of();

    public BootMigration(AppMigrator appMigrator, MigrationConfiguration configuration, DatabaseTarget target) {
        this.appMigrator = appMigrator;
        this.configuration = configuration;
        this.target = target;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource dataSource = event.getBean();
        if (configuration.getMode() == MigrationMode.OFF) {
            LOG.info("Boot migration is off (huddle.migration.mode=off)");
            return dataSource;
        }
        Migrator migrator = appMigrator.against(dataSource);
        new ConnectRetry(configuration.getConnectTimeout()).run(() -> {
            awaitReachable();
            if (configuration.getMode() == MigrationMode.VALIDATE) {
                refuseUnlessCurrent(migrator);
            } else {
                migrate(migrator);
            }
        });
        return dataSource;
    }

    /**
     * Opens and closes one connection straight from the driver, not the pool: a refused or missing database then fails
     * as soon as the database says so, where the pool would wait out its whole connection timeout on every attempt and
     * leave the retry no backoff to speak of.
     */
    private void awaitReachable() {
        try (Connection ignored = target.connect()) {
            LOG.debug("Database {} is reachable", target);
        } catch (SQLException e) {
            // Closing failed after the connection opened: the database is reachable, which is all this asked.
        }
    }

    /** The migrations this boot applied, in order; empty before the boot migration ran, or when it had nothing to do. */
    public List<MigrationStep> appliedAtBoot() {
        return appliedAtBoot;
    }

    private void migrate(Migrator migrator) {
        long started = System.nanoTime();
        BootMigrationLog log = new BootMigrationLog(LOG);
        UpResult result;
        try {
            result = migrator.up(null, log);
        } catch (MigrationFailedException e) {
            log.failed(e);
            throw e;
        }
        appliedAtBoot = List.copyOf(result.applied());
        LOG.info("Schema is current: {} migration(s) applied at boot in {} ms", result.applied().size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static void refuseUnlessCurrent(Migrator migrator) {
        ValidationReport validation = migrator.validate();
        if (!validation.isClean()) {
            throw new InconsistentHistoryException(validation, validation.blockingUp());
        }
        StatusReport status = migrator.status();
        if (status.count(MigrationState.PENDING) > 0) {
            throw new PendingMigrationsException(status.inState(MigrationState.PENDING).stream().map(MigrationStatus::script).toList());
        }
        LOG.info("Schema is current: {} migration(s) applied, none pending", status.appliedCount());
    }
}
