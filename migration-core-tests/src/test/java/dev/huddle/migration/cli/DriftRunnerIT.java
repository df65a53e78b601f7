package dev.huddle.migration.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.huddle.migration.Scenarios;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code drift} and {@code validate --drift}: the live schema against the one the migrations build on a scratch database. */
@Isolated
class DriftRunnerIT {
    private static final String MODULES = Scenarios.path("drift").toString();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aMigratedDatabaseHasNoDriftWhateverItsInMemoryTablesAndHistoryHold(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        run(database, MODULES, "up");
        LegacyDatabases.execute(database, "create table presence (room_id integer, who text)");
        int scratchBefore = scratchDatabases(database);

        Run drift = run(database, MODULES, "drift");
        Run validate = run(database, MODULES, "validate", "--drift");

        assertThat(drift.code()).as(drift.err()).isEqualTo(ExitCodes.OK);
        assertThat(drift.out()).contains("No drift: ", "chat, rooms");
        assertThat(validate.code()).as(validate.err()).isEqualTo(ExitCodes.OK);
        assertThat(scratchDatabases(database)).as("scratch databases left behind").isEqualTo(scratchBefore);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void changesMadeByHandAreListedUnderTheModuleThatOwnsThemAndExitThree(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        run(database, MODULES, "up");
        List<String> changes = new ArrayList<>(List.of("drop index idx_rooms_name", "alter table rooms drop column topic",
                "alter table messages add column edited_at text", "create table stray (id integer)"));
        if (engine == Engine.POSTGRESQL) {
            changes.addAll(List.of("alter type room_kind add value 'archived'", "alter table messages alter column body drop not null",
                    "alter table rooms alter column name type varchar(80)", "drop trigger trg_rooms_touch on rooms"));
        } else {
            changes.add("drop trigger trg_rooms_touch");
        }
        LegacyDatabases.execute(database, changes.toArray(String[]::new));

        Run drift = run(database, MODULES, "drift");

        assertThat(drift.code()).as(drift.out() + drift.err()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        String out = drift.out();
        // SQLite's pragma reports a declared type in upper case.
        String text = engine == Engine.SQLITE ? "TEXT" : "text";
        assertThat(out).contains("rooms:\n", "  - missing index rooms.idx_rooms_name (", "  - missing trigger rooms.trg_rooms_touch (",
                "chat:\n", "  - missing column rooms.topic (topic " + text + ")", "  - extra column messages.edited_at (edited_at " + text + ")",
                "(no module):\n", "  - extra table stray (id)");
        if (engine == Engine.POSTGRESQL) {
            assertThat(out).contains("  - extra enum value room_kind.archived",
                    "  - column messages.body nullability: expected not null, found null",
                    "  - column rooms.name type: expected text, found character varying(80)");
        }
        assertThat(out.indexOf("missing column rooms.topic")).as("a column chat added is chat's").isBetween(out.indexOf("chat:"), out.indexOf("rooms:"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void defaultsConstraintsAndFunctionsChangedByHandAreDrift(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        run(database, MODULES, "up");
        if (engine == Engine.POSTGRESQL) {
            LegacyDatabases.execute(database, "alter table messages drop constraint messages_room_id_fkey",
                    "alter table messages alter column body set default ''",
                    "create or replace function rooms_touch() returns trigger language plpgsql as $$ begin return new; end; $$");
        } else {
            // SQLite changes a key or a default only by building the table again, as its own ALTER TABLE guide says.
            LegacyDatabases.execute(database, "create table messages_new (id integer primary key, room_id integer not null, body text not null default '')",
                    "insert into messages_new select id, room_id, body from messages", "drop table messages",
                    "alter table messages_new rename to messages");
        }

        Run drift = run(database, MODULES, "drift");

        assertThat(drift.code()).as(drift.out() + drift.err()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(drift.out()).contains("chat:\n", "  - column messages.body default: expected none, found ''",
                engine == Engine.POSTGRESQL ? "  - missing constraint messages.messages_room_id_fkey (FOREIGN KEY (room_id) REFERENCES rooms(id) ON DELETE CASCADE)"
                        : "  - missing constraint messages.fk(room_id) (FOREIGN KEY (room_id) REFERENCES rooms(id) ON UPDATE NO ACTION ON DELETE CASCADE)");
        if (engine == Engine.POSTGRESQL) {
            assertThat(drift.out()).contains("rooms:\n", "  - function rooms_touch() definition: expected CREATE OR REPLACE FUNCTION");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void jsonNamesEachDifferenceAndPendingMigrationsShowAsMissing(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        run(database, MODULES, "up", "--target", "20250101000000");

        Run drift = run(database, MODULES, "drift", "--json");
        Run validate = run(database, MODULES, "validate", "--drift");

        assertThat(drift.code()).as(drift.err()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        JsonNode root = new ObjectMapper().readTree(drift.out());
        assertThat(root.get("clean").asBoolean()).isFalse();
        assertThat(root.get("ignoredTables").toString()).contains("huddle_schema_history", "presence");
        List<String> differences = new ArrayList<>();
        root.get("differences").forEach(node -> differences.add(node.get("module").asText() + " " + node.get("aspect").asText()
                + " " + node.get("element").asText()));
        assertThat(differences).containsExactlyInAnyOrder("chat missing table messages", "chat missing column rooms.topic");
        assertThat(validate.code()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(validate.err()).contains("drift in chat: missing table messages");
    }

    /** PostgreSQL's scratch databases on the test server; SQLite's live in memory and leave nothing. */
    private static int scratchDatabases(TestDatabase database) throws SQLException {
        if (database.engine() == Engine.SQLITE) {
            return 0;
        }
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("select count(*) from pg_database where datname like 'huddle\\_scratch\\_%'")) {
            count.next();
            return count.getInt(1);
        }
    }
}
