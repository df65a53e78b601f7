package dev.huddle.migration.cli;

import dev.huddle.migration.Scenarios;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * History rows that cannot be right: a version recorded twice, a row of a module nobody declares, a row newer than
 * every script of its module. status shows each with its state; validate and up refuse with exit 3 and change nothing.
 */
class HistoryAnomaliesRunnerIT {
    private static final String COPY_ROW = "insert into huddle_schema_history (installed_rank, version, description, type, script, "
            + "checksum, installed_by, execution_time, success) select %d, %s, description, type, %s, checksum, installed_by, "
            + "execution_time, success from huddle_schema_history where installed_rank = 1";

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aVersionRecordedTwiceIsShownAndRefused(Engine engine) throws Exception {
        assertRefused(engine, COPY_ROW.formatted(5, "version", "script"), "duplicate", "recorded twice");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRowOfAnUndeclaredModuleIsShownAndRefused(Engine engine) throws Exception {
        assertRefused(engine, COPY_ROW.formatted(5, "'20250105000000'", "'gamma/V20250105000000__elsewhere.sql'"),
                "unknown_module", "module gamma");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRowNewerThanEveryScriptOfItsModuleIsShownAndRefused(Engine engine) throws Exception {
        assertRefused(engine, COPY_ROW.formatted(5, "'20250109000000'", "'alpha/V20250109000000__from_a_newer_release.sql'"),
                "future", "newer release");
    }

    private void assertRefused(Engine engine, String insert, String state, String explanation) throws Exception {
        Path modules = Scenarios.path("interleaved");
        TestDatabase database = Scenarios.migrated(engine, modules);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(insert);
        }

        Run status = Run.run(database, modules.toString(), "status");
        Run json = Run.run(database, modules.toString(), "status", "--json");
        Run validate = Run.run(database, modules.toString(), "validate");
        Scenarios.writeInBothDialects(Scenarios.copy("interleaved", temp), "beta", "V20250110000000__pending.sql",
                "create table pending_items (id integer primary key);\n");
        Run up = Run.run(database, temp.resolve("interleaved").toString(), "up");

        assertThat(status.code()).isZero();
        assertThat(status.out()).contains(state, explanation);
        assertThat(json.out()).contains("\"state\" : \"" + state + "\"");
        assertThat(validate.code()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(validate.err() + validate.out()).contains(explanation);
        assertThat(up.code()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(up.err()).contains(explanation);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            assertThat(connection.getMetaData().getTables(null, null, "pending_items", null).next()).isFalse();
        }
    }
}
