package dev.huddle.app.health;

import dev.huddle.app.migration.AppMigrator;
import dev.huddle.migration.Migrator;
import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.drift.DriftCheck;
import dev.huddle.migration.drift.DriftReport;
import dev.huddle.migration.drift.ExpectedSchema;
import dev.huddle.migration.drift.ExpectedSchemaBuilder;
import dev.huddle.migration.drift.ScratchDatabase;
import dev.huddle.migration.failure.HuddleFailure;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.schema.SchemaDifference;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The drift part of /health, when {@code huddle.health.drift} asks for it: the live schema compared with the one the
 * migrations build, as {@code huddle-migrate drift} does. The expected schema depends only on the scripts, so it is
 * derived once per process (on PostgreSQL on a scratch database created beside the live one, which needs
 * {@code CREATEDB}); each health check then reads the live catalog and compares. A failure to derive it is reported,
 * not retried, until the app restarts.
 */
@Singleton
public class SchemaDrift {
    private final Migrator migrator;
    private final DataSource dataSource;
    private final DatabaseTarget target;
    private ExpectedSchema expected;
    private String unavailable;

    public SchemaDrift(AppMigrator appMigrator, DataSource dataSource, DatabaseTarget target) {
        this.migrator = appMigrator.against(dataSource);
        // The pool itself: Micronaut Data's wrapper hands out only the connection of a transaction in progress.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.target = target;
    }

    /** {@code clean}, the number of differences and each module's differences; or {@code error} when it cannot tell. */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        MigrationPlan plan = migrator.plan();
        ExpectedSchema schema = expected(plan);
        if (schema == null) {
            details.put("error", unavailable);
            return details;
        }
        DriftReport report;
        try (Connection live = dataSource.getConnection()) {
            report = DriftCheck.check(plan, schema, live, target.toString(), true);
        } catch (SQLException | HuddleFailure e) {
            details.put("error", "Cannot read the live schema: " + e.getMessage());
            return details;
        }
        details.put("clean", report.isClean());
        details.put("differences", report.differences().size());
        Map<String, List<String>> byModule = new LinkedHashMap<>();
        report.byModule().forEach((module, differences) -> byModule.put(module, differences.stream().map(SchemaDifference::toString).toList()));
        details.put("modules", byModule);
        return details;
    }

    private synchronized ExpectedSchema expected(MigrationPlan plan) {
        if (expected == null && unavailable == null) {
            try (ScratchDatabase scratch = ScratchDatabase.beside(target)) {
                expected = ExpectedSchemaBuilder.build(plan, scratch.session());
            } catch (HuddleFailure e) {
                unavailable = "Cannot derive the schema the migrations build: " + e.getMessage();
            }
        }
        return expected;
    }
}
