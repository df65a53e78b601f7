package dev.huddle.migration.execute;

import dev.huddle.migration.Scenarios;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.failure.MigrationFailedException;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static dev.huddle.migration.Scenarios.migrator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code COPY ... FROM stdin} with its data inline, as pg_dump writes it: the data goes through the driver's copy API. */
class PostgresCopyIT {
    private static final String LOAD = """
            -- huddle:dialect-only a pg_dump excerpt
            create table rooms (id integer primary key, name text, note text);
            COPY rooms (id, name, note) FROM stdin;
            1\tlobby\t\\N
            2\tstage; main\tsemicolons and 'quotes' are data
            \\.
            insert into rooms values (3, 'after', null);
            """;

    @TempDir
    Path modules;

    @Test
    void loadsInlineCopyDataAndRunsWhatFollowsIt() throws Exception {
        TestDatabase database = TestDatabases.fresh(Engine.POSTGRESQL);
        Scenarios.write(Scenarios.script(modules, "rooms", Dialect.POSTGRESQL, "V20250101000000__load_rooms.sql"), LOAD);

        migrator(modules, database).up();

        List<String> rows = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select id, name, coalesce(note, '-') from rooms order by id")) {
            while (result.next()) {
                rows.add(result.getInt(1) + "|" + result.getString(2) + "|" + result.getString(3));
            }
        }
        assertThat(rows).containsExactly("1|lobby|-", "2|stage; main|semicolons and 'quotes' are data", "3|after|-");
    }

    @Test
    void aBadCopyRowIsNamedByItsStatementAndRollsTheRunBack() {
        TestDatabase database = TestDatabases.fresh(Engine.POSTGRESQL);
        Scenarios.write(Scenarios.script(modules, "rooms", Dialect.POSTGRESQL, "V20250101000000__load_rooms.sql"),
                LOAD.replace("2\tstage", "two\tstage"));

        assertThatThrownBy(() -> migrator(modules, database).up())
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("failed at line 3")
                .hasMessageContaining("Statement: COPY rooms (id, name, note) FROM stdin");
    }
}
