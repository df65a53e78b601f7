package dev.huddle.migration.cli;

import dev.huddle.migration.Scenarios;
import dev.huddle.migration.status.StatusReport;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
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

/** {@code baseline}: a database whose schema predates its history is adopted up to a version, after a schema check. */
class BaselineRunnerIT {
    private static final String MODULES = Scenarios.path("drift").toString();
    private static final String ROOMS = "20250101000000";
    private static final String CHAT = "20250102000000";

    @ParameterizedTest
    @EnumSource(Engine.class)
    void adoptsAnExistingSchemaSoUpRunsOnlyWhatFollows(Engine engine) throws Exception {
        TestDatabase database = schemaWithoutHistory(engine, ROOMS);

        Run dryRun = run(database, MODULES, "baseline", "--to", ROOMS, "--dry-run");

        assertThat(dryRun.code()).as(dryRun.err()).isEqualTo(ExitCodes.OK);
        assertThat(dryRun.out()).contains("would adopt rooms " + ROOMS + " create rooms", "nothing was recorded");
        assertThat(historyRows(database)).as("a dry run records nothing").isEmpty();

        Run baseline = run(database, MODULES, "baseline", "--to", ROOMS);
        Run status = run(database, MODULES, "status");
        Run up = run(database, MODULES, "up");

        assertThat(baseline.code()).as(baseline.err()).isEqualTo(ExitCodes.OK);
        assertThat(baseline.out()).contains("adopted rooms " + ROOMS, "Adopted 1 migration");
        assertThat(status.out()).contains(StatusReport.ADOPTED_NOTE).contains("pending");
        assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.OK);
        assertThat(up.out()).contains("Applied 1 migration.");
        assertThat(historyRows(database)).containsExactly(ROOMS + " BASELINE rooms/V20250101000000__create_rooms.sql",
                CHAT + " SQL chat/V20250102000000__create_messages.sql");
        assertThat(run(database, MODULES, "validate").code()).isEqualTo(ExitCodes.OK);
        assertThat(run(database, MODULES, "drift").code()).isEqualTo(ExitCodes.OK);
        assertThat(run(database, MODULES, "baseline", "--to", CHAT).out()).contains("already recorded rooms " + ROOMS,
                "already recorded chat " + CHAT, "Nothing to adopt.");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesNamingTheMissingColumnAndRecordsNothingButAdoptsAModuleThatIsWhole(Engine engine) throws Exception {
        TestDatabase database = schemaWithoutHistory(engine, CHAT);
        execute(database, "alter table rooms drop column topic");

        Run refused = run(database, MODULES, "baseline", "--to", CHAT);

        assertThat(refused.code()).as(refused.out()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(refused.err()).contains("lacks 1 of the tables and columns", "chat: missing column rooms.topic", "baseline --to VERSION");
        assertThat(historyRows(database)).isEmpty();

        Run roomsOnly = run(database, MODULES, "baseline", "--to", CHAT, "--module", "rooms");

        assertThat(roomsOnly.code()).as(roomsOnly.err()).isEqualTo(ExitCodes.OK);
        assertThat(historyRows(database)).containsExactly(ROOMS + " BASELINE rooms/V20250101000000__create_rooms.sql");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anUnknownVersionOrMissingVersionIsAUsageError(Engine engine) {
        TestDatabase database = TestDatabases.fresh(engine);

        Run unknown = run(database, MODULES, "baseline", "--to", "20990101000000");
        Run missing = run(database, MODULES, "baseline");

        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("--to 20990101000000 names no migration");
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("baseline needs --to VERSION");
    }

    /** A database another tool built: the migrations' schema up to {@code version}, and no Huddle history. */
    private static TestDatabase schemaWithoutHistory(Engine engine, String version) throws SQLException {
        TestDatabase database = TestDatabases.fresh(engine);
        Run up = run(database, MODULES, "up", "--target", version);
        assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.OK);
        execute(database, "drop table huddle_schema_history");
        return database;
    }

    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** {@code version type script} of every row; empty when there is no history table. */
    private static List<String> historyRows(TestDatabase database) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            try (ResultSet result = statement.executeQuery("select version, type, script from huddle_schema_history order by installed_rank")) {
                while (result.next()) {
                    rows.add(result.getString(1) + " " + result.getString(2) + " " + result.getString(3));
                }
            } catch (SQLException e) {
                if (!String.valueOf(e.getMessage()).contains("huddle_schema_history")) {
                    throw e;
                }
            }
        }
        return rows;
    }
}
