package dev.huddle.migration.execute;

import dev.huddle.migration.Scenarios;
import dev.huddle.migration.connect.DatabaseTargets;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.failure.DatabaseUnreachableException;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A full disk is reported as a full disk, not as the failed rollback that follows it (SQLite has already rolled back
 * by then), and the run changes nothing. {@code max_page_count} makes the file full without filling a real disk.
 */
class SqliteDiskFullIT {
    @TempDir
    Path modules;

    @Test
    void aFullDatabaseIsReportedAsFullAndChangesNothing() throws Exception {
        Path file = TestDatabases.newSqliteFile();
        Scenarios.write(Scenarios.script(modules, "bulk", Dialect.SQLITE, "V20250101000000__items.sql"),
                "create table items (id integer primary key, body text);\n");
        Scenarios.write(Scenarios.script(modules, "bulk", Dialect.POSTGRESQL, "V20250101000000__items.sql"), "select 1;\n");
        Scenarios.migrations(modules).against(DatabaseTargets.fromUrl("jdbc:sqlite:" + file)).up();
        Scenarios.write(Scenarios.script(modules, "bulk", Dialect.SQLITE, "V20250102000000__fill.sql"),
                "insert into items (body) select printf('%.1000c', 'x') from generate_series(1, 500);\n".replace(
                        "from generate_series(1, 500)", "from (with recursive n(i) as (select 1 union all select i + 1 from n where i < 500) select i from n)"));
        Scenarios.write(Scenarios.script(modules, "bulk", Dialect.POSTGRESQL, "V20250102000000__fill.sql"), "select 1;\n");

        assertThatThrownBy(() -> Scenarios.migrations(modules).against(DatabaseTargets.fromUrl("jdbc:sqlite:" + file + "?max_page_count=8")).up())
                .isInstanceOf(DatabaseUnreachableException.class)
                .hasMessageContaining("is full")
                .hasMessageContaining("SQLITE_FULL")
                .hasMessageNotContaining("cannot rollback");

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select (select count(*) from items), (select count(*) from huddle_schema_history)")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
            assertThat(rows.getInt(2)).isEqualTo(1);
        }
    }
}
