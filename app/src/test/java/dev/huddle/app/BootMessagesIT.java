package dev.huddle.app;

import dev.huddle.migration.failure.DatabaseMissingException;
import dev.huddle.migration.failure.DatabaseUnreachableException;
import dev.huddle.migration.failure.UsageException;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What a boot that cannot go ahead says: the actual problem, once, with its fix; and its settings read as the runner's. */
class BootMessagesIT {

    @Test
    void aDatabaseThatDoesNotExistStopsTheBootAtOnceWithTheCommandToCreateIt() {
        TestDatabase server = TestDatabases.fresh(Engine.POSTGRESQL);
        String existing = server.jdbcUrl().substring(server.jdbcUrl().lastIndexOf('/') + 1);
        String missingUrl = server.url().replace("/" + existing, "/" + existing + "_missing");

        Throwable failure = catchThrowable(() -> start(Map.of("huddle.database.url", missingUrl,
                "huddle.migration.connect-timeout", "10m")));

        DatabaseMissingException missing = causeOf(failure, DatabaseMissingException.class);
        assertThat(missing.getMessage()).startsWith("The database \"" + existing + "_missing\" does not exist on the server at ")
                .contains("createdb -h ", existing + "_missing", "CREATE DATABASE")
                .doesNotContain("unreachable").doesNotContain("attempt").doesNotContain("CONNECT_TIMEOUT");
    }

    @Test
    void anUnreachableDatabaseIsRetriedWithBackoffAndTheTimeReportedIsTheTimeWaited() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        // The pool keeps its default connection timeout (5 s): the retry must not wait on it.
        Throwable failure = catchThrowable(() -> start(Map.of(
                "huddle.database.url", "postgresql://huddle:hunter2secret@127.0.0.1:" + port + "/huddle",
                "huddle.migration.connect-timeout", "2")));

        String message = causeOf(failure, DatabaseUnreachableException.class).getMessage();
        Matcher reported = Pattern.compile("still unreachable after ([0-9.]+) (ms|s) and (\\d+) attempts").matcher(message);
        assertThat(reported.find()).as(message).isTrue();
        double waitedSeconds = Double.parseDouble(reported.group(1)) / (reported.group(2).equals("ms") ? 1000 : 1);
        assertThat(waitedSeconds).as("the time waited, which is at least the connect timeout").isGreaterThanOrEqualTo(2.0);
        assertThat(Integer.parseInt(reported.group(3))).as("0.25 s, 0.5 s, 1 s apart: several attempts, not one pool timeout")
                .isGreaterThanOrEqualTo(3);
        assertThat(message).contains("nothing is listening there", "HUDDLE_MIGRATION_CONNECT_TIMEOUT, now 2 s")
                .doesNotContain("hunter2secret");
    }

    @Test
    void aModeThatIsNotOneListsTheAllowedValues() {
        Throwable failure = catchThrowable(() -> start(Map.of("huddle.database.url", TestDatabases.fresh(Engine.SQLITE).url(),
                "huddle.migration.mode", "migrat")));

        assertThat(causeOf(failure, UsageException.class).getMessage())
                .startsWith("HUDDLE_MIGRATION_MODE (huddle.migration.mode) 'migrat' is not a boot migration mode.")
                .contains("migrate (", "validate (", "off (");
        assertThat(BootFailure.of(failure).exitCode()).isEqualTo(2);
    }

    @Test
    void durationSettingsAreWrittenAsTheRunnersOptions() {
        try (EmbeddedServer server = start(Map.of("huddle.database.url", TestDatabases.fresh(Engine.SQLITE).url(),
                "huddle.migration.lock-timeout", "2m", "huddle.migration.connect-timeout", "45"))) {
            assertThat(server.isRunning()).isTrue();
        }
        Throwable negative = catchThrowable(() -> start(Map.of("huddle.database.url", TestDatabases.fresh(Engine.SQLITE).url(),
                "huddle.migration.lock-timeout", "-1")));
        assertThat(causeOf(negative, UsageException.class).getMessage())
                .startsWith("huddle.migration.lock-timeout (HUDDLE_MIGRATION_LOCK_TIMEOUT) '-1' is not a duration");
    }

    private static EmbeddedServer start(Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>(settings);
        properties.put("micronaut.server.port", -1);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    private static <T extends Throwable> T causeOf(Throwable error, Class<T> type) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
        }
        throw new AssertionError("No " + type.getSimpleName() + " in the cause chain of " + error, error);
    }
}
