package dev.huddle.app;

import dev.huddle.migration.Migrations;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.plan.ResolvedScript;
import dev.huddle.migration.plan.ScriptDirectives;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules for the migrations Huddle's own modules ship, checked without a database. */
class ShippedMigrationsTest {

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyShippedMigrationHasADownScriptOrSaysWhyItCannot(Dialect dialect) {
        assertThat(Migrations.discover().plan(dialect).migrations())
                .isNotEmpty()
                .allSatisfy(script -> assertThat(script.reversible() || script.directives().has(ScriptDirectives.IRREVERSIBLE))
                        .as("%s ships no down script and is not marked '-- huddle:irreversible <reason>'", script.origin())
                        .isTrue());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyModuleIsDiscoveredAndPlansCleanly(Dialect dialect) {
        assertThat(Migrations.discover().plan(dialect).modules())
                .containsExactlyInAnyOrder("auth-hmac", "events-sync", "meetings", "signaling");
        assertThat(Migrations.discover().plan(dialect).migrations()).extracting(ResolvedScript::version).isSorted();
    }
}
