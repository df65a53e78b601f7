package dev.huddle.migration.cli;

import dev.huddle.migration.Scenarios;
import dev.huddle.migration.status.StatusReport;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
        TestDatabase database = LegacyDatabases.schemaWithoutHistory(engine, MODULES, ROOMS);

        Run dryRun = run(database, MODULES, "baseline", "--to", ROOMS, "--dry-run");

        assertThat(dryRun.code()).as(dryRun.err()).isEqualTo(ExitCodes.OK);
        assertThat(dryRun.out()).contains("would adopt rooms " + ROOMS + " create rooms", "nothing was recorded");
        assertThat(LegacyDatabases.huddleRows(database)).as("a dry run records nothing").isEmpty();

        Run baseline = run(database, MODULES, "baseline", "--to", ROOMS);
        Run status = run(database, MODULES, "status");
        Run up = run(database, MODULES, "up");

        assertThat(baseline.code()).as(baseline.err()).isEqualTo(ExitCodes.OK);
        assertThat(baseline.out()).contains("adopted rooms " + ROOMS, "Adopted 1 migration");
        assertThat(status.out()).contains(StatusReport.ADOPTED_NOTE).contains("pending");
        assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.OK);
        assertThat(up.out()).contains("Applied 1 migration.");
        assertThat(LegacyDatabases.huddleRows(database)).containsExactly(ROOMS + " BASELINE",
                CHAT + " SQL");
        assertThat(run(database, MODULES, "validate").code()).isEqualTo(ExitCodes.OK);
        assertThat(run(database, MODULES, "drift").code()).isEqualTo(ExitCodes.OK);
        assertThat(run(database, MODULES, "baseline", "--to", CHAT).out()).contains("already recorded rooms " + ROOMS,
                "already recorded chat " + CHAT, "Nothing to adopt.");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesNamingTheMissingColumnAndRecordsNothingButAdoptsAModuleThatIsWhole(Engine engine) throws Exception {
        TestDatabase database = LegacyDatabases.schemaWithoutHistory(engine, MODULES, CHAT);
        LegacyDatabases.execute(database, "alter table rooms drop column topic");

        Run refused = run(database, MODULES, "baseline", "--to", CHAT);

        assertThat(refused.code()).as(refused.out()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(refused.err()).contains("lacks 1 of the tables and columns", "chat: missing column rooms.topic", "baseline --to VERSION");
        assertThat(LegacyDatabases.huddleRows(database)).isEmpty();

        Run roomsOnly = run(database, MODULES, "baseline", "--to", CHAT, "--module", "rooms");

        assertThat(roomsOnly.code()).as(roomsOnly.err()).isEqualTo(ExitCodes.OK);
        assertThat(LegacyDatabases.huddleRows(database)).containsExactly(ROOMS + " BASELINE");
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
}
