package dev.huddle.app;

import dev.huddle.migration.Migrations;
import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.connect.DatabaseTargets;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.discover.ModuleDiscovery;
import dev.huddle.migration.discover.ScriptFile;
import dev.huddle.migration.drift.ScratchDatabase;
import dev.huddle.migration.failure.SquashRefusedException;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.schema.SchemaModel;
import dev.huddle.migration.schema.SchemaReader;
import dev.huddle.migration.squash.SquashedBaseline;
import dev.huddle.migration.squash.Squasher;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code squash} on the modules Huddle ships, each copied to a temporary modules folder: the baseline it writes builds,
 * on a fresh database, the same schema as the module's migrations; and the modules whose migrations leave rows or make a
 * role are refused.
 */
class SquashShippedModulesIT {
    @TempDir
    Path temp;

    @ParameterizedTest
    @CsvSource({"POSTGRESQL, meetings, 20261201113000", "SQLITE, meetings, 20261201113000",
            "POSTGRESQL, signaling, 20250625080000", "SQLITE, signaling, 20250625080000",
            "POSTGRESQL, events-sync, 20261201120100", "SQLITE, events-sync, 20261201120100"})
    void squashedShippedModuleBuildsTheSameSchemaAsItsMigrations(Engine engine, String module, String toVersion) throws Exception {
        Dialect dialect = engine == Engine.POSTGRESQL ? Dialect.POSTGRESQL : Dialect.SQLITE;
        Path modules = copyOf(module);
        MigrationPlan plan = Migrations.of(ModuleDiscovery.inDirectory(modules)).plan(dialect);

        SquashedBaseline baseline = Squasher.squash(plan, module, toVersion, scratch(engine));
        Path folder = Files.createDirectories(modules.resolve(module).resolve(ModuleDescriptor.SQUASHED).resolve(dialect.folderName()));
        Files.writeString(folder.resolve(baseline.fileName()), baseline.sql());

        TestDatabase squashed = TestDatabases.fresh(engine);
        TestDatabase original = TestDatabases.fresh(engine);
        Migrations withBaseline = Migrations.of(ModuleDiscovery.inDirectory(modules));
        assertThat(withBaseline.against(target(squashed)).pending(null).get(0).sql()).contains("Squashed baseline of module " + module);
        withBaseline.against(target(squashed)).up();
        Migrations.discover().onlyModules(List.of(module)).against(target(original)).up();

        assertThat(schema(squashed, dialect)).isEqualTo(schema(original, dialect));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesModulesWhoseMigrationsLeaveRowsOrMakeARole(Engine engine) {
        Dialect dialect = engine == Engine.POSTGRESQL ? Dialect.POSTGRESQL : Dialect.SQLITE;
        MigrationPlan plan = Migrations.discover().plan(dialect);

        assertThatThrownBy(() -> Squasher.squash(plan, "auth-hmac", "20250620101010", scratch(engine)))
                .isInstanceOf(SquashRefusedException.class).hasMessageContaining("leave rows in server_settings (1 row)");
        if (engine == Engine.POSTGRESQL) {
            assertThatThrownBy(() -> Squasher.squash(plan, "events-sync", "20261201120200", scratch(engine)))
                    .isInstanceOf(SquashRefusedException.class).hasMessageContaining("V20261201120200__admin_console_read_only_role.sql has '");
        }
    }

    private static Supplier<ScratchDatabase> scratch(Engine engine) {
        if (engine == Engine.SQLITE) {
            return ScratchDatabase::inMemorySqlite;
        }
        DatabaseTarget server = target(TestDatabases.fresh(Engine.POSTGRESQL));
        return () -> ScratchDatabase.beside(server);
    }

    /** The module's up and down scripts of both dialects, laid out as a --modules-dir module. */
    private Path copyOf(String module) throws Exception {
        ModuleDescriptor packed = Migrations.discover().modules().stream().filter(each -> each.name().equals(module)).findFirst().orElseThrow();
        Path dir = temp.resolve("modules").resolve(module);
        for (Dialect dialect : Dialect.values()) {
            copy(packed.scripts(dialect).list(), Files.createDirectories(dir.resolve(dialect.folderName())));
            copy(packed.downScripts(dialect).list(), Files.createDirectories(dir.resolve("down").resolve(dialect.folderName())));
        }
        return temp.resolve("modules");
    }

    private static void copy(List<ScriptFile> files, Path folder) throws Exception {
        for (ScriptFile file : files) {
            Files.writeString(folder.resolve(file.fileName()), file.content().get());
        }
    }

    private static DatabaseTarget target(TestDatabase database) {
        return DatabaseTargets.fromUrl(database.url());
    }

    private static SchemaModel schema(TestDatabase database, Dialect dialect) throws Exception {
        try (Connection connection = database.connect()) {
            return SchemaReader.of(dialect).read(connection).withoutTables(Set.of("huddle_schema_history"));
        }
    }
}
