package dev.huddle.migration.execute;

import dev.huddle.migration.Scenarios;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static dev.huddle.migration.Scenarios.migrator;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL refuses to use an enum value in the transaction that added it. A run that adds a value and, in a later
 * migration, uses it must still work on a fresh database in one {@code up}: the run commits after the migration that
 * adds the value.
 */
class PostgresEnumValueIT {
    @TempDir
    Path modules;

    @Test
    void aValueAddedByOneMigrationCanBeUsedByTheNextInTheSameRun() throws Exception {
        TestDatabase database = TestDatabases.fresh(Engine.POSTGRESQL);
        write("V20250101000000__meeting_status.sql", """
                create type meeting_status as enum ('scheduled', 'active');
                create table meetings (id integer primary key, status meeting_status not null);
                """);
        write("V20250102000000__add_ended_status.sql", "alter type meeting_status add value 'ended';\n");
        write("V20250103000000__end_old_meetings.sql", """
                insert into meetings values (1, 'active');
                update meetings set status = 'ended' where id = 1;
                """);

        var result = migrator(modules, database).up();

        assertThat(result.applied()).hasSize(3);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet status = statement.executeQuery("select status::text from meetings")) {
            status.next();
            assertThat(status.getString(1)).isEqualTo("ended");
        }
    }

    private void write(String fileName, String postgresScript) {
        Scenarios.write(Scenarios.script(modules, "meetings", Dialect.POSTGRESQL, fileName), postgresScript);
        Scenarios.write(Scenarios.script(modules, "meetings", Dialect.SQLITE, fileName), "select 1;\n");
    }
}
