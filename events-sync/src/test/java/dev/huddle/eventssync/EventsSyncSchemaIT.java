package dev.huddle.eventssync;

import dev.huddle.migration.Migrations;
import dev.huddle.migration.Migrator;
import dev.huddle.migration.connect.DatabaseTargets;
import dev.huddle.testdatabases.MigratedDatabases;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.ModuleSchemaFixture;
import dev.huddle.testsupport.ModuleSchemaFixture.Applied;
import dev.huddle.testsupport.Queries;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The events-sync module's migrations, applied alone to a fresh database of each engine. Rows are written with SQL
 * literals, which PostgreSQL casts to uuid, enum and timestamptz itself, so one SQL text serves both engines.
 */
class EventsSyncSchemaIT {
    private static final ModuleSchemaFixture<Migrator> SCHEMA = new ModuleSchemaFixture<>(EventsSyncModule.NAME,
            url -> Migrations.discover().onlyModules(List.of(EventsSyncModule.NAME)).against(DatabaseTargets.fromUrl(url)),
            migrator -> migrator.up().applied().stream().map(step -> new Applied(step.module(), step.version())).toList());
    @RegisterExtension
    static final MigratedDatabases DATABASES = MigratedDatabases.withModules(EventsSyncModule.NAME);

    private static final String EVENT = "00000000-0000-4000-8000-0000000000e1";
    private static final String INSERT_EVENT = "INSERT INTO events (id, airtable_id, name) VALUES ('" + EVENT + "', 'recEvent1', 'Launch')";

