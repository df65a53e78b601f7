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
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Schema drift as the app reports it: the live schema compared with the one the migrations build, as
 * {@code huddle-migrate drift} does. Asked for by {@code GET /migrations/drift} (on request, behind the sensitive
 * endpoint's protection) and by /health when {@code huddle.health.drift=true}.
 *
 * <p>What a check costs, and why it is bounded: the expected schema depends only on the scripts, so it is derived once
 * per process (on PostgreSQL by migrating a scratch database created beside the live one, which needs {@code CREATEDB});
 * each check then reads the live catalog, a few dozen queries. A check's result is kept for
 * {@code huddle.health.drift-cache} (default 60 s) and checks run one at a time: however often and by however many callers
 * it is asked for, the server runs at most one comparison per period, so a loop of requests cannot load the database.
 * A failure to derive the expected schema is reported, not retried, until the app restarts.
 */
@Singleton
public class SchemaDrift {
    private final Migrator migrator;
    private final DataSource dataSource;
    private final DatabaseTarget target;
    private final Duration cacheFor;
    private ExpectedSchema expected;
    private String unavailable;
    private Map<String, Object> lastDetails;
    private Instant lastCheckedAt;

    public SchemaDrift(AppMigrator appMigrator, DataSource dataSource, DatabaseTarget target,
                       @Value("${huddle.health.drift-cache:60s}") Duration cacheFor) {
        this.migrator = appMigrator.against(dataSource);
        // The pool itself: Micronaut Data's wrapper hands out only the connection of a transaction in progress.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.target = target;
        this.cacheFor = cacheFor;
    }

    /**
     * {@code clean}, the number of differences, each module's differences and when it was checked; or {@code error} when
     * it cannot tell. The last check's answer while it is younger than the cache period.
     */
    public synchronized Map<String, Object> details() {
        Instant now = Instant.now();
        if (lastDetails == null || !now.isBefore(lastCheckedAt.plus(cacheFor))) {
            lastDetails = check(now);
            lastCheckedAt = now;
        }
        return lastDetails;
    }

    private Map<String, Object> check(Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("checkedAt", now.toString());
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

    private ExpectedSchema expected(MigrationPlan plan) {
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
