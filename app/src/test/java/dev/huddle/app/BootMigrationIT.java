package dev.huddle.app;

import dev.huddle.authhmac.ExternalSession;
import dev.huddle.authhmac.ExternalSessionStore;
import dev.huddle.migration.failure.DatabaseUnreachableException;
import dev.huddle.migration.failure.MigrationFailedException;
import dev.huddle.migration.failure.PendingMigrationsException;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.SchemaDump;
import dev.huddle.testsupport.SchemaInspector;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The app migrates every module at boot, or refuses to start, on both engines. */
class BootMigrationIT {
    /** Every migration the four domain modules ship (the excluded one is not counted). */
    private static final int SHIPPED_MIGRATIONS = 19;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void bootsWithTheFullHistoryAppliedAndReportsItOnHealth(Engine engine) throws Exception {
        TestDatabase db = TestDatabases.fresh(engine);
        try (EmbeddedServer server = start(db, Map.of());
             HttpClient client = HttpClient.create(server.getURL())) {
            Map<?, ?> health = client.toBlocking().retrieve(HttpRequest.GET("/health"), Map.class);
            assertThat(health.get("status")).isEqualTo("UP");
            Map<?, ?> migrations = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) health.get("details")).get("migrations")).get("details");
            assertThat(migrations.get("applied")).isEqualTo(SHIPPED_MIGRATIONS);
            assertThat(migrations.get("pending")).isEqualTo(0);
        }
        assertThat(historyRows(db)).isEqualTo(SHIPPED_MIGRATIONS);
        try (Connection connection = db.connect()) {
            assertThat(new SchemaInspector(connection).tables())
                    .contains("meetings", "rooms", "events", "client_sessions")
                    .doesNotContain("external_sessions");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesToBootOnAFailingMigrationAndKeepsTheDatabaseAsBeforeIt(Engine engine) throws Exception {
        TestDatabase db = TestDatabases.fresh(engine);
        start(db, Map.of()).close();
        String before = SchemaDump.of(db);
        Path modules = brokenModule();

        assertThatThrownBy(() -> start(db, Map.of("huddle.migration.modules-dir", modules.toString())))
                .satisfies(error -> assertThat(causeOf(error, MigrationFailedException.class).script())
                        .isEqualTo("broken/V20990101000000__broken_step.sql"));

        assertThat(historyRows(db)).isEqualTo(SHIPPED_MIGRATIONS);
        assertThat(SchemaDump.of(db)).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFailingMigrationOnAFreshDatabaseLeavesItEmptyBecauseTheRunIsOneTransaction(Engine engine) throws Exception {
        TestDatabase db = TestDatabases.fresh(engine);

        assertThatThrownBy(() -> start(db, Map.of("huddle.migration.modules-dir", brokenModule().toString())))
                .satisfies(error -> assertThat(causeOf(error, MigrationFailedException.class).getMessage())
                        .contains("broken/V20990101000000__broken_step.sql failed at line 2", "all rolled back"));

        assertThat(SchemaDump.of(db)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void validateModeRefusesToBootWhileMigrationsArePendingAndChangesNothing(Engine engine) throws Exception {
        TestDatabase db = TestDatabases.fresh(engine);

        assertThatThrownBy(() -> start(db, Map.of("huddle.migration.mode", "validate")))
                .satisfies(error -> assertThat(causeOf(error, PendingMigrationsException.class).getMessage())
                        .contains(SHIPPED_MIGRATIONS + " migrations are pending")
                        .contains("meetings/V20250615051828__initial_meeting_schema.sql"));

        try (Connection connection = db.connect()) {
            assertThat(new SchemaInspector(connection).tables()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void validateModeBootsOnACurrentDatabase(Engine engine) throws Exception {
        TestDatabase db = TestDatabases.fresh(engine);
        start(db, Map.of()).close();

        try (EmbeddedServer server = start(db, Map.of("huddle.migration.mode", "validate"))) {
            assertThat(server.isRunning()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void offModeLeavesTheDatabaseAloneAndHealthShowsWhatIsPending(Engine engine) throws Exception {
        TestDatabase db = TestDatabases.fresh(engine);
        try (EmbeddedServer server = start(db, Map.of("huddle.migration.mode", "off"));
             HttpClient client = HttpClient.create(server.getURL())) {
            Map<?, ?> health = client.toBlocking().retrieve(HttpRequest.GET("/health"), Map.class);
            Map<?, ?> migrations = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) health.get("details")).get("migrations")).get("details");
            assertThat(migrations.get("pending")).isEqualTo(SHIPPED_MIGRATIONS);
        }
        try (Connection connection = db.connect()) {
            assertThat(new SchemaInspector(connection).tables()).isEmpty();
        }
    }

    @Test
    void keepsRetryingAnUnreachableDatabaseThenStopsBootWithAClearMessage() {
        Map<String, Object> properties = Map.of(
                "huddle.database.url", "postgresql://huddle:hunter2secret@127.0.0.1:1/huddle",
                "huddle.migration.connect-timeout", "1500ms",
                "datasources.default.connection-timeout", 300,
                "micronaut.server.port", -1);
        long started = System.nanoTime();

        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class, properties))
                .satisfies(error -> assertThat(causeOf(error, DatabaseUnreachableException.class).getMessage())
                        .contains("still unreachable after 1 s", "attempts", "jdbc:postgresql://127.0.0.1:1/huddle", "refused")
                        .doesNotContain("hunter2secret"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void keepsExternalSessionsInMemoryOnlyForTheLifeOfTheProcess(Engine engine) throws Exception {
        TestDatabase db = TestDatabases.fresh(engine);
        Instant now = Instant.now();
        try (EmbeddedServer server = start(db, Map.of())) {
            ExternalSessionStore store = server.getApplicationContext().getBean(ExternalSessionStore.class);
            store.save(new ExternalSession("s1", "m1", "Guest", false, now, now.plusSeconds(600)));
            assertThat(store.find("s1", now)).isPresent();
        }
        try (EmbeddedServer server = start(db, Map.of())) {
            assertThat(server.getApplicationContext().getBean(ExternalSessionStore.class).size()).isZero();
        }
        try (Connection connection = db.connect()) {
            assertThat(new SchemaInspector(connection).tables()).doesNotContain("external_sessions");
        }
    }

    private static EmbeddedServer start(TestDatabase db, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put("huddle.database.url", db.url());
        properties.put("micronaut.server.port", -1);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    private static int historyRows(TestDatabase db) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from huddle_schema_history where success = true")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** A module whose one migration creates a table and then fails, in both dialects. */
    private static Path brokenModule() throws IOException {
        Path root = Files.createTempDirectory("huddle-broken-");
        for (String dialect : new String[] {"postgresql", "sqlite"}) {
            Path folder = Files.createDirectories(root.resolve("broken").resolve(dialect));
            Files.writeString(folder.resolve("V20990101000000__broken_step.sql"),
                    "create table broken_first (id integer primary key);\nselect * from no_such_table;\n");
        }
        return root;
    }

    private static <T extends Throwable> T causeOf(Throwable error, Class<T> type) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
        }
        throw new AssertionError("No " + type.getSimpleName() + " in the cause chain of " + error);
    }
}
