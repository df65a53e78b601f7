package dev.huddle.migration.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryTableGuardTest {
    private final InMemoryTableGuard guard = new InMemoryTableGuard(Set.of("external_sessions"));

    @ParameterizedTest
    @ValueSource(strings = {
            "create table external_sessions (id integer primary key);",
            "CREATE TABLE IF NOT EXISTS external_sessions (id integer);",
            "create temp table external_sessions (id integer);",
            "create unlogged table external_sessions (id integer);",
            "create global temporary table external_sessions (id integer);",
            "alter table external_sessions add column room_id integer;",
            "ALTER TABLE IF EXISTS ONLY external_sessions DROP COLUMN room_id;",
            "drop table external_sessions;",
            "drop table if exists external_sessions cascade;",
            "create index external_sessions_room on external_sessions (room_id);",
            "create unique index if not exists s_room on external_sessions(room_id);",
            "CREATE INDEX CONCURRENTLY s_room ON external_sessions USING btree (room_id);",
            "create index on external_sessions (room_id);",
            "alter table guest_sessions rename to external_sessions;",
    })
    void refusesEveryStatementThatShapesTheTable(String sql) {
        assertThat(guard.violations(sql)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "create table \"ExternalSessions\" (id integer);",
            "create table EXTERNAL_SESSIONS (id integer);",
            "create table externalsessions (id integer);",
            "alter table public.external_sessions add column x integer;",
            "alter table \"public\".\"external_sessions\" add column x integer;",
            "alter table main . external_sessions add column x integer;",
            "drop table a, external_sessions;",
            "drop table if exists legacy_rooms, public.\"ExternalSessions\";",
            "create table `external_sessions` (id integer);",
            "create table [External_Sessions] (id integer);",
            "create index s on \"public\".\"EXTERNAL_SESSIONS\" (room_id);",
    })
    void matchesNamesWhateverTheirCaseQuotesUnderscoresOrSchema(String sql) {
        assertThat(guard.violations(sql)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "-- create table external_sessions (id integer);\ncreate table rooms (id integer);",
            "/* drop table external_sessions; */ create table rooms (id integer);",
            "/* a comment\n   alter table external_sessions add column x integer;\n*/ create table rooms (id integer);",
            "insert into audit (note) values ('drop table external_sessions');",
            "insert into audit (note) values ('it''s fine to drop table external_sessions');",
            "insert into audit (note) values ('');\ninsert into audit (note) values ('create table external_sessions');",
    })
    void ignoresCommentsAndStringLiterals(String sql) {
        assertThat(guard.violations(sql)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "create table external_sessions_archive (id integer);",
            "create table rooms (id integer);",
            "create index external_sessions_room on rooms (session_id);",
            "alter table rooms add column external_sessions integer;",
            "insert into external_sessions values (1);",
            "select * from external_sessions;",
    })
    void allowsStatementsThatDoNotShapeTheTable(String sql) {
        assertThat(guard.violations(sql)).isEmpty();
    }

    @Test
    void namesTheStatementAndItsLine() {
        String sql = "create table rooms (id integer);\n"
                + "-- the next line is the problem\n"
                + "alter table external_sessions add column room_id integer;\n"
                + "create index s_room on external_sessions (room_id);\n";

        assertThat(guard.violations(sql)).containsExactly(
                "ALTER TABLE external_sessions (line 3)",
                "CREATE INDEX ... ON external_sessions (line 4)");
    }

    @Test
    void reportsEveryInMemoryTableOfADropList() {
        InMemoryTableGuard twoTables = new InMemoryTableGuard(Set.of("external_sessions", "Presence"));

        assertThat(twoTables.violations("drop table rooms, presence, \"ExternalSessions\";"))
                .containsExactly("DROP TABLE presence (line 1)", "DROP TABLE \"ExternalSessions\" (line 1)");
    }

    @Test
    void allowsEverythingWhenNoTableIsInMemory() {
        assertThat(new InMemoryTableGuard(Set.of()).violations("drop table external_sessions;")).isEmpty();
    }
}
