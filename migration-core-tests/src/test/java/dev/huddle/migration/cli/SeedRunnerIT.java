package dev.huddle.migration.cli;

import dev.huddle.migration.Scenarios;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.Queries;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code seed} fills a migrated database once, refuses one holding data, and with --force replaces it; all or nothing. */
class SeedRunnerIT {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void seedsOnceThenRefusesUntilForced(Engine engine) throws SQLException {
        Path modules = Scenarios.copy("seeded", temp);
        TestDatabase database = Scenarios.migrated(engine, modules);

        Run first = run(database, modules.toString(), "seed");
        assertThat(first.code()).as(first.err()).isEqualTo(ExitCodes.OK);
        assertThat(first.out()).contains("seeded   alpha", "alpha_items", "Seeded 1 module.");
        assertThat(rows(database, "alpha_tags")).isEqualTo(3);

        Run again = run(database, modules.toString(), "seed");
        assertThat(again.code()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(again.err()).contains("already holds data in alpha_items (2 rows), alpha_tags (3 rows)", "--force");

        Run forced = run(database, modules.toString(), "seed", "--force");
        assertThat(forced.code()).as(forced.err()).isEqualTo(ExitCodes.OK);
        assertThat(forced.out()).contains("cleared  alpha_tags, alpha_items");
        assertThat(rows(database, "alpha_items")).isEqualTo(2);
        assertThat(rows(database, "alpha_tags")).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFailingSeedScriptLeavesTheDatabaseAsItWas(Engine engine) throws SQLException {
        Path modules = Scenarios.copy("seeded", temp);
        TestDatabase database = Scenarios.migrated(engine, modules);
        run(database, modules.toString(), "seed");
        Scenarios.write(modules.resolve("alpha/seed").resolve(engine == Engine.SQLITE ? "sqlite" : "postgresql").resolve("seed.sql"),
                "-- huddle:seed-tables alpha_items, alpha_tags\ninsert into alpha_items (id, name) values (7, 'kept?');\n"
                        + "insert into alpha_missing (id) values (1);\n");

        Run forced = run(database, modules.toString(), "seed", "--force");

        assertThat(forced.code()).isEqualTo(ExitCodes.MIGRATION_FAILED);
        assertThat(forced.err()).contains("seed.sql failed at line 3", "Nothing was seeded");
        assertThat(rows(database, "alpha_items")).isEqualTo(2);
        assertThat(rows(database, "alpha_tags")).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesAnUnmigratedDatabaseNamingTheFix(Engine engine) {
        Run seed = run(TestDatabases.fresh(engine), Scenarios.copy("seeded", temp).toString(), "seed");

        assertThat(seed.code()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(seed.err()).contains("Cannot count the rows of alpha_items", "Migrate the database up first");
    }

    private static long rows(TestDatabase database, String table) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            return Queries.count(statement, "SELECT count(*) FROM " + table);
        }
    }
}