    @ParameterizedTest
    @EnumSource(Engine.class)
    void appliesOnlyItsOwnMigrationsToAFreshDatabase(Engine engine) throws SQLException {
        List<String> both = List.of("20250210093000", "20250420160000", "20250605101500", "20250618143000", "20250701093000",
                "20261201120000", "20261201120100");
        // The admin console's read-only role is PostgreSQL's alone: SQLite has no roles.
        List<String> versions = engine == Engine.POSTGRESQL
                ? Stream.concat(both.stream(), Stream.of("20261201120200")).toList()
                : both;
        SCHEMA.assertAppliesAloneToAFreshDatabase(engine, versions,
                Set.of("events", "admins", "attendees", "sync_metadata", "huddle_schema_history"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void keepsItsForeignKeysWithCascadeDelete(Engine engine) throws SQLException {
        DATABASES.check(engine, (c, s, schema) -> {
            assertThat(schema.foreignKeys("attendees")).containsExactly("event_id -> events.id ON DELETE CASCADE");
            for (String table : List.of("events", "admins", "sync_metadata")) {
                assertThat(schema.foreignKeys(table)).as(table).isEmpty();
            }

            s.executeUpdate(INSERT_EVENT);
            s.executeUpdate("INSERT INTO attendees (id, event_id, airtable_id) VALUES ('00000000-0000-4000-8000-0000000000a1', '"
                    + EVENT + "', 'recAttendee1')");

            s.executeUpdate("DELETE FROM events WHERE id = '" + EVENT + "'");

            assertThat(Queries.count(s, "SELECT count(*) FROM attendees")).isZero();
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void indexesTheColumnsItQueries(Engine engine) throws SQLException {
        DATABASES.check(engine, (c, s, schema) -> {
            assertThat(schema.lookupIndexes("events")).containsExactlyInAnyOrder("idx_events_starts_at", "idx_events_triage_status");
            assertThat(schema.lookupIndexes("attendees")).containsExactlyInAnyOrder("idx_attendees_event_id", "idx_attendees_email");
            assertThat(schema.lookupIndexes("admins")).isEmpty();
            assertThat(schema.lookupIndexes("sync_metadata")).containsExactly("idx_sync_metadata_sync_name_started_at");
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void upsertsSyncedRowsOnTheirNaturalKeys(Engine engine) throws SQLException {
        DATABASES.check(engine, (c, s, schema) -> {
            for (String name : List.of("Launch", "Launch party")) {
                s.executeUpdate("INSERT INTO events (id, airtable_id, name) VALUES ('" + EVENT + "', 'recEvent1', '" + name + "') "
                        + "ON CONFLICT (airtable_id) DO UPDATE SET name = excluded.name");
            }

            assertThat(Queries.count(s, "SELECT count(*) FROM events WHERE name = 'Launch party'")).isEqualTo(1);
            assertThat(Queries.count(s, "SELECT count(*) FROM events")).isEqualTo(1);
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void keepsARowPerSyncRunButOneRunningRowPerSync(Engine engine) throws SQLException {
        DATABASES.check(engine, (c, s, schema) -> {
            s.executeUpdate("INSERT INTO sync_metadata (id, sync_name, status) VALUES ('00000000-0000-4000-8000-000000000051', 'airtable', 'succeeded')");
            s.executeUpdate("INSERT INTO sync_metadata (id, sync_name, status) VALUES ('00000000-0000-4000-8000-000000000052', 'airtable', 'running')");

            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO sync_metadata (id, sync_name, status) "
                    + "VALUES ('00000000-0000-4000-8000-000000000053', 'airtable', 'running')")).isInstanceOf(SQLException.class);
            s.executeUpdate("INSERT INTO sync_metadata (id, sync_name, status) VALUES ('00000000-0000-4000-8000-000000000054', 'other', 'running')");
            assertThat(Queries.count(s, "SELECT count(*) FROM sync_metadata WHERE sync_name = 'airtable'")).isEqualTo(2);
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void movesUpdatedAtForwardWhenARowChanges(Engine engine) throws SQLException {
        Instant old = Instant.parse("2000-01-01T00:00:00Z");
        DATABASES.check(engine, (c, s, schema) -> {
            s.executeUpdate("INSERT INTO events (id, airtable_id, name, updated_at) VALUES ('" + EVENT
                    + "', 'recEvent1', 'Launch', '2000-01-01T00:00:00.000Z')");
            assertThat(updatedAt(s, engine)).isEqualTo(old);

            s.executeUpdate("UPDATE events SET name = 'Launch party' WHERE id = '" + EVENT + "'");

            assertThat(updatedAt(s, engine)).isAfter(old);
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void keepsAnUpdatedAtThatTheUpdateSetsItself(Engine engine) throws SQLException {
        Instant chosen = Instant.parse("2030-06-01T12:00:00Z");
        DATABASES.check(engine, (c, s, schema) -> {
            s.executeUpdate(INSERT_EVENT);

            s.executeUpdate("UPDATE events SET name = 'Launch party', updated_at = '2030-06-01T12:00:00.000Z' WHERE id = '" + EVENT + "'");

            assertThat(updatedAt(s, engine)).isEqualTo(chosen);
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void rejectsStatusValuesOutsideTheirEnum(Engine engine) throws SQLException {
        DATABASES.check(engine, (c, s, schema) -> {
            s.executeUpdate(INSERT_EVENT);
            s.executeUpdate("UPDATE events SET triage_status = 'approved'");

            assertThatThrownBy(() -> s.executeUpdate("UPDATE events SET triage_status = 'maybe'")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO admins (id, email, permission_level) "
                    + "VALUES ('00000000-0000-4000-8000-0000000000d1', 'ann@example.org', 'root')")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO attendees (id, event_id, airtable_id, registration_status) "
                    + "VALUES ('00000000-0000-4000-8000-0000000000a1', '" + EVENT + "', 'recAttendee1', 'maybe')")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO sync_metadata (id, sync_name, status) "
                    + "VALUES ('00000000-0000-4000-8000-000000000051', 'Events', 'paused')")).isInstanceOf(SQLException.class);
            assertThat(Queries.count(s, "SELECT count(*) FROM events WHERE triage_status = 'approved'")).isEqualTo(1);
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void addsAnOptionalPositiveCapacityToEvents(Engine engine) throws SQLException {
        DATABASES.check(engine, (c, s, schema) -> {
            assertThat(schema.columns("events")).contains("capacity");
            s.executeUpdate(INSERT_EVENT);
            assertThat(Queries.count(s, "SELECT count(*) FROM events WHERE capacity IS NULL")).isEqualTo(1);

            s.executeUpdate("UPDATE events SET capacity = 50");
            assertThatThrownBy(() -> s.executeUpdate("UPDATE events SET capacity = 0")).isInstanceOf(SQLException.class);
            assertThat(Queries.count(s, "SELECT capacity FROM events")).isEqualTo(50);
        });
    }


    /** PostgreSQL keeps a timestamptz, SQLite the ISO-8601 text its default and trigger write. */
    private static Instant updatedAt(Statement s, Engine engine) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT updated_at FROM events WHERE id = '" + EVENT + "'")) {
            assertThat(rs.next()).isTrue();
            return engine == Engine.POSTGRESQL ? rs.getObject(1, OffsetDateTime.class).toInstant() : Instant.parse(rs.getString(1));
        }
    }
}
