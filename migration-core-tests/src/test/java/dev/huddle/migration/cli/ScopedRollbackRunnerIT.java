package dev.huddle.migration.cli;

import dev.huddle.migration.Scenarios;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rolling back one module answers for that module and the modules that depend on it: a bad script in a module it does
 * not touch still stops {@code up}, but not {@code down --module}.
 */
class ScopedRollbackRunnerIT {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aModuleRollsBackWhileAnUnrelatedModuleHasABadScript(Engine engine) throws Exception {
        Path modules = Scenarios.copy("reversible", temp);
        TestDatabase database = Scenarios.migrated(engine, modules);
        Scenarios.writeInBothDialects(modules, "gamma", "V2025_not_a_timestamp__broken.sql", "create table gamma_items (id integer);\n");

        Run up = Run.run(database, modules.toString(), "up");
        Run down = Run.run(database, modules.toString(), "down", "--module", "beta", "--all");

        assertThat(up.code()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(up.err()).contains("gamma", "is not a valid migration name");
        assertThat(down.code()).as(down.err()).isZero();
        assertThat(down.out()).contains("beta");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aBadScriptInADependentModuleStillStopsTheRollbackOfWhatItDependsOn(Engine engine) throws Exception {
        Path modules = Scenarios.copy("reversible", temp);
        TestDatabase database = Scenarios.migrated(engine, modules);
        Scenarios.writeInBothDialects(modules, "beta", "V2025_not_a_timestamp__broken.sql", "create table beta_more (id integer);\n");

        Run down = Run.run(database, modules.toString(), "down", "--module", "alpha", "--all");

        assertThat(down.code()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(down.err()).contains("beta", "is not a valid migration name");
    }
}
