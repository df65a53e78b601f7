package dev.huddle.migration.connect;

import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL connections get a socket timeout by default; the URL, then the environment, may change it. */
class PostgresTimeoutsIT {

    @Test
    void connectionsGetTheDefaultSocketTimeout() throws Exception {
        assertThat(socketTimeoutMillis(Map.of(), "")).isEqualTo(PostgresTimeouts.SOCKET.toMillis());
    }

    @Test
    void theUrlWinsOverTheDefaultAndTheEnvironment() throws Exception {
        assertThat(socketTimeoutMillis(Map.of(PostgresTimeouts.SOCKET_TIMEOUT_VARIABLE, "30m"), "socketTimeout=7")).isEqualTo(7_000);
    }

    @Test
    void theEnvironmentWinsOverTheDefaultAndZeroMeansNoLimit() throws Exception {
        assertThat(socketTimeoutMillis(Map.of(PostgresTimeouts.SOCKET_TIMEOUT_VARIABLE, "90s"), "")).isEqualTo(90_000);
        assertThat(socketTimeoutMillis(Map.of(PostgresTimeouts.SOCKET_TIMEOUT_VARIABLE, "0"), "")).isZero();
    }

    private static long socketTimeoutMillis(Map<String, String> environment, String parameter) throws Exception {
        TestDatabase database = TestDatabases.fresh(Engine.POSTGRESQL);
        String url = database.url() + (parameter.isEmpty() ? "" : (database.url().contains("?") ? "&" : "?") + parameter);
        try (Connection connection = DatabaseTargets.resolve(url, environment).connect()) {
            return connection.getNetworkTimeout();
        }
    }
}
