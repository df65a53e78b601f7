package dev.huddle.app;

import dev.huddle.migration.Migrations;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.discover.ModuleSources;
import dev.huddle.migration.integrity.IntegrityCheck;
import dev.huddle.migration.integrity.MigrationOrderCheck;
import dev.huddle.migration.lint.MigrationLinter;
import dev.huddle.migration.plan.ResolvedScript;
import dev.huddle.migration.plan.ScriptDirectives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules for the migrations Huddle's own modules ship, checked by the build without a database. They read the
 * modules' source folders, so an edit fails here before any jar is built from it.
 */
class ShippedMigrationsTest {
    /** The repository root: Maven runs this module's tests in app/. */
    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyShippedMigrationHasADownScriptOrSaysWhyItCannot(Dialect dialect) {
        assertThat(Migrations.discover().checkedPlan(dialect).migrations())
                .isNotEmpty()
                .allSatisfy(script -> assertThat(script.reversible() || script.directives().has(ScriptDirectives.IRREVERSIBLE))
                        .as("%s ships no down script and is not marked '-- huddle:irreversible <reason>'", script.origin())
                        .isTrue());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyModuleIsDiscoveredAndPlansCleanly(Dialect dialect) {
        assertThat(Migrations.discover().checkedPlan(dialect).modules())
                .containsExactlyInAnyOrder("auth-hmac", "events-sync", "meetings", "signaling");
        assertThat(Migrations.discover().checkedPlan(dialect).migrations()).extracting(ResolvedScript::version).isSorted();
    }

    @Test
    void everyShippedScriptIsSealedAndUnchanged() {
        ModuleSources sources = new ModuleSources(PROJECT);
        for (ModuleDescriptor module : Migrations.discover().modules()) {
            IntegrityCheck check = IntegrityCheck.of(sources.view(module));
            assertThat(check.hasManifest()).as("%s has no %s: run 'huddle-migrate seal %s'", module.name(),
                    ModuleDescriptor.MANIFEST_FILE, module.name()).isTrue();
            assertThat(check.problems()).as("shipped scripts of %s", module.name()).isEmpty();
            assertThat(check.resealNeeded()).as("sealed scripts of %s changed since", module.name()).isEmpty();
            assertThat(check.unsealed().keySet()).as("scripts of %s not sealed yet: run 'huddle-migrate seal %s' and commit "
                    + "the manifest", module.name(), module.name()).isEmpty();
        }
    }

    /** The lint {@code validate} runs: both dialects, each with its own rules. */
    @Test
    void shippedScriptsPassLintOrSayWhyNot() {
        assertThat(MigrationLinter.lint(Migrations.discover()::checkedPlan)).as("silence a finding only with '-- huddle:lint-ignore <rule> <reason>'").isEmpty();
    }

    /** The order check {@code validate} runs when it finds the order file. */
    @Test
    void theOrderFileListsEveryMigrationAndOnlyAppends() {
        Migrations migrations = Migrations.discover();

        assertThat(MigrationOrderCheck.check(new ModuleSources(PROJECT).orderFile(), migrations.modules(), migrations::plan)).isEmpty();
    }
}
