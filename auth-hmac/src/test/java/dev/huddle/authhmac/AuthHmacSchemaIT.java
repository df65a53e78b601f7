package dev.huddle.authhmac;

import dev.huddle.migration.Migrations;
import dev.huddle.migration.Migrator;
import dev.huddle.migration.connect.DatabaseTargets;
import dev.huddle.migration.execute.UpResult;
import dev.huddle.migration.plan.InMemoryTable;
import dev.huddle.migration.status.MigrationState;
import dev.huddle.migration.status.MigrationStatus;
import dev.huddle.migration.status.StatusReport;
import dev.huddle.testdatabases.MigratedDatabases;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.ModuleSchemaFixture;
import dev.huddle.testsupport.ModuleSchemaFixture.Applied;
import dev.huddle.testsupport.Queries;
import dev.huddle.testsupport.SchemaInspector;
import dev.huddle.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The auth-hmac module's migrations, applied alone to a fresh database of each engine. Rows are written with SQL
 * literals, which PostgreSQL casts to uuid and timestamptz itself, so one SQL text serves both engines.
 */
class AuthHmacSchemaIT {
    private static final ModuleSchemaFixture<Migrator> SCHEMA = new ModuleSchemaFixture<>(AuthHmacModule.NAME,
            url -> Migrations.discover().onlyModules(List.of(AuthHmacModule.NAME)).against(DatabaseTargets.fromUrl(url)),
            migrator -> migrator.up().applied().stream().map(step -> new Applied(step.module(), step.version())).toList());
    @RegisterExtension
    static final MigratedDatabases DATABASES = MigratedDatabases.withModules(AuthHmacModule.NAME);

    private static final String SESSION = "00000000-0000-4000-8000-0000000000c1";
    private static final String EXCLUDED_VERSION = "20250616120000";

    @ParameterizedTest
    @EnumSource(Engine.class)
    void appliesOnlyItsOwnMigrationsToAFreshDatabase(Engine engine) throws SQLException {
        SCHEMA.assertAppliesAloneToAFreshDatabase(engine,
                List.of("20250305141500", "20250512083000", "20250615180000", "20250620101010",
                        "20261201130433"),
                Set.of("client_sessions", "nonce_cache", "server_settings", "invitations", "huddle_schema_history"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void appliesNothingOnASecondRun(Engine engine) throws SQLException {
        TestDatabase db = DATABASES.fresh(engine);

        UpResult second = SCHEMA.migrator(db).up();

        assertThat(second.applied()).isEmpty();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThat(Queries.count(s, "SELECT count(*) FROM huddle_schema_history WHERE version IS NOT NULL")).isEqualTo(5);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void keepsExternalSessionsInMemoryOnly(Engine engine) throws SQLException {
        TestDatabase db = DATABASES.fresh(engine);

        StatusReport report = SCHEMA.migrator(db).status();

        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThat(new SchemaInspector(c).tables()).doesNotContain(ExternalSessionStore.TABLE);
            assertThat(Queries.count(s, "SELECT count(*) FROM huddle_schema_history WHERE script LIKE '%external_session%'")).isZero();
        }
        assertThat(report.inState(MigrationState.EXCLUDED)).singleElement().satisfies(excluded -> {
            assertThat(excluded.module()).isEqualTo(AuthHmacModule.NAME);
            assertThat(excluded.version()).isEqualTo(EXCLUDED_VERSION);
            assertThat(excluded.script()).endsWith("V20250616120000__external_session_boolean_admitted.sql");
            assertThat(excluded.note()).contains("in memory");
        });
        assertThat(report.inState(MigrationState.APPLIED)).extracting(MigrationStatus::version).doesNotContain(EXCLUDED_VERSION).hasSize(5);
        assertThat(report.count(MigrationState.PENDING)).isZero();
        assertThat(report.inMemoryTables()).containsExactly(new InMemoryTable(AuthHmacModule.NAME, ExternalSessionStore.TABLE));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void keepsItsForeignKeysWithCascadeDelete(Engine engine) throws SQLException {
        DATABASES.check(engine, (c, s, schema) -> {
            assertThat(schema.foreignKeys("nonce_cache")).containsExactly("client_session_id -> client_sessions.id ON DELETE CASCADE");
            for (String table : List.of("client_sessions", "server_settings", "invitations")) {
                assertThat(schema.foreignKeys(table)).as(table).isEmpty();
            }
            insertSession(c);
            s.executeUpdate(insertNonce("n-1"));

            s.executeUpdate("DELETE FROM client_sessions WHERE id = '" + SESSION + "'");

            assertThat(Queries.count(s, "SELECT count(*) FROM nonce_cache")).isZero();
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void rejectsANonceReplayedWithinASession(Engine engine) throws SQLException {
        DATABASES.check(engine, (c, s, schema) -> {
            insertSession(c);
            s.executeUpdate(insertNonce("n-1"));

            assertThatThrownBy(() -> s.executeUpdate(insertNonce("n-1"))).isInstanceOf(SQLException.class);
            assertThat(Queries.count(s, "SELECT count(*) FROM nonce_cache")).isEqualTo(1);
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void indexesTheColumnsItQueries(Engine engine) throws SQLException {
        DATABASES.check(engine, (c, s, schema) -> {
            assertThat(schema.lookupIndexes("client_sessions")).containsExactlyInAnyOrder(
                    "idx_client_sessions_client_id", "idx_client_sessions_expires_at", "idx_client_sessions_device_id");
            assertThat(schema.lookupIndexes("nonce_cache")).containsExactly("idx_nonce_cache_expires_at");
            assertThat(schema.lookupIndexes("invitations")).containsExactlyInAnyOrder("idx_invitations_email", "idx_invitations_expires_at");
            assertThat(schema.lookupIndexes("server_settings")).isEmpty();
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void addsAnOptionalDeviceIdToClientSessions(Engine engine) throws SQLException {
        DATABASES.check(engine, (c, s, schema) -> {
            assertThat(schema.columns("client_sessions")).contains("device_id");
            insertSession(c);
            assertThat(Queries.count(s, "SELECT count(*) FROM client_sessions WHERE device_id IS NULL")).isEqualTo(1);
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void seedsTheSingleServerSettingsRow(Engine engine) throws SQLException {
        DATABASES.check(engine, (c, s, schema) -> {
            assertThat(Queries.count(s, "SELECT count(*) FROM server_settings WHERE id = 1 AND registration_mode = 'invite_only'")).isEqualTo(1);

            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO server_settings (id) VALUES (2)")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.executeUpdate("UPDATE server_settings SET registration_mode = 'anyone'")).isInstanceOf(SQLException.class);
            assertThat(Queries.count(s, "SELECT count(*) FROM server_settings")).isEqualTo(1);
        });
    }


    /** The secret goes in as a parameter: bytea and BLOB share no literal form. */
    private static void insertSession(Connection c) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO client_sessions (id, client_id, secret_ciphertext, expires_at) "
                + "VALUES ('" + SESSION + "', 'cli-1', ?, '2030-01-01T00:00:00Z')")) {
            insert.setBytes(1, new byte[] {1, 2, 3});
            insert.executeUpdate();
        }
    }

    private static String insertNonce(String nonce) {
        return "INSERT INTO nonce_cache (client_session_id, nonce, expires_at) VALUES ('" + SESSION + "', '" + nonce
                + "', '2030-01-01T00:05:00Z')";
    }
}
