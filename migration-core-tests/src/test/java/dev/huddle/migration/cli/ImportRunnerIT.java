package dev.huddle.migration.cli;

import dev.huddle.migration.Scenarios;
import dev.huddle.migration.status.StatusReport;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code import}: databases built the way node-pg-migrate, Sequelize and Flyway build them (their history tables and
 * rows, the schema their migrations made), and ones with no history at all (a schema Huddle's migrations built, an
 * idempotent deploy script's, a manual SQLite runner's) are taken over without running anything again.
 */
class ImportRunnerIT {
    private static final String MODULES = Scenarios.path("drift").toString();
    private static final String ROOMS = "20250101000000";
    private static final String CHAT = "20250102000000";

    @TempDir
    Path temp;

    @Test
    void nodePgMigrateHistoryIsAdoptedOnceEveryNameIsMapped() throws Exception {
        TestDatabase database = LegacyDatabases.schemaWithoutHistory(Engine.POSTGRESQL, MODULES, CHAT);
        LegacyDatabases.execute(database, "create table \"pgmigrations\" (id serial primary key, name varchar(255) not null, run_on timestamp not null)",
                "insert into pgmigrations (name, run_on) values ('1700000000000_create-rooms', now()), ('1700000000001_create-messages', now())");

        Run unmapped = run(database, MODULES, "import", "--from", "pgmigrations", "--mapping", mapping("1700000000000_create-rooms = " + ROOMS));

        assertThat(unmapped.code()).as(unmapped.out()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(unmapped.err()).contains("records 1 migration that", "does not map", "  - 1700000000001_create-messages",
                "'<old name> = none'");
        assertThat(LegacyDatabases.huddleRows(database)).isEmpty();

        Run imported = run(database, MODULES, "import", "--from", "pgmigrations", "--mapping",
                mapping("# node-pg-migrate name = Huddle version", "1700000000000_create-rooms.js = " + ROOMS, "1700000000001_create-messages = " + CHAT));

        assertThat(imported.code()).as(imported.err()).isEqualTo(ExitCodes.OK);
        assertThat(imported.out()).contains("read 2 migrations from pgmigrations", "adopted rooms " + ROOMS, "adopted chat " + CHAT);
        assertThat(LegacyDatabases.huddleRows(database)).containsExactly(ROOMS + " BASELINE", CHAT + " BASELINE");
        assertThat(run(database, MODULES, "up").out()).contains("Nothing to apply");
        assertThat(run(database, MODULES, "status").out()).contains(StatusReport.ADOPTED_NOTE);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void sequelizeMetaIsAdoptedAndWhatItNeverRanStaysPending(Engine engine) throws Exception {
        TestDatabase database = LegacyDatabases.schemaWithoutHistory(engine, MODULES, ROOMS);
        LegacyDatabases.execute(database, "create table \"SequelizeMeta\" (name varchar(255) not null unique primary key)",
                "insert into \"SequelizeMeta\" (name) values ('20240101000000-create-rooms.js')");
        String map = mapping("20240101000000-create-rooms.js = " + ROOMS, "20240102000000-create-messages.js = " + CHAT);

        Run ambiguous = run(database, MODULES, "import", "--from", "sequelize", "--mapping",
                mapping("20240101000000-create-rooms.js = " + ROOMS, "20240101000000-create-rooms = " + CHAT));
        Run dryRun = run(database, MODULES, "import", "--from", "sequelize", "--mapping", map, "--dry-run");

        assertThat(ambiguous.code()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(ambiguous.err()).contains("maps an old name more than once: 20240101000000-create-rooms (lines 1 and 2)");
        assertThat(dryRun.code()).as(dryRun.err()).isEqualTo(ExitCodes.OK);
        assertThat(dryRun.out()).contains("would adopt rooms " + ROOMS).doesNotContain("chat " + CHAT);
        assertThat(LegacyDatabases.huddleRows(database)).isEmpty();

        Run imported = run(database, MODULES, "import", "--from", "sequelize", "--mapping", map);
        Run up = run(database, MODULES, "up");

        assertThat(imported.code()).as(imported.err()).isEqualTo(ExitCodes.OK);
        assertThat(up.out()).contains("Applied 1 migration.");
        assertThat(LegacyDatabases.huddleRows(database)).containsExactly(ROOMS + " BASELINE", CHAT + " SQL");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void flywayHistoryBuiltByFlywayItselfIsAdopted(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        Path scripts = Files.createDirectories(temp.resolve("flyway"));
        String dialect = Scenarios.dialectOf(engine).folderName();
        Files.copy(Scenarios.script(Path.of(MODULES), "rooms", Scenarios.dialectOf(engine), "V20250101000000__create_rooms.sql"),
                scripts.resolve("V1__create_rooms.sql"));
        Files.copy(Scenarios.script(Path.of(MODULES), "chat", Scenarios.dialectOf(engine), "V20250102000000__create_messages.sql"),
                scripts.resolve("V2__create_messages.sql"));
        Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password())
                .locations("filesystem:" + scripts).load().migrate();

        Run imported = run(database, MODULES, "import", "--from", "flyway", "--mapping",
                mapping("V1__create_rooms.sql = " + ROOMS, "V2__create_messages.sql = " + CHAT));

        assertThat(imported.code()).as(imported.err() + " on " + dialect).isEqualTo(ExitCodes.OK);
        assertThat(imported.out()).contains("read 2 migrations from flyway_schema_history", "Adopted 2 migrations");
        assertThat(LegacyDatabases.huddleRows(database)).containsExactly(ROOMS + " BASELINE", CHAT + " BASELINE");
        assertThat(run(database, MODULES, "validate").code()).isEqualTo(ExitCodes.OK);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aDatabaseWithNoHistoryIsAdoptedByItsSchemaUpToWhatItHas(Engine engine) throws Exception {
        TestDatabase database = LegacyDatabases.schemaWithoutHistory(engine, MODULES, ROOMS);

        Run noTable = run(database, MODULES, "import", "--from", "sequelize", "--mapping", mapping("a = none"));
        Run imported = run(database, MODULES, "import", "--from", "schema");

        assertThat(noTable.code()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(noTable.err()).contains("has no SequelizeMeta table", "import --from schema");
        assertThat(imported.code()).as(imported.err()).isEqualTo(ExitCodes.OK);
        assertThat(imported.out()).contains("adopted rooms " + ROOMS).doesNotContain("adopted chat");
        assertThat(LegacyDatabases.huddleRows(database)).containsExactly(ROOMS + " BASELINE");
    }

    /**
     * Seed 003's way: one idempotent PostgreSQL script, run at every deploy, that creates what is missing (types in a
     * {@code DO} block, {@code IF NOT EXISTS} tables, columns and indexes, replaced functions and triggers) and keeps no history.
     */
    @Test
    void aSchemaAnIdempotentDeployScriptBuiltIsAdoptedByItsSchema() throws Exception {
        TestDatabase database = TestDatabases.fresh(Engine.POSTGRESQL);
        String[] deployScript = {
            "do $$ begin if not exists (select 1 from pg_type where typname = 'room_kind') then"
                    + " create type room_kind as enum ('public', 'private'); end if; end $$",
            "create table if not exists rooms (id bigint generated always as identity primary key, name text not null,"
                    + " kind room_kind not null default 'public', created_at timestamptz not null default now())",
            "alter table rooms add column if not exists topic text",
            "create index if not exists idx_rooms_name on rooms (name)",
            "create or replace function rooms_touch() returns trigger language plpgsql as $$\nbegin\n    new.created_at := now();\n"
                    + "    return new;\nend;\n$$",
            "drop trigger if exists trg_rooms_touch on rooms",
            "create trigger trg_rooms_touch before update on rooms for each row execute function rooms_touch()",
            "create table if not exists messages (id bigint primary key, room_id bigint not null references rooms (id) on delete cascade,"
                    + " body text not null)"};
        LegacyDatabases.execute(database, deployScript);
        LegacyDatabases.execute(database, deployScript);

        assertAdoptedBySchemaAlone(database);
    }

    /**
     * Seed 004's way: a hand-run SQLite runner whose migrations check before they create ({@code IF NOT EXISTS}, a column
     * added once its absence is seen) and record nothing.
     */
    @Test
    void aSchemaAManualSqliteRunnerBuiltIsAdoptedByItsSchema() throws Exception {
        TestDatabase database = TestDatabases.fresh(Engine.SQLITE);
        String[] runner = {
            "create table if not exists rooms (\n    id         integer primary key,\n    name       text not null,\n"
                    + "    kind       text not null default 'public' constraint ck_rooms_kind check (kind in ('public', 'private')),\n"
                    + "    created_at text not null default (datetime('now'))\n)",
            "create index if not exists idx_rooms_name on rooms (name)",
            "create trigger if not exists trg_rooms_touch after update of name on rooms begin\n"
                    + "    update rooms set created_at = datetime('now') where id = new.id;\nend",
            "create table if not exists messages (\n    id      integer primary key,\n"
                    + "    room_id integer not null references rooms (id) on delete cascade,\n    body    text    not null\n)"};
        LegacyDatabases.execute(database, runner);
        LegacyDatabases.execute(database, "alter table rooms add column topic text");
        LegacyDatabases.execute(database, runner);

        assertAdoptedBySchemaAlone(database);
    }

    private static void assertAdoptedBySchemaAlone(TestDatabase database) throws Exception {
        Run dryRun = run(database, MODULES, "import", "--from", "schema", "--dry-run");
        assertThat(dryRun.code()).as(dryRun.out() + dryRun.err()).isEqualTo(ExitCodes.OK);
        assertThat(dryRun.out()).contains("would adopt rooms " + ROOMS, "would adopt chat " + CHAT);
        assertThat(LegacyDatabases.huddleRows(database)).isEmpty();

        Run imported = run(database, MODULES, "import", "--from", "schema");
        Run up = run(database, MODULES, "up");
        Run drift = run(database, MODULES, "drift");

        assertThat(imported.code()).as(imported.out() + imported.err()).isEqualTo(ExitCodes.OK);
        assertThat(LegacyDatabases.huddleRows(database)).containsExactly(ROOMS + " BASELINE", CHAT + " BASELINE");
        assertThat(up.out()).contains("Nothing to apply");
        assertThat(drift.code()).as(drift.out() + drift.err()).isEqualTo(ExitCodes.OK);
    }

    private String mapping(String... lines) throws Exception {
        Path file = Files.createTempFile(temp, "mapping", ".txt");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file.toString();
    }
}
