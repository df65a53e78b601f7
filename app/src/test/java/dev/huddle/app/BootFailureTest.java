package dev.huddle.app;

import dev.huddle.app.migration.MigrationConfiguration;
import dev.huddle.migration.cli.ExitCodes;
import dev.huddle.migration.failure.MigrationFailedException;
import dev.huddle.migration.failure.PendingMigrationsException;
import dev.huddle.migration.failure.UsageException;
import io.micronaut.context.exceptions.BeanInstantiationException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A failed boot is logged once by the failure's own message, its stack trace only with debug logging on, and exits with
 * the runner's code for it.
 */
class BootFailureTest {

    @Test
    void aHuddleFailureWrappedByMicronautIsReportedByItsOwnMessageAndKind() {
        MigrationFailedException failed = new MigrationFailedException("broken/V1__x.sql",
                "broken/V1__x.sql failed at line 2: syntax error. The run was rolled back.", new SQLException("syntax error"));

        BootFailure boot = BootFailure.of(new BeanInstantiationException("Error instantiating bean of type [DataSource]: "
                + failed.getMessage(), failed));

        assertThat(boot.exitCode()).isEqualTo(ExitCodes.MIGRATION_FAILED);
        assertThat(boot.message()).isEqualTo("Huddle did not start: " + failed.getMessage());
        assertThat(boot.traceToLog(false)).as("the message says it all").isNull();
        assertThat(boot.traceToLog(true)).as("with debug logging on").hasRootCauseInstanceOf(SQLException.class);
    }

    @Test
    void aRefusalExitsWithItsOwnCode() {
        BootFailure boot = BootFailure.of(new RuntimeException("wrapper", new PendingMigrationsException(List.of("meetings/V1__a.sql"))));

        assertThat(boot.exitCode()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(boot.message()).contains("1 migration is pending", "meetings/V1__a.sql", "HUDDLE_MIGRATION_MODE=migrate");
    }

    @Test
    void aBadModeSettingStopsTheBootAsAUsageErrorListingTheModes() {
        UsageException refused = catchThrowableOfType(UsageException.class, () -> new MigrationConfiguration().setMode("migrat"));

        BootFailure boot = BootFailure.of(new BeanInstantiationException("Error instantiating bean", refused));

        assertThat(boot.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(boot.message()).isEqualTo("Huddle did not start: HUDDLE_MIGRATION_MODE (huddle.migration.mode) 'migrat' is "
                + "not a boot migration mode. Use migrate (apply pending migrations at boot, the default), validate (refuse to "
                + "start while any is pending) or off (leave the schema alone).");
    }

    @Test
    void durationSettingsAreWrittenAsTheRunnersAndANegativeOneIsRefused() {
        MigrationConfiguration configuration = new MigrationConfiguration();
        configuration.setConnectTimeout("2m");
        configuration.setLockTimeout("5");

        assertThat(configuration.getConnectTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(configuration.getLockTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(catchThrowableOfType(UsageException.class, () -> configuration.setConnectTimeout("-5s")))
                .hasMessageStartingWith("huddle.migration.connect-timeout (HUDDLE_MIGRATION_CONNECT_TIMEOUT) '-5s' is not a "
                        + "duration (a timeout cannot be negative).");
    }

    @Test
    void anythingElseIsAnInternalErrorWithItsStackTraceAndARequestToReportIt() {
        IllegalStateException bug = new IllegalStateException("no such state");

        BootFailure boot = BootFailure.of(new BeanInstantiationException("Error instantiating bean", bug));

        assertThat(boot.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR).isEqualTo(5);
        assertThat(boot.message()).startsWith("internal error: Error instantiating bean")
                .contains("Please report it", BeanInstantiationException.class.getName());
        assertThat(boot.traceToLog(false)).as("a bug's trace is always logged").hasRootCause(bug);
    }
}
