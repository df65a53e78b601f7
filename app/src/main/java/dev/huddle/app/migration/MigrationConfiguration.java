package dev.huddle.app.migration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.nio.file.Path;

/** {@code huddle.migration.*}: the boot mode and an optional folder of extra modules. */
@ConfigurationProperties("huddle.migration")
public class MigrationConfiguration {
    private MigrationMode mode = MigrationMode.MIGRATE;
    @Nullable
    private Path modulesDir;

    public MigrationMode getMode() {
        return mode;
    }

    public void setMode(MigrationMode mode) {
        this.mode = mode;
    }

    /** Extra modules from disk (one subfolder each), as the runner's {@code --modules-dir}. */
    @Nullable
    public Path getModulesDir() {
        return modulesDir;
    }

    public void setModulesDir(@Nullable Path modulesDir) {
        this.modulesDir = modulesDir;
    }
}
