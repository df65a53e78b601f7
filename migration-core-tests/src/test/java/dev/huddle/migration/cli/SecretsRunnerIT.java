package dev.huddle.migration.cli;

import dev.huddle.migration.Scenarios;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets in a URL, the user-info password and {@code sslpassword}, never reach the runner's output, in part or
 * whole, whether the command works, fails to connect, or the URL is malformed. PostgreSQL only: SQLite URLs carry no
 * credentials. The test server trusts every connection, so it ignores the password these URLs carry.
 */
class SecretsRunnerIT {
    /** Each piece between special characters is distinct, so the output can be searched for any part of it. */
    private static final String PASSWORD = "Pw1ab@Pw2cd;Pw3ef#Pw4gh/Pw5ij?Pw6kl Pw7mn%Pw8op:Pw9qr";
    private static final String SSL_PASSWORD = "Ssl1a@Ssl2b#Ssl3c Ssl4d";
    private static final List<String> PIECES = List.of("Pw1ab", "Pw2cd", "Pw3ef", "Pw4gh", "Pw5ij", "Pw6kl", "Pw7mn",
            "Pw8op", "Pw9qr", "Ssl1a", "Ssl2b", "Ssl3c", "Ssl4d");
    private static final String INTERLEAVED = Scenarios.path("interleaved").toString();

    @Test
    void statusAsTextAndJsonShowsTheDatabaseWithoutAnySecret() {
        String url = url(TestDatabases.fresh(Engine.POSTGRESQL), PASSWORD);

        Run text = run(url, INTERLEAVED, "status");
        Run json = run(url, INTERLEAVED, "status", "--json");

        assertThat(text.code()).as(text.err()).isEqualTo(ExitCodes.OK);
        assertThat(text.out()).contains("Database: jdbc:postgresql://127.0.0.1:").contains("sslmode=disable");
        assertThat(json.code()).as(json.err()).isEqualTo(ExitCodes.OK);
        assertThat(json.out()).contains("\"database\"").contains("jdbc:postgresql://127.0.0.1:");
        assertNoSecret(text);
        assertNoSecret(json);
    }

    @Test
    void aConnectionErrorNamesTheProblemWithoutAnySecret() throws Exception {
        TestDatabase database = TestDatabases.fresh(Engine.POSTGRESQL);
        String missingDatabase = url(database, PASSWORD).replaceFirst("/huddle_test_\\w+\\?", "/no_such_database?");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String nothingListening = url(database, PASSWORD).replaceFirst(":\\d+/", ":" + closedPort + "/");

        Run missing = run(missingDatabase, INTERLEAVED, "up");
        Run refused = run(nothingListening, INTERLEAVED, "status", "--json");

        assertThat(missing.code()).as(missing.err()).isEqualTo(ExitCodes.CANNOT_CONNECT);
        assertThat(missing.err()).contains("database \"no_such_database\" does not exist");
        assertThat(refused.code()).as(refused.err()).isEqualTo(ExitCodes.CANNOT_CONNECT);
        assertThat(refused.err()).contains("Connection to 127.0.0.1:" + closedPort + " refused");
        assertNoSecret(missing);
        assertNoSecret(refused);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "postgresql://postgres:Pw1ab@Pw2cd@127.0.0.1:5432/huddle",
            "postgresql://postgres:Pw1ab#Pw2cd@127.0.0.1:5432/huddle",
            "postgresql://postgres:Pw1ab@Pw2cd#Pw3ef@127.0.0.1:5432/huddle",
            "postgresql://postgres:Pw1ab Pw2cd/Pw3ef?Pw4gh@127.0.0.1:5432/huddle",
            "postgresql://postgres:Pw1ab%zzPw2cd@127.0.0.1:5432/huddle",
            "jdbc:postgresql://127.0.0.1:5432/huddle?sslpassword=Ssl1a#Ssl2b&password=Pw1ab",
            "jdbc:postgresql://127.0.0.1:5432?sslpassword=Ssl1a@Ssl2b&password=Pw1ab;Pw2cd",
    })
    void aMalformedUrlIsAUsageErrorWithoutAnyPartOfItsSecrets(String url) {
        Run status = run(url, INTERLEAVED, "status");

        assertThat(status.code()).as(status.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(status.err()).startsWith("error: Database URL '").contains("cannot be used");
        assertNoSecret(status);
    }

    @Test
    void aPasswordThatIsACommonWordLeavesTheMessageReadable() {
        TestDatabase database = TestDatabases.fresh(Engine.POSTGRESQL);
        String url = url(database, "postgresql").replaceFirst("/huddle_test_\\w+\\?", "/no_such_database?");

        Run up = run(url, INTERLEAVED, "up");

        assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.CANNOT_CONNECT);
        assertThat(up.err()).startsWith("error: The database \"no_such_database\" does not exist on the server at 127.0.0.1:")
                .contains("createdb -h 127.0.0.1 -p ", " -U postgres no_such_database");
    }

    /** The test database's URL with these secrets percent-encoded into it, as a careful user would write it. */
    private static String url(TestDatabase database, String password) {
        URI server = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        return "postgresql://" + database.user() + ":" + encode(password) + "@127.0.0.1:" + server.getPort() + server.getPath()
                + "?sslmode=disable&sslpassword=" + encode(SSL_PASSWORD) + "&ApplicationName=secrets-test";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void assertNoSecret(Run run) {
        String output = run.out() + run.err();
        assertThat(PIECES).allSatisfy(piece -> assertThat(output).doesNotContain(piece));
    }
}
