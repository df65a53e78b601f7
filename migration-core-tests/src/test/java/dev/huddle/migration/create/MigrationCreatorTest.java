package dev.huddle.migration.create;

import dev.huddle.migration.Scenarios;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.discover.ModuleDiscovery;
import dev.huddle.migration.failure.FileUnusableException;
import dev.huddle.migration.failure.UnknownModuleException;
import dev.huddle.migration.failure.UsageException;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.plan.MigrationPlanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationCreatorTest {
    private static final Clock JUNE_15 = Clock.fixed(Instant.parse("2025-06-15T05:18:28Z"), ZoneOffset.UTC);

    @TempDir
    Path project;

    @Test
    void writesAnUpAndADownScriptForEachDialectIntoTheModuleSources() throws Exception {
        Path resources = Files.createDirectories(project.resolve("alpha/src/main/resources"));

        CreatedMigration created = new MigrationCreator(List.of(classpathModule("alpha")), project, JUNE_15)
                .create("alpha", "Add whiteboard-table");

        assertThat(created.module()).isEqualTo("alpha");
        assertThat(created.version()).isEqualTo("20250615051828");
        assertThat(created.description()).isEqualTo("add_whiteboard_table");
        assertThat(created.files()).containsExactly(
                resources.resolve("db/huddle/alpha/postgresql/V20250615051828__add_whiteboard_table.sql"),
                resources.resolve("db/huddle-down/alpha/postgresql/U20250615051828__add_whiteboard_table.sql"),
                resources.resolve("db/huddle/alpha/sqlite/V20250615051828__add_whiteboard_table.sql"),
                resources.resolve("db/huddle-down/alpha/sqlite/U20250615051828__add_whiteboard_table.sql"));
        assertThat(Scenarios.files(project)).hasSize(4);
        assertThat(Scenarios.read(created.files().get(0))).startsWith("-- Add whiteboard table (postgresql).\n");
        assertThat(Scenarios.read(created.files().get(3)))
                .startsWith("-- Reverts V20250615051828__add_whiteboard_table.sql (sqlite)");
    }

    @Test
    void versionsWithTheUtcTimeWhateverTheClocksZone() throws Exception {
        Files.createDirectories(project.resolve("alpha/src/main/resources"));
        Clock paris = Clock.fixed(Instant.parse("2025-06-15T23:30:00Z"), ZoneId.of("Europe/Paris"));

        CreatedMigration created = new MigrationCreator(List.of(classpathModule("alpha")), project, paris).create("alpha", "x");

        assertThat(created.version()).isEqualTo("20250615233000");
    }

    @Test
    void writesAModulesDirModuleIntoItsOwnFolder() {
        Path modules = Scenarios.copy("reversible", project);

        CreatedMigration created = new MigrationCreator(ModuleDiscovery.inDirectory(modules), project, JUNE_15)
                .create("beta", "add beta colour");

        assertThat(created.files()).containsExactly(
                modules.resolve("beta/postgresql/V20250615051828__add_beta_colour.sql"),
                modules.resolve("beta/down/postgresql/U20250615051828__add_beta_colour.sql"),
                modules.resolve("beta/sqlite/V20250615051828__add_beta_colour.sql"),
                modules.resolve("beta/down/sqlite/U20250615051828__add_beta_colour.sql"));
        assertThatThrownBy(() -> new MigrationPlanner(ModuleDiscovery.inDirectory(modules)).checkedPlan(Dialect.SQLITE, List.of()))
                .as("planning refuses the templates until the change is written").hasMessageContaining("is empty");
        for (Path file : created.files()) {
            Scenarios.write(file, file.getFileName().toString().startsWith("V")
                    ? "create table beta_colours (id integer primary key);\n" : "drop table beta_colours;\n");
        }
        MigrationPlan plan = new MigrationPlanner(ModuleDiscovery.inDirectory(modules)).checkedPlan(Dialect.SQLITE, List.of());
        assertThat(plan.find("20250615051828")).get().satisfies(migration -> {
            assertThat(migration.module()).isEqualTo("beta");
            assertThat(migration.reversible()).isTrue();
        });
    }

    @ParameterizedTest
    @CsvSource({
            "2025-01-01T00:00:00Z, 20250105000001",
            "2025-01-05T00:00:00Z, 20250105000001",
            "2025-01-05T00:00:01Z, 20250105000001",
            "2025-01-05T00:00:02Z, 20250105000002",
    })
    void versionsOneSecondAfterTheNewestMigrationOfAnyModuleWhenTheClockIsNotPastIt(String now, String version) {
        Path modules = Scenarios.copy("reversible", project);
        Clock clock = Clock.fixed(Instant.parse(now), ZoneOffset.UTC);

        // beta's newest is 20250104000000; alpha's 20250105000000 is the newest of all.
        CreatedMigration created = new MigrationCreator(ModuleDiscovery.inDirectory(modules), project, clock).create("beta", "late change");

        assertThat(created.version()).isEqualTo(version);
    }

    @Test
    void versionsASecondMigrationOfAModulesDirModuleAfterTheFirstWithinTheSameSecond() {
        Path modules = Scenarios.copy("reversible", project);
        Clock clock = Clock.fixed(Instant.parse("2025-06-15T05:18:28Z"), ZoneOffset.UTC);

        CreatedMigration first = new MigrationCreator(ModuleDiscovery.inDirectory(modules), project, clock).create("alpha", "add a");
        CreatedMigration second = new MigrationCreator(ModuleDiscovery.inDirectory(modules), project, clock).create("alpha", "add b");

        assertThat(first.version()).isEqualTo("20250615051828");
        assertThat(second.version()).isEqualTo("20250615051829");
    }

    @Test
    void versionsASecondMigrationOfAClasspathModuleAfterTheFirstWithinTheSameSecond() throws Exception {
        Files.createDirectories(project.resolve("alpha/src/main/resources"));
        MigrationCreator creator = new MigrationCreator(List.of(classpathModule("alpha")), project, JUNE_15);

        CreatedMigration first = creator.create("alpha", "add a");
        CreatedMigration second = creator.create("alpha", "add b");

        assertThat(first.version()).isEqualTo("20250615051828");
        assertThat(second.version()).isEqualTo("20250615051829");
    }

    @Test
    void refusesAnUnknownModuleAndWritesNothing() throws Exception {
        Files.createDirectories(project.resolve("alpha/src/main/resources"));

        assertThatThrownBy(() -> new MigrationCreator(List.of(classpathModule("alpha")), project, JUNE_15).create("gamma", "add thing"))
                .isInstanceOf(UnknownModuleException.class)
                .hasMessage("Unknown module gamma. Known modules: alpha.");
        assertThat(Scenarios.files(project)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!!", "", "   ", "-_-", "add café table", "add table;"})
    void refusesADescriptionWithoutUsableWordsAndWritesNothing(String description) throws Exception {
        Files.createDirectories(project.resolve("alpha/src/main/resources"));

        assertThatThrownBy(() -> new MigrationCreator(List.of(classpathModule("alpha")), project, JUNE_15).create("alpha", description))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("Description '" + description + "' cannot be used");
        assertThat(Scenarios.files(project)).isEmpty();
    }

    @Test
    void refusesAModuleWhoseSourcesFolderIsMissingAndWritesNothing() {
        assertThatThrownBy(() -> new MigrationCreator(List.of(classpathModule("alpha")), project, JUNE_15).create("alpha", "add thing"))
                .isInstanceOf(FileUnusableException.class)
                .hasMessageContaining("Cannot find the sources of module alpha at " + project.resolve("alpha/src/main/resources"))
                .hasMessageContaining("--project-dir");
        assertThat(Scenarios.files(project)).isEmpty();
    }

    @Test
    void refusesToOverwriteAnExistingScriptAndWritesNothing() throws Exception {
        Path resources = Files.createDirectories(project.resolve("alpha/src/main/resources"));
        Path existing = resources.resolve("db/huddle-down/alpha/sqlite/U20250615051828__add_thing.sql");
        Files.createDirectories(existing.getParent());
        Files.writeString(existing, "-- already here\n");

        assertThatThrownBy(() -> new MigrationCreator(List.of(classpathModule("alpha")), project, JUNE_15).create("alpha", "add thing"))
                .isInstanceOf(FileUnusableException.class)
                .hasMessage(existing + " already exists; nothing was written.");
        assertThat(Scenarios.files(project)).containsExactly("alpha/src/main/resources/db/huddle-down/alpha/sqlite/U20250615051828__add_thing.sql");
        assertThat(Scenarios.read(existing)).isEqualTo("-- already here\n");
    }

    @ParameterizedTest
    @CsvSource({
            "Add whiteboard-table, add_whiteboard_table",
            "'  Add   whiteboard__table  ', add_whiteboard_table",
            "index meetings_by_room, index_meetings_by_room",
            "v2 of 3 things, v2_of_3_things",
            "-leading and trailing-, leading_and_trailing",
    })
    void snakeCasesADescription(String description, String snakeCase) {
        assertThat(MigrationCreator.snakeCase(description)).isEqualTo(snakeCase);
    }

    @Test
    void refusesNoDescriptionAtAll() {
        assertThatThrownBy(() -> MigrationCreator.snakeCase(null)).isInstanceOf(UsageException.class);
    }

    /** A module packed in a jar: its sources are looked up in the project folder. */
    private static ModuleDescriptor classpathModule(String name) {
        return Scenarios.classpathModule(name).build();
    }
}
