package dev.huddle.testdatabases;

import dev.huddle.migration.Migrations;
import dev.huddle.migration.discover.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A template is reused exactly while what it was built from is unchanged. */
class PlanFingerprintTest {
    private final Migrations fixture = FixtureModules.migrations();

    @Test
    void selectsTheNamedModulesWithEveryModuleTheyDependOn() {
        assertThat(PlanFingerprint.of(fixture, List.of("orders"), Dialect.SQLITE).modules()).containsExactly("catalog", "orders");
    }

    @Test
    void isTheSameForTheSamePlanAndDiffersByModulesAndDialect() {
        String orders = PlanFingerprint.of(fixture, List.of("orders"), Dialect.POSTGRESQL).hash();

        assertThat(PlanFingerprint.of(FixtureModules.migrations(), List.of("orders"), Dialect.POSTGRESQL).hash()).isEqualTo(orders);
        assertThat(PlanFingerprint.of(fixture, List.of("catalog"), Dialect.POSTGRESQL).hash()).isNotEqualTo(orders);
        assertThat(PlanFingerprint.of(fixture, List.of("orders"), Dialect.SQLITE).hash()).isNotEqualTo(orders);
    }

    @Test
    void changesWhenAScriptChanges(@TempDir Path copy) throws IOException {
        Migrations migrations = FixtureModules.uniqueCopy(copy);
        String before = PlanFingerprint.of(migrations, List.of("orders"), Dialect.POSTGRESQL).hash();
        Path script = copy.resolve("catalog/postgresql/V20250101000000__create_catalog_items.sql");

        Files.writeString(script, Files.readString(script) + "create index idx_catalog_items_name on catalog_items (name);\n");

        assertThat(PlanFingerprint.of(migrations, List.of("orders"), Dialect.POSTGRESQL).hash()).isNotEqualTo(before);
    }
}
