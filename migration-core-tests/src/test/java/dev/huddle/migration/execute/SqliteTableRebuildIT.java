package dev.huddle.migration.execute;

import dev.huddle.migration.Scenarios;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.failure.MigrationFailedException;
import dev.huddle.migration.rollback.RollbackRequest;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SQLite's standard table rebuild (create the new table, copy, drop the old one, rename) of a table that children
 * reference with ON DELETE CASCADE: with enforcement on inside the migration's transaction, the drop would delete
 * every child row and the run would report success.
 */
class SqliteTableRebuildIT {
    private static final String PARENT_AND_CHILD = """
            create table rooms (id integer primary key, name text not null);
            create table messages (id integer primary key, room_id integer not null references rooms (id) on delete cascade, body text);
            insert into rooms (id, name) values (1, 'lobby'), (2, 'stage');
            insert into messages (room_id, body) values (1, 'hello'), (1, 'again'), (2, 'hi');
            """;
    private static final String REBUILD = """
            create table rooms_new (id integer primary key, name text not null, topic text not null default '');
            insert into rooms_new (id, name) select id, name from rooms;
            drop table rooms;
            alter table rooms_new rename to rooms;
            """;

    @TempDir
    Path modules;

    @Test
    void aTableRebuildKeepsTheRowsOfTablesThatReferenceIt() throws Exception {
        TestDatabase database = TestDatabases.fresh(Engine.SQLITE);
        write("V20250101000000__rooms_and_messages.sql", PARENT_AND_CHILD);
        write("V20250102000000__rebuild_rooms_with_topic.sql", REBUILD);

        migrator(modules, database).up();

        assertThat(count(database, "select count(*) from messages")).isEqualTo(3);
        assertThat(count(database, "select count(*) from pragma_table_info('rooms') where name = 'topic'")).isEqualTo(1);
        assertThat(count(database, "select count(*) from pragma_foreign_key_check")).isZero();
    }

    @Test
    void enforcementIsBackOnAfterTheRunForTheNextMigrationAndTheApp() throws Exception {
        TestDatabase database = TestDatabases.fresh(Engine.SQLITE);
        write("V20250101000000__rooms_and_messages.sql", PARENT_AND_CHILD);
        write("V20250102000000__rebuild_rooms_with_topic.sql", REBUILD);
        migrator(modules, database).up();
        // A later migration in its own run: a cascade its author relies on still happens.
        write("V20250103000000__close_the_stage.sql", "delete from rooms where id = 2;\n");

        migrator(modules, database).up();

        assertThat(count(database, "select count(*) from messages")).isEqualTo(2);
    }

    @Test
    void aRebuildThatLosesReferencedRowsIsRefusedNamingThemAndChangesNothing() throws Exception {
        TestDatabase database = TestDatabases.fresh(Engine.SQLITE);
        write("V20250101000000__rooms_and_messages.sql", PARENT_AND_CHILD);
        migrator(modules, database).up();
        write("V20250102000000__rebuild_without_the_stage.sql", REBUILD.replace("select id, name from rooms;",
                "select id, name from rooms where id = 1;"));

        assertThatThrownBy(() -> migrator(modules, database).up())
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("V20250102000000__rebuild_without_the_stage.sql")
                .hasMessageContaining("1 row references a parent row that no longer exists")
                .hasMessageContaining("messages rowid 3 -> rooms")
                .hasMessageContaining("rolled back");

        assertThat(count(database, "select count(*) from rooms")).isEqualTo(2);
        assertThat(count(database, "select count(*) from messages")).isEqualTo(3);
        assertThat(count(database, "select count(*) from pragma_table_info('rooms') where name = 'topic'")).isZero();
        assertThat(count(database, "select count(*) from huddle_schema_history")).isEqualTo(1);
    }

    @Test
    void aDownScriptThatRebuildsATableKeepsItsChildrenToo() throws Exception {
        TestDatabase database = TestDatabases.fresh(Engine.SQLITE);
        write("V20250101000000__rooms_and_messages.sql", PARENT_AND_CHILD);
        write("V20250102000000__rebuild_rooms_with_topic.sql", REBUILD);
        writeDown("U20250102000000__rebuild_rooms_with_topic.sql", """
                create table rooms_old (id integer primary key, name text not null);
                insert into rooms_old (id, name) select id, name from rooms;
                drop table rooms;
                alter table rooms_old rename to rooms;
                """);
        migrator(modules, database).up();

        migrator(modules, database).down(RollbackRequest.last());

        assertThat(count(database, "select count(*) from messages")).isEqualTo(3);
        assertThat(count(database, "select count(*) from pragma_table_info('rooms') where name = 'topic'")).isZero();
    }

    private void write(String fileName, String sqliteScript) {
        Scenarios.write(Scenarios.script(modules, "chat", Dialect.SQLITE, fileName), sqliteScript);
        Scenarios.write(Scenarios.script(modules, "chat", Dialect.POSTGRESQL, fileName), "select 1;\n");
    }

    private void writeDown(String fileName, String sqliteScript) {
        Scenarios.write(Scenarios.downScript(modules, "chat", Dialect.SQLITE, fileName), sqliteScript);
        Scenarios.write(Scenarios.downScript(modules, "chat", Dialect.POSTGRESQL, fileName), "select 1;\n");
    }

    private static long count(TestDatabase database, String sql) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
