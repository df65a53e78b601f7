package dev.huddle.migration.cli;

import dev.huddle.migration.Scenarios;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.schema.SchemaComparison;
import dev.huddle.migration.schema.SchemaDifference;
import dev.huddle.migration.schema.SchemaModel;
import dev.huddle.migration.schema.SchemaReader;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a squashed baseline keeps besides tables and keys ({@code squash-kept}): column collations, partitioned tables
 * and their partitions, comments, and views that read views, written after them. The schema model holds each, so the
 * rebuild check and drift notice one that is lost.
 */
class SquashKeptSchemaRunnerIT {
    private static final String LAST_SQUASHED = "20250202000000";

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void baselineKeepsCollationsPartitionsCommentsAndViewsOnViews(Engine engine) throws Exception {
        Path modules = Scenarios.copy("squash-kept", temp);
        TestDatabase original = TestDatabases.fresh(engine);
        Run originalUp = run(original, modules.toString(), "up");
        assertThat(originalUp.code()).as(originalUp.out() + originalUp.err()).isEqualTo(ExitCodes.OK);

        Run squash = run(original, modules.toString(), "squash", "--module", "archive", "--to", LAST_SQUASHED);

        assertThat(squash.code()).as(squash.out() + squash.err()).isEqualTo(ExitCodes.OK);
        String baseline = Files.readString(modules.resolve("archive/squashed/" + Scenarios.dialectOf(engine).folderName()
                + "/B" + LAST_SQUASHED + "__squashed_baseline.sql"));
        assertThat(baseline.indexOf("CREATE VIEW b_recent")).isPositive().isLessThan(baseline.indexOf("CREATE VIEW a_recent_labelled"));
        if (engine == Engine.POSTGRESQL) {
            assertThat(baseline).contains("CREATE COLLATION label_order (provider = libc, lc_collate = 'C', lc_ctype = 'C', deterministic = true);",
                    "sort_key text COLLATE label_order", "code text COLLATE \"C\" NOT NULL", "PARTITION BY RANGE (happened)",
                    "CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM", "CREATE TABLE events_rest PARTITION OF events DEFAULT",
                    "COMMENT ON COLUMN labels.code IS", "COMMENT ON VIEW a_recent_labelled IS", "COMMENT ON CONSTRAINT labels_pkey ON labels",
                    "COMMENT ON FUNCTION events_check() IS").doesNotContain("ON ONLY", "events_2024_label_id_idx");
        } else {
            assertThat(baseline).contains("COLLATE NOCASE", "COLLATE RTRIM");
        }

        TestDatabase squashed = TestDatabases.fresh(engine);
        Run up = run(squashed, modules.toString(), "up");
        assertThat(up.code()).as(up.out() + up.err()).isEqualTo(ExitCodes.OK);
        assertThat(up.out()).contains("baseline archive");
        assertThat(schema(squashed, engine)).isEqualTo(schema(original, engine));
        Run drift = run(squashed, modules.toString(), "drift");
        assertThat(drift.code()).as(drift.out() + drift.err()).isEqualTo(ExitCodes.OK);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void schemaModelHoldsCollationsPartitionsCommentsAndViews(Engine engine) throws Exception {
        TestDatabase database = Scenarios.migrated(engine, Scenarios.copy("squash-kept", temp));

        SchemaModel model = schema(database, engine);

        Map<String, String> entries = model.entries();
        assertThat(model.tables().get("labels").column("note").orElseThrow().type())
                .isEqualTo(engine == Engine.POSTGRESQL ? "text COLLATE \"C\"" : "TEXT COLLATE NOCASE");
        assertThat(model.tables().get("labels").column("the, note").map(column -> column.type()).orElse("TEXT")).doesNotContain("COLLATE");
        assertThat(entries).containsKeys("view a_recent_labelled", "view b_recent");
        if (engine == Engine.POSTGRESQL) {
            assertThat(entries).containsEntry("partition events.by", "  partition by: RANGE (happened)")
                    .containsKeys("partition events_rest.of", "comment on column labels.code", "comment on table events_rest", "collation label_order");
        } else {
            assertThat(model.tables().get("labels").column("title").orElseThrow().type()).isEqualTo("TEXT COLLATE RTRIM");
            assertThat(model.tables().get("labels").column("id").orElseThrow().type()).isEqualTo("INTEGER");
        }
    }

    /** A comment the model holds is kept; one on a schema (or an extension, a role) would be lost, so squash refuses it. */
    @Test
    void aCommentOnWhatTheModelDoesNotHoldIsRefused() {
        Path modules = Scenarios.copy("squash-kept", temp);
        Scenarios.writeInBothDialects(modules, "archive", "V20250201120000__describe_schema.sql", "COMMENT ON SCHEMA public IS 'Archive';\n");

        Run squash = run(TestDatabases.fresh(Engine.POSTGRESQL), modules.toString(), "squash", "--module", "archive", "--to", LAST_SQUASHED);

        assertThat(squash.code()).as(squash.out() + squash.err()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(squash.err()).contains("V20250201120000__describe_schema.sql has 'COMMENT ON SCHEMA public'");
        assertThat(Files.exists(modules.resolve("archive/squashed"))).isFalse();
    }

    /** The comparison the rebuild check and drift make sees a collation that was lost. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aLostCollationIsADifference(Engine engine) throws Exception {
        String collated = engine == Engine.POSTGRESQL ? "create table words (word text collate \"C\")" : "create table words (word text collate nocase)";
        String plain = "create table words (word text)";

        List<SchemaDifference> differences = SchemaComparison.compare(built(engine, collated), built(engine, plain), Map.of(), true);

        assertThat(differences).singleElement().satisfies(difference -> {
            assertThat(difference.element()).isEqualTo("column words.word");
            assertThat(difference.aspect()).isEqualTo("type");
        });
    }

    private static SchemaModel built(Engine engine, String sql) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        return schema(database, engine);
    }

    private static SchemaModel schema(TestDatabase database, Engine engine) throws Exception {
        Dialect dialect = Scenarios.dialectOf(engine);
        try (Connection connection = database.connect()) {
            return SchemaReader.of(dialect).read(connection).withoutTables(Set.of("huddle_schema_history"));
        }
    }
}
