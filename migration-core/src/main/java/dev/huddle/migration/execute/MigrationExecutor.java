package dev.huddle.migration.execute;

import dev.huddle.migration.history.HistoryTable;
import dev.huddle.migration.plan.MigrationPlan;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.exception.FlywayMigrateException;

import javax.sql.DataSource;
import java.util.List;

/**
 * Applies a checked plan with Flyway Community as the engine: one transaction per migration, the history written
 * by Flyway alone. Validation is Huddle's own and happens before this is called, so Flyway's is turned off.
 */
public final class MigrationExecutor {
    private final DataSource dataSource;

    public MigrationExecutor(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Applies every pending migration of the plan up to and including {@code targetVersion} (all when null).
     *
     * @throws MigrationFailedException naming the script when one fails; it was rolled back
     */
    public UpResult up(MigrationPlan plan, String targetVersion) {
        Flyway flyway = Flyway.configure(MigrationExecutor.class.getClassLoader())
                .dataSource(dataSource)
                .table(HistoryTable.NAME)
                .resourceProvider(new PlanResourceProvider(plan))
                .javaMigrationClassProvider(List::of)
                .placeholderReplacement(false)
                .validateOnMigrate(false)
                .cleanDisabled(true)
                .outOfOrder(false)
                .target(targetVersion == null ? "latest" : targetVersion)
                .loggers("slf4j")
                .load();
        try {
            MigrateResult result = flyway.migrate();
            return new UpResult(result.migrations.stream().map(output -> step(plan, output)).toList());
        } catch (FlywayMigrateException e) {
            String script = e.getMigration() == null ? "a migration" : e.getMigration().getScript();
            String line = e.getLineNumber() > 0 ? " at line " + e.getLineNumber() : "";
            throw new MigrationFailedException(script, "Migration " + script + " failed" + line + ": " + describe(e.getMessage())
                    + "\nIts transaction was rolled back: the database is as it was before this migration. "
                    + "Fix the script and run up again.", e);
        } catch (FlywayException e) {
            throw new MigrationFailedException(null, "Applying migrations failed: " + e.getMessage(), e);
        }
    }

    private static AppliedStep step(MigrationPlan plan, MigrateOutput output) {
        String module = plan.find(output.version).map(script -> script.module()).orElse("?");
        return new AppliedStep(module, output.version, output.description, output.executionTime);
    }

    private static String describe(String message) {
        return message == null ? "unknown error" : message.strip();
    }
}
