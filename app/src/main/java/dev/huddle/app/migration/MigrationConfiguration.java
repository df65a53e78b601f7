package dev.huddle.app.migration;

import dev.huddle.migration.Migrations;
import dev.huddle.migration.settings.Durations;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.nio.file.Path;
import java.time.Duration;

/** {@code huddle.migration.*}: the boot mode and an optional folder of extra modules. */
@ConfigurationProperties("huddle.migration")
public class MigrationConfiguration {
    private MigrationMode mode = MigrationMode.MIGRATE;
    private Duration lockTimeout = Migrations.DEFAULT_LOCK_TIMEOUT;
    private Duration connectTimeout = Duration.ofSeconds(30);
    private boolean transactionPerMigration;
    @Nullable
    private Path modulesDir;
    @Nullable
    private String historySchema;

    public MigrationMode getMode() {
        return mode;
    }

    /** Read here rather than by Micronaut, whose refusal of an unknown value does not list the allowed ones. */
    public void setMode(String mode) {
        this.mode = MigrationMode.parse(mode);
    }

    /** How long boot waits for another instance's migration lock ({@code huddle.migration.lock-timeout}). */
    public Duration getLockTimeout() {
        return lockTimeout;
    }

    /** Written as every Huddle duration is ({@link Durations}: {@code 60}, {@code 60s}, {@code 2m}, {@code 500ms}). */
    public void setLockTimeout(String lockTimeout) {
        this.lockTimeout = Durations.parse("huddle.migration.lock-timeout (HUDDLE_MIGRATION_LOCK_TIMEOUT)", lockTimeout);
    }

    /**
     * How long boot keeps retrying, with backoff, a database that cannot be reached yet (it may still be starting)
     * before giving up ({@code huddle.migration.connect-timeout}).
     */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /** Written as every Huddle duration is ({@link Durations}). */
    public void setConnectTimeout(String connectTimeout) {
        this.connectTimeout = Durations.parse("huddle.migration.connect-timeout (HUDDLE_MIGRATION_CONNECT_TIMEOUT)", connectTimeout);
    }

    /**
     * Commit after each migration at boot instead of once for all pending ones
     * ({@code huddle.migration.transaction-per-migration}): shorter locks, but a failure keeps the earlier ones.
     */
    public boolean isTransactionPerMigration() {
        return transactionPerMigration;
    }

    public void setTransactionPerMigration(boolean transactionPerMigration) {
        this.transactionPerMigration = transactionPerMigration;
    }

    /** Extra modules from disk (one subfolder each), as the runner's {@code --modules-dir}. */
    @Nullable
    public Path getModulesDir() {
        return modulesDir;
    }

    public void setModulesDir(@Nullable Path modulesDir) {
        this.modulesDir = modulesDir;
    }

    /**
     * The PostgreSQL schema of the history table ({@code huddle.migration.history-schema}); by default the connection's
     * current schema at start.
     */
    @Nullable
    public String getHistorySchema() {
        return historySchema;
    }

    public void setHistorySchema(@Nullable String historySchema) {
        this.historySchema = historySchema;
    }
}
