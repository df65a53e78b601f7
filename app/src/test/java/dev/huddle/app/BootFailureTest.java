package dev.huddle.app;

import dev.huddle.migration.cli.ExitCodes;
import dev.huddle.migration.failure.MigrationFailedException;
import dev.huddle.migration.failure.PendingMigrationsException;
import io.micronaut.context.exceptions.BeanInstantiationException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A failed boot is logged once by the failure's own message and exits with the runner's code for it. */
class BootFailureTest {

    @Test
    void aHuddleFailureWrappedByMicronautIsReportedByItsOwnMessageAndKind() {
        MigrationFailedException failed = new MigrationFailedException("broken/V1__x.sql",
                "broken/V1__x.sql failed at line 2: syntax error. The run was rolled back.", new SQLException("syntax error"));

        BootFailure boot = BootFailure.of(new BeanInstantiationException("Error instantiating bean of type [DataSource]: "
                + failed.getMessage(), failed));

        assertThat(boot.exitCode()).isEqualTo(ExitCodes.MIGRATION_FAILED);
        assertThat(boot.message()).isEqualTo("Huddle did not start: " + failed.getMessage());
        assertThat(boot.trace()).as("the message says it all").isNull();
    }

    @Test
    void aRefusalExitsWithItsOwnCode() {
        BootFailure boot = BootFailure.of(new RuntimeException("wrapper", new PendingMigrationsException(List.of("meetings/V1__a.sql"))));

        assertThat(boot.exitCode()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(boot.message()).contains("1 migration is pending", "meetings/V1__a.sql", "HUDDLE_MIGRATION_MODE=migrate");
    }

    @Test
    void anythingElseIsAnInternalErrorWithItsStackTraceAndARequestToReportIt() {
        IllegalStateException bug = new IllegalStateException("no such state");

        BootFailure boot = BootFailure.of(new BeanInstantiationException("Error instantiating bean", bug));

        assertThat(boot.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR).isEqualTo(5);
        assertThat(boot.message()).startsWith("internal error: Error instantiating bean")
                .contains("Please report it", BeanInstantiationException.class.getName());
        assertThat(boot.trace()).hasRootCause(bug);
    }
}
