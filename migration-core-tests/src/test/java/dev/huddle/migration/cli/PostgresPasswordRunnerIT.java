package dev.huddle.migration.cli;

import dev.huddle.migration.Scenarios;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.Queries;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wrong password. PostgreSQL only: SQLite has no credentials. The test server trusts every connection, so this test
 * makes it ask one role, over TCP from 127.0.0.1 only, for a password, and puts its authentication file back after.
 */
class PostgresPasswordRunnerIT {
    private static final String ROLE = "huddle_pw_test";
    private static final String PASSWORD = "Right-Pa55word";
    private static final String WRONG_PASSWORD = "Wr0ng-Pa55word";
    private static final String INTERLEAVED = Scenarios.path("interleaved").toString();

    @Test
    void upWithAWrongPasswordExitsFourNamingTheProblemWithoutShowingThePassword() throws Exception {
        TestDatabase database = TestDatabases.fresh(Engine.POSTGRESQL);
        URI server = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        String url = "postgresql://" + ROLE + ":%s@127.0.0.1:" + server.getPort() + server.getPath();

        try (Connection admin = database.connect(); Statement statement = admin.createStatement()) {
            String hbaFile = Queries.text(statement, "show hba_file");
            String original = Queries.text(statement, "select pg_read_file(current_setting('hba_file'))");
            statement.execute("set password_encryption = 'scram-sha-256'");
            statement.execute("create role " + ROLE + " login password '" + PASSWORD + "'");
            try {
                writeServerFile(statement, hbaFile, "host all " + ROLE + " 127.0.0.1/32 scram-sha-256\n" + original);
                statement.execute("select pg_reload_conf()");
                awaitPasswordRequired(server.getPort(), server.getPath().substring(1));
                assertThat(run(url.formatted(PASSWORD), INTERLEAVED, "status").code()).as("the right password").isEqualTo(ExitCodes.OK);

                Run up = run(url.formatted(WRONG_PASSWORD), INTERLEAVED, "up");

                assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.CANNOT_CONNECT);
                assertThat(up.err()).startsWith("error: Cannot connect to")
                        .contains("password authentication failed for user \"" + ROLE + "\"");
                assertThat(up.out() + up.err()).doesNotContain(WRONG_PASSWORD).doesNotContain(PASSWORD);
            } finally {
                writeServerFile(statement, hbaFile, original);
                statement.execute("select pg_reload_conf()");
                statement.execute("drop role " + ROLE);
                assertThat(Queries.text(statement, "select pg_read_file(current_setting('hba_file'))")).isEqualTo(original);
            }
        }
    }

    /**
     * Writes a text file on the database server, line by line, exactly: CSV with a quote and delimiter that never
     * occur in it writes each line as it is, and empty lines as NULL, which CSV writes as nothing.
     */
    private static void writeServerFile(Statement statement, String path, String text) throws SQLException {
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        assertThat(body).doesNotContain("$hba$", "\u0001", "\u0002", "\r");
        statement.execute("copy (select nullif(line, '') from unnest(string_to_array($hba$" + body + "$hba$, E'\\n'))"
                + " with ordinality as lines(line, n) order by n) to '" + path.replace("'", "''") + "'"
                + " with (format csv, delimiter E'\\x02', quote E'\\x01')");
    }

    /** The server reloads its configuration in the background: wait until a wrong password is refused. */
    private static void awaitPasswordRequired(int port, String databaseName) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (Connection ignored = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + port + "/" + databaseName, ROLE, WRONG_PASSWORD)) {
                assertThat(System.nanoTime()).as("the server still lets %s in without its password", ROLE).isLessThan(deadline);
                Thread.sleep(50);
            } catch (SQLException refused) {
                assertThat(refused.getSQLState()).as(refused.getMessage()).isEqualTo("28P01");
                return;
            }
        }
    }
}
