package dev.huddle.migration.history;

import dev.huddle.migration.Interleaved;
import dev.huddle.migration.Scenarios;
import dev.huddle.migration.connect.DatabaseTargets;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.plan.Checksum;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class HistoryTableIT {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void readsNothingBeforeTheFirstMigration(Engine engine) throws Exception {
        try (Connection connection = TestDatabases.fresh(engine).connect()) {
            assertThat(table(engine).exists(connection)).isFalse();
            assertThat(table(engine).read(connection)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void readsNothingInsideATransactionBeforeTheFirstMigrationAndLeavesTheTransactionUsable(Engine engine) throws Exception {
        try (Connection connection = TestDatabases.fresh(engine).connect()) {
            connection.setAutoCommit(false);

            assertThat(table(engine).read(connection)).isEmpty();
            try (Statement statement = connection.createStatement()) {
                statement.execute("create table still_usable (id integer)");
            }
            connection.commit();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = "SQLITE")
    void readsSqlitesInstalledTimeTextAsUtc(Engine engine) throws Exception {
        TestDatabase database = migrated(engine);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("update huddle_schema_history set installed_on = '2025-06-15 05:18:28' where installed_rank = 1");

            assertThat(table(engine).read(connection).get(0).installedOn()).isEqualTo(Instant.parse("2025-06-15T05:18:28Z"));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void readsEveryAppliedRowInInstalledOrderWithItsModuleAndChecksum(Engine engine) throws Exception {
        TestDatabase database = migrated(engine);
        Path alphaScript = Scenarios.script(Interleaved.path(), "alpha", Scenarios.dialectOf(engine),
                "V20250101000000__create_alpha_items.sql");

        try (Connection connection = database.connect()) {
            List<AppliedMigration> rows = table(engine).read(connection);

            assertThat(rows).extracting(AppliedMigration::installedRank).containsExactly(1, 2, 3, 4);
            assertThat(rows).extracting(AppliedMigration::module, AppliedMigration::fileName, AppliedMigration::description,
                    AppliedMigration::success).containsExactlyElementsOf(Interleaved.MIGRATIONS.stream()
                    .map(m -> tuple(m.module(), m.fileName(), m.description(), true)).toList());
            assertThat(rows.get(0).checksum()).isEqualTo(Checksum.of(Scenarios.read(alphaScript)));
            assertThat(rows).allSatisfy(row -> assertThat(row.installedOn()).isNotNull());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRowWithoutChecksumNeverPassesValidation(Engine engine) throws Exception {
        TestDatabase database = migrated(engine);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("update huddle_schema_history set checksum = null where installed_rank = 1");
        }

        assertThat(Scenarios.migrations(Interleaved.path()).against(DatabaseTargets.fromUrl(database.url())).validate()
                .problems()).singleElement().asString().contains("V20250101000000__create_alpha_items.sql", "was edited");
        try (Connection connection = database.connect()) {
            assertThat(table(engine).read(connection).get(0).checksum()).isNull();
        }
    }

    private static HistoryTable table(Engine engine) {
        return engine == Engine.SQLITE ? new HistoryTable(Dialect.SQLITE, "main") : new HistoryTable(Dialect.POSTGRESQL, "public");
    }

    private static TestDatabase migrated(Engine engine) {
        TestDatabase database = TestDatabases.fresh(engine);
        Scenarios.migrations(Interleaved.path()).against(DatabaseTargets.fromUrl(database.url())).up();
        return database;
    }
}
