package dev.huddle.migration.cli;

import dev.huddle.migration.Scenarios;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;

import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Each way of failing to reach PostgreSQL is named by its actual cause, with its fix, and never shows the password. */
class ConnectionMessagesRunnerIT {
    private static final String INTERLEAVED = Scenarios.path("interleaved").toString();

    @Test
    void aDatabaseThatDoesNotExistIsReportedAsMissingWithTheCommandToCreateIt() {
        TestDatabase server = TestDatabases.fresh(Engine.POSTGRESQL);
        String existing = server.jdbcUrl().substring(server.jdbcUrl().lastIndexOf('/') + 1);
        String missingUrl = server.url().replace("/" + existing, "/" + existing + "_missing");
        String hostAndPort = server.jdbcUrl().substring("jdbc:postgresql://".length(), server.jdbcUrl().lastIndexOf('/'));
        String host = hostAndPort.substring(0, hostAndPort.indexOf(':'));
        String port = hostAndPort.substring(hostAndPort.indexOf(':') + 1);

        Run status = run(missingUrl, INTERLEAVED, "status");

        assertThat(status.code()).as(status.err()).isEqualTo(ExitCodes.CANNOT_CONNECT);
        assertThat(status.err()).startsWith("error: The database \"" + existing + "_missing\" does not exist on the server at "
                        + hostAndPort + ".")
                .contains("Create it (createdb -h " + host + " -p " + port + " -U " + server.user() + " " + existing + "_missing, "
                        + "or CREATE DATABASE \"" + existing + "_missing\"; from psql connected to another database)")
                .doesNotContain("unreachable").doesNotContain("Check that the database is running");
        if (server.password() != null && !server.password().isEmpty()) {
            assertThat(status.err()).doesNotContain(server.password());
        }
    }

    @Test
    void anUnknownHostIsNamedAsSuch() {
        Run status = run("postgresql://huddle:topsecret@no-such-host.invalid:5432/huddle", INTERLEAVED, "status");

        assertThat(status.code()).as(status.err()).isEqualTo(ExitCodes.CANNOT_CONNECT);
        assertThat(status.err()).contains("the host 'no-such-host.invalid' is not known", "Check the host name in the URL")
                .doesNotContain("topsecret");
    }

    @Test
    void aPortWithNothingListeningIsNamedAsSuch() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        Run status = run("postgresql://huddle:topsecret@127.0.0.1:" + port + "/huddle", INTERLEAVED, "status");

        assertThat(status.code()).as(status.err()).isEqualTo(ExitCodes.CANNOT_CONNECT);
        assertThat(status.err()).contains("nothing is listening there", "Connection to 127.0.0.1:" + port + " refused",
                "the port is right").doesNotContain("topsecret");
    }

    @Test
    void aWrongPasswordIsNamedWithoutShowingIt() {
        TestDatabase server = TestDatabases.fresh(Engine.POSTGRESQL);
        String url = server.jdbcUrl().replace("jdbc:postgresql://", "postgresql://no_such_role_huddle:wrongsecret@");

        Run status = run(url, INTERLEAVED, "status");

        assertThat(status.code()).as(status.err()).isEqualTo(ExitCodes.CANNOT_CONNECT);
        assertThat(status.err()).contains("no_such_role_huddle", "Check the user name and password").doesNotContain("wrongsecret");
    }
}
