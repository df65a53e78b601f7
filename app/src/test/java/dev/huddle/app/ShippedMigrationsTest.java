package dev.huddle.app;

import dev.huddle.migration.Migrations;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.discover.ModuleSources;
import dev.huddle.migration.integrity.IntegrityCheck;
import dev.huddle.migration.integrity.MigrationOrder;
import dev.huddle.migration.lint.MigrationLinter;
import dev.huddle.migration.plan.ResolvedScript;
import dev.huddle.migration.plan.ScriptDirectives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
            assertThat(check.unsealed().keySet()).as("scripts of %s not sealed yet: run 'huddle-migrate seal %s' and commit "
                    + "the manifest", module.name(), module.name()).isEmpty();
        }
    }

    @Test
    void shippedPostgresScriptsPassLintOrSayWhyNot() {
        assertThat(MigrationLinter.lint(Migrations.discover().checkedPlan(Dialect.POSTGRESQL).migrations()))
                .as("silence a finding only with '-- huddle:lint-ignore <rule> <reason>'").isEmpty();
    }

    @Test
    void theOrderFileListsEveryMigrationAndOnlyAppends() throws Exception {
        MigrationOrder order = MigrationOrder.parse(Files.readString(new ModuleSources(PROJECT).orderFile()));
        List<ResolvedScript> migrations = Migrations.discover().checkedPlan(Dialect.POSTGRESQL).migrations();
        Map<String, ResolvedScript> byVersion = migrations.stream().collect(Collectors.toMap(ResolvedScript::version, s -> s));

        assertThat(order.entries()).extracting(MigrationOrder.Entry::version)
                .as("migration-order.txt lists each migration once; run 'huddle-migrate seal' for new ones")
                .containsExactlyInAnyOrderElementsOf(byVersion.keySet());
        String newest = "";
        for (MigrationOrder.Entry entry : order.entries()) {
            ResolvedScript script = byVersion.get(entry.version());
            assertThat(entry.module()).as("module of %s in migration-order.txt", entry.version()).isEqualTo(script.module());
            if (entry.version().compareTo(newest) < 0) {
                assertThat(script.directives().hasWithReason(ScriptDirectives.OUT_OF_ORDER))
                        .as("%s joined after %s but is older: give it a later timestamp, or allow it with "
                                + "'-- huddle:out-of-order <reason>'", script.origin(), newest)
                        .isTrue();
            } else {
                newest = entry.version();
            }
        }
    }
}
