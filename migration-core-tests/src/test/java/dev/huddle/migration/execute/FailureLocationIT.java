package dev.huddle.migration.execute;

import dev.huddle.migration.Scenarios;
import dev.huddle.migration.failure.MigrationFailedException;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static dev.huddle.migration.Scenarios.migrator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A failing statement is located from the one execution that failed: nothing runs a second time to find its line, so
 * side effects a rollback cannot undo (a sequence's next value) happen once.
 */
class FailureLocationIT {
    @TempDir
    Path modules;

    @Test
    void locatingAFailureRunsNothingTwice() throws Exception {
        TestDatabase database = TestDatabases.fresh(Engine.POSTGRESQL);
        Scenarios.writeInBothDialects(modules, "alpha", "V20250101000000__counter.sql", "create sequence counter;\n");
        migrator(modules, database).up();
        Scenarios.writeInBothDialects(modules, "alpha", "V20250102000000__take_a_number.sql", "select nextval('counter');\n");
        Scenarios.writeInBothDialects(modules, "alpha", "V20250103000000__broken.sql",
                "create table items (id integer primary key);\n\ninsert into items values (1);\ninsert into items values (1);\n");

        assertThatThrownBy(() -> migrator(modules, database).up())
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("V20250103000000__broken.sql failed at line 4")
                .hasMessageContaining("Statement: insert into items values (1)");

        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet counter = statement.executeQuery("select last_value, is_called from counter")) {
            counter.next();
            assertThat(counter.getLong(1)).isEqualTo(1);
            assertThat(counter.getBoolean(2)).as("nextval ran once, in the failed run").isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void namesTheFailingStatementOfABigScript(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        StringBuilder script = new StringBuilder("create table items (id integer primary key, body text);\n");
        for (int i = 1; i <= 5_000; i++) {
            script.append("insert into items values (").append(i).append(", 'row ''").append(i).append("''; -- not a comment');\n");
        }
        script.append("insert into items values (17, 'again');\n");
        Scenarios.writeInBothDialects(modules, "alpha", "V20250101000000__load.sql", script.toString());

        assertThatThrownBy(() -> migrator(modules, database).up())
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("V20250101000000__load.sql failed at line 5002")
                .hasMessageContaining("Statement: insert into items values (17, 'again')");
    }
}
