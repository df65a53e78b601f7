package dev.huddle.migration.execute;

import dev.huddle.migration.history.HistoryTable;
import dev.huddle.migration.plan.MigrationPlan;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;

import javax.sql.DataSource;
import java.sql.SQLException;
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
                // Huddle's validation decides whether an older pending migration may run (a module rolled back alone
                // and applied again); Flyway applies the plan it is given instead of silently skipping those.
                .outOfOrder(true)
                // A script marked no-transaction may mix statements; planning has made sure the mark is there.
                .mixed(true)
                .target(targetVersion == null ? "latest" : targetVersion)
                .loggers("slf4j")
                .load();
        try {
            MigrateResult result = flyway.migrate();
            return new UpResult(result.migrations.stream().map(output -> step(plan, output)).toList());
        } catch (FlywayMigrateException e) {
            throw failure(e);
        } catch (FlywayException e) {
            throw new MigrationFailedException(null, "Applying migrations failed: " + e.getMessage(), e);
        }
    }

    private static AppliedStep step(MigrationPlan plan, MigrateOutput output) {
        String module = plan.find(output.version).map(script -> script.module()).orElse("?");
        return new AppliedStep(module, output.version, output.description, output.executionTime);
    }

    /** Says which script failed, where, and with the database's own words, instead of Flyway's report block. */
    private static MigrationFailedException failure(FlywayMigrateException e) {
        String script = e.getMigration() == null ? "a migration" : e.getMigration().getScript();
        StringBuilder message = new StringBuilder("Migration ").append(script).append(" failed");
        SQLException sqlError = cause(e, SQLException.class);
        FlywaySqlScriptException scriptError = cause(e, FlywaySqlScriptException.class);
        if (scriptError != null && scriptError.getLineNumber() > 0) {
            message.append(" at line ").append(scriptError.getLineNumber());
        }
        message.append(": ").append(sqlError != null ? sqlError.getMessage().strip() : String.valueOf(e.getMessage()).strip());
        if (scriptError != null && scriptError.getStatement() != null
                && !scriptError.getStatement().equals(FlywaySqlScriptException.STATEMENT_MESSAGE)) {
            message.append("\nStatement: ").append(scriptError.getStatement().strip());
        }
        message.append("\nIts transaction was rolled back: the database is as it was before this migration. ")
                .append("Fix the script and run up again.");
        return new MigrationFailedException(script, message.toString(), e);
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
        }
        return null;
    }
}
