package dev.huddle.signaling;

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
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The signaling module's migrations, applied alone to a fresh database of each engine. Rows are written with SQL
 * literals, which PostgreSQL casts to uuid itself, so one SQL text serves both engines.
 */
class SignalingSchemaIT {
    private static final ModuleSchemaFixture<Migrator> SCHEMA = new ModuleSchemaFixture<>(SignalingModule.NAME,
            url -> Migrations.discover().onlyModules(List.of(SignalingModule.NAME)).against(DatabaseTargets.fromUrl(url)),
            migrator -> migrator.up().applied().stream().map(step -> new Applied(step.module(), step.version())).toList());
    @RegisterExtension
    static final MigratedDatabases DATABASES = MigratedDatabases.withModules(SignalingModule.NAME);

    private static final String ALICE = "00000000-0000-4000-8000-00000000a11c";
    private static final String BOB = "00000000-0000-4000-8000-000000000b0b";
    private static final String ROOM = "00000000-0000-4000-8000-0000000000f1";

    @ParameterizedTest
    @EnumSource(Engine.class)
    void appliesOnlyItsOwnMigrationsToAFreshDatabase(Engine engine) throws SQLException {
        SCHEMA.assertAppliesAloneToAFreshDatabase(engine,
                List.of("20250101000000", "20250402110000", "20250528120000", "20250625080000", "20261201143000", "20261201143100",
                        "20261201170500"),
                Set.of("users", "rooms", "messages", "ice_candidates", "sdp_signals", "banned_users", "room_moderators", "api_keys",
                        "room_members", "room_presence", "huddle_schema_history"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void keepsItsForeignKeysWithCascadeDelete(Engine engine) throws SQLException {
        DATABASES.check(engine, (c, s, schema) -> {
            assertThat(schema.foreignKeys("rooms")).containsExactly("created_by -> users.id ON DELETE SET NULL");
            assertThat(schema.foreignKeys("messages")).containsExactlyInAnyOrder(
                    "room_id -> rooms.id ON DELETE CASCADE", "user_id -> users.id ON DELETE SET NULL");
            for (String peerTable : List.of("ice_candidates", "sdp_signals")) {
                assertThat(schema.foreignKeys(peerTable)).as(peerTable).containsExactlyInAnyOrder("room_id -> rooms.id ON DELETE CASCADE",
                        "from_user_id -> users.id ON DELETE CASCADE", "to_user_id -> users.id ON DELETE CASCADE");
            }
            assertThat(schema.foreignKeys("banned_users")).containsExactlyInAnyOrder("room_id -> rooms.id ON DELETE CASCADE",
                    "user_id -> users.id ON DELETE CASCADE", "banned_by -> users.id ON DELETE SET NULL");
            assertThat(schema.foreignKeys("room_moderators")).containsExactlyInAnyOrder("room_id -> rooms.id ON DELETE CASCADE",
                    "user_id -> users.id ON DELETE CASCADE", "granted_by -> users.id ON DELETE SET NULL");
            for (String memberTable : List.of("room_members", "room_presence")) {
                assertThat(schema.foreignKeys(memberTable)).as(memberTable).containsExactlyInAnyOrder(
                        "room_id -> rooms.id ON DELETE CASCADE", "user_id -> users.id ON DELETE CASCADE");
            }

            insertAliceBobAndRoom(s);
            s.executeUpdate("INSERT INTO messages (id, room_id, user_id, content) VALUES ('%s', '%s', '%s', 'hi')"
                    .formatted("00000000-0000-4000-8000-000000000001", ROOM, ALICE));
            s.executeUpdate("INSERT INTO ice_candidates (id, room_id, from_user_id, to_user_id, candidate) VALUES ('%s', '%s', '%s', '%s', 'c')"
                    .formatted("00000000-0000-4000-8000-000000000002", ROOM, ALICE, BOB));
            s.executeUpdate("INSERT INTO sdp_signals (id, room_id, from_user_id, to_user_id, signal_type, sdp) VALUES ('%s', '%s', '%s', '%s', 'offer', 'v=0')"
                    .formatted("00000000-0000-4000-8000-000000000003", ROOM, BOB, ALICE));
            s.executeUpdate("INSERT INTO banned_users (id, room_id, user_id, banned_by) VALUES ('%s', '%s', '%s', '%s')"
                    .formatted("00000000-0000-4000-8000-000000000004", ROOM, BOB, ALICE));

            s.executeUpdate("DELETE FROM users WHERE id = '%s'".formatted(ALICE));

            assertThat(Queries.count(s, "SELECT count(*) FROM rooms WHERE created_by IS NULL")).as("room outlives its creator").isEqualTo(1);
            assertThat(Queries.count(s, "SELECT count(*) FROM messages WHERE user_id IS NULL")).as("history stays readable").isEqualTo(1);
            assertThat(Queries.count(s, "SELECT count(*) FROM banned_users WHERE banned_by IS NULL")).as("ban outlives moderator").isEqualTo(1);
            assertThat(Queries.count(s, "SELECT count(*) FROM ice_candidates")).isZero();
            assertThat(Queries.count(s, "SELECT count(*) FROM sdp_signals")).isZero();

            s.executeUpdate("DELETE FROM rooms WHERE id = '%s'".formatted(ROOM));

            assertThat(Queries.count(s, "SELECT count(*) FROM messages")).isZero();
            assertThat(Queries.count(s, "SELECT count(*) FROM banned_users")).isZero();
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void indexesTheColumnsItQueries(Engine engine) throws SQLException {
        DATABASES.check(engine, (c, s, schema) -> {
            assertThat(schema.lookupIndexes("users")).isEmpty();
            assertThat(schema.lookupIndexes("rooms")).containsExactly("idx_rooms_created_by");
            assertThat(schema.lookupIndexes("messages")).containsExactlyInAnyOrder("idx_messages_room_id_created_at", "idx_messages_user_id");
            assertThat(schema.lookupIndexes("ice_candidates")).containsExactlyInAnyOrder(
                    "idx_ice_candidates_room_id", "idx_ice_candidates_from_user_id", "idx_ice_candidates_to_user_id");
            assertThat(schema.lookupIndexes("sdp_signals")).containsExactlyInAnyOrder(
                    "idx_sdp_signals_room_id", "idx_sdp_signals_from_user_id", "idx_sdp_signals_to_user_id");
            assertThat(schema.lookupIndexes("banned_users")).containsExactlyInAnyOrder(
                    "idx_banned_users_user_id", "idx_banned_users_banned_by", "idx_banned_users_expires_at");
            assertThat(schema.lookupIndexes("room_moderators")).containsExactlyInAnyOrder(
                    "idx_room_moderators_user_id", "idx_room_moderators_granted_by");
            assertThat(schema.lookupIndexes("api_keys")).isEmpty();
            assertThat(schema.lookupIndexes("room_members")).containsExactly("idx_room_members_user_id");
            assertThat(schema.lookupIndexes("room_presence")).containsExactlyInAnyOrder("idx_room_presence_room_id_id",
                    "idx_room_presence_user_id");
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void upsertsBansAndModeratorGrantsPerRoomAndUser(Engine engine) throws SQLException {
        DATABASES.check(engine, (c, s, schema) -> {
            insertAliceBobAndRoom(s);
            String ban = "INSERT INTO banned_users (id, room_id, user_id, reason) VALUES ('%s', '" + ROOM + "', '" + BOB + "', '%s') "
                    + "ON CONFLICT (room_id, user_id) DO UPDATE SET reason = excluded.reason";
            String grant = "INSERT INTO room_moderators (id, room_id, user_id) VALUES ('%s', '" + ROOM + "', '" + ALICE + "') "
                    + "ON CONFLICT (room_id, user_id) DO NOTHING";

            s.executeUpdate(ban.formatted("00000000-0000-4000-8000-000000000011", "spam"));
            s.executeUpdate(ban.formatted("00000000-0000-4000-8000-000000000012", "spam again"));
            s.executeUpdate(grant.formatted("00000000-0000-4000-8000-000000000021"));
            s.executeUpdate(grant.formatted("00000000-0000-4000-8000-000000000022"));

            assertThat(Queries.count(s, "SELECT count(*) FROM banned_users WHERE reason = 'spam again'")).isEqualTo(1);
            assertThat(Queries.count(s, "SELECT count(*) FROM banned_users")).isEqualTo(1);
            assertThat(Queries.count(s, "SELECT count(*) FROM room_moderators")).isEqualTo(1);
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void addsANullableEditedAtToMessages(Engine engine) throws SQLException {
        DATABASES.check(engine, (c, s, schema) -> {
            assertThat(schema.columns("messages")).contains("edited_at");
            insertAliceBobAndRoom(s);
            s.executeUpdate("INSERT INTO messages (id, room_id, user_id, content) VALUES ('%s', '%s', '%s', 'hi')"
                    .formatted("00000000-0000-4000-8000-000000000001", ROOM, ALICE));

            assertThat(Queries.count(s, "SELECT count(*) FROM messages WHERE edited_at IS NULL")).isEqualTo(1);
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void acceptsOnlyLowerCaseSha256HexAsApiKeyHash(Engine engine) throws SQLException {
        String insert = "INSERT INTO api_keys (id, key_hash, name) VALUES ('%s', '%s', 'ci')";
        DATABASES.check(engine, (c, s, schema) -> {
            s.executeUpdate(insert.formatted("00000000-0000-4000-8000-000000000031", "ab".repeat(32)));

            assertThatThrownBy(() -> s.executeUpdate(insert.formatted("00000000-0000-4000-8000-000000000032", "AB".repeat(32))))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.executeUpdate(insert.formatted("00000000-0000-4000-8000-000000000033", "a".repeat(63))))
                    .isInstanceOf(SQLException.class);
            assertThat(Queries.count(s, "SELECT count(*) FROM api_keys")).isEqualTo(1);
        });
    }


    private static void insertAliceBobAndRoom(Statement s) throws SQLException {
        s.executeUpdate("INSERT INTO users (id, username) VALUES ('%s', 'alice'), ('%s', 'bob')".formatted(ALICE, BOB));
        s.executeUpdate("INSERT INTO rooms (id, name, created_by) VALUES ('%s', 'lobby', '%s')".formatted(ROOM, ALICE));
    }
}
