package dev.huddle.meetings;

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

import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The meetings module's migrations, applied alone to a fresh database of each engine. Rows are written with SQL
 * literals, which PostgreSQL casts to uuid and timestamptz itself, so one SQL text serves both engines.
 */
class MeetingsSchemaIT {
    private static final ModuleSchemaFixture<Migrator> SCHEMA = new ModuleSchemaFixture<>(MeetingsModule.NAME,
            url -> Migrations.discover().onlyModules(List.of(MeetingsModule.NAME)).against(DatabaseTargets.fromUrl(url)),
            migrator -> migrator.up().applied().stream().map(step -> new Applied(step.module(), step.version())).toList());
    @RegisterExtension
    static final MigratedDatabases DATABASES = MigratedDatabases.withModules(MeetingsModule.NAME);

    @ParameterizedTest
    @EnumSource(Engine.class)
    void appliesOnlyItsOwnMigrationsToAFreshDatabase(Engine engine) throws SQLException {
        SCHEMA.assertAppliesAloneToAFreshDatabase(engine,
                List.of("20250615051828", "20250615053210", "20250617090000", "20250622120000", "20250710150000",
                        "20261201113000"),
                Set.of("meetings", "participants", "recordings", "analytics", "huddle_schema_history"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void keepsItsForeignKeysWithCascadeDelete(Engine engine) throws SQLException {
        String meeting = UUID.randomUUID().toString();
        String participant = UUID.randomUUID().toString();
        DATABASES.check(engine, (c, s, schema) -> {
            assertThat(schema.foreignKeys("participants")).containsExactly("meeting_id -> meetings.id ON DELETE CASCADE");
            assertThat(schema.foreignKeys("recordings")).containsExactly("meeting_id -> meetings.id ON DELETE CASCADE");
            assertThat(schema.foreignKeys("analytics")).containsExactlyInAnyOrder(
                    "meeting_id -> meetings.id ON DELETE CASCADE", "participant_id -> participants.id ON DELETE CASCADE");

            s.executeUpdate("INSERT INTO meetings (id, room_name, host_identity) VALUES ('%s', 'standup', 'alice')".formatted(meeting));
            s.executeUpdate("INSERT INTO participants (id, meeting_id, identity) VALUES ('%s', '%s', 'alice')".formatted(participant, meeting));
            s.executeUpdate("INSERT INTO recordings (id, meeting_id, egress_id) VALUES ('%s', '%s', 'EG_1')"
                    .formatted(UUID.randomUUID(), meeting));
            s.executeUpdate("INSERT INTO analytics (id, meeting_id, participant_id, event_type) VALUES ('%s', '%s', '%s', 'joined')"
                    .formatted(UUID.randomUUID(), meeting, participant));

            s.executeUpdate("DELETE FROM meetings WHERE id = '%s'".formatted(meeting));

            for (String child : List.of("participants", "recordings", "analytics")) {
                assertThat(Queries.count(s, "SELECT count(*) FROM " + child)).as(child).isZero();
            }
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void indexesTheColumnsItQueries(Engine engine) throws SQLException {
        DATABASES.check(engine, (c, s, schema) -> {
            assertThat(schema.lookupIndexes("meetings")).containsExactlyInAnyOrder("idx_meetings_room_name", "idx_meetings_created_at");
            assertThat(schema.lookupIndexes("participants")).containsExactlyInAnyOrder(
                    "idx_participants_meeting_id", "idx_participants_meeting_id_left_at");
            assertThat(schema.lookupIndexes("recordings")).containsExactlyInAnyOrder(
                    "idx_recordings_meeting_id", "idx_recordings_egress_id", "idx_recordings_status");
            assertThat(schema.lookupIndexes("analytics")).containsExactlyInAnyOrder("idx_analytics_meeting_id",
                    "idx_analytics_participant_id", "idx_analytics_event_type", "idx_analytics_meeting_id_created_at");
            // Only "contains": sqlite-jdbc ignores getIndexInfo's unique flag, so SQLite lists every index here.
            assertThat(schema.uniqueIndexes("participants")).contains("uq_participants_meeting_identity");
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void letsMeetingsReuseARoomName(Engine engine) throws SQLException {
        DATABASES.check(engine, (c, s, schema) -> {
            for (int i = 0; i < 2; i++) {
                s.executeUpdate("INSERT INTO meetings (id, room_name, host_identity) VALUES ('%s', 'standup', 'alice')"
                        .formatted(UUID.randomUUID()));
            }
            assertThat(Queries.count(s, "SELECT count(*) FROM meetings WHERE room_name = 'standup'")).isEqualTo(2);
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void upsertsAParticipantWhoRejoinsTheSameMeeting(Engine engine) throws SQLException {
        String meeting = UUID.randomUUID().toString();
        String upsert = "INSERT INTO participants (id, meeting_id, identity, name) VALUES ('%s', '%s', 'alice', '%s') "
                + "ON CONFLICT (meeting_id, identity) DO UPDATE SET name = excluded.name, left_at = NULL";
        DATABASES.check(engine, (c, s, schema) -> {
            s.executeUpdate("INSERT INTO meetings (id, room_name, host_identity) VALUES ('%s', 'standup', 'alice')".formatted(meeting));
            s.executeUpdate(upsert.formatted(UUID.randomUUID(), meeting, "Alice"));
            s.executeUpdate("UPDATE participants SET left_at = '2025-07-01T10:00:00Z'");

            s.executeUpdate(upsert.formatted(UUID.randomUUID(), meeting, "Alice again"));

            assertThat(Queries.count(s, "SELECT count(*) FROM participants")).isEqualTo(1);
            assertThat(Queries.count(s, "SELECT count(*) FROM participants WHERE name = 'Alice again' AND left_at IS NULL")).isEqualTo(1);
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void keepsInvitedParticipantsAsAJsonArrayOnTheMeeting(Engine engine) throws SQLException {
        DATABASES.check(engine, (c, s, schema) -> {
            assertThat(schema.columns("meetings")).contains("invited_participants");
            s.executeUpdate("INSERT INTO meetings (id, room_name, host_identity) VALUES ('%s', 'standup', 'alice')"
                    .formatted(UUID.randomUUID()));
            assertThat(Queries.text(s, "SELECT invited_participants FROM meetings")).isEqualTo("[]");

            s.executeUpdate("UPDATE meetings SET invited_participants = '[\"bob\"]'");
            assertThat(Queries.text(s, "SELECT invited_participants FROM meetings")).isEqualTo("[\"bob\"]");
            assertThatThrownBy(() -> s.executeUpdate("UPDATE meetings SET invited_participants = '{\"bob\": true}'"))
                    .isInstanceOf(SQLException.class);
        });
    }

}
