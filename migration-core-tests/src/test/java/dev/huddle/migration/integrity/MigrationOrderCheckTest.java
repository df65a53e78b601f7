package dev.huddle.migration.integrity;

import dev.huddle.migration.Interleaved;
import dev.huddle.migration.Migrations;
import dev.huddle.migration.Scenarios;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.plan.ResolvedScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationOrderCheckTest {
    private static final Set<String> ALPHA_AND_BETA = Set.of("alpha", "beta");

    @TempDir
    Path temp;

    @Test
    void acceptsEveryMigrationListedOnceInTheOrderItJoined() {
        MigrationOrder order = MigrationOrder.parse("20250101000000 alpha\n20250102000000 beta\n20250103000000 alpha\n");

        assertThat(MigrationOrderCheck.problems(order, ALPHA_AND_BETA, bothDialects(
                script("alpha", "20250101000000", ""), script("beta", "20250102000000", ""), script("alpha", "20250103000000", ""))))
                .isEmpty();
    }

    @Test
    void refusesALineOlderThanTheOneBeforeItUnlessItsScriptAllowsIt() {
        MigrationOrder order = MigrationOrder.parse("20250101000000 alpha\n20250103000000 alpha\n20250102000000 beta\n20250104000000 beta\n");
        List<ResolvedScript> unmarked = bothDialects(script("alpha", "20250101000000", ""), script("alpha", "20250103000000", ""),
                script("beta", "20250102000000", ""), script("beta", "20250104000000", ""));
        List<ResolvedScript> allowed = bothDialects(script("alpha", "20250101000000", ""), script("alpha", "20250103000000", ""),
                script("beta", "20250102000000", "-- huddle:out-of-order merged late from branch x\n"), script("beta", "20250104000000", ""));

        assertThat(MigrationOrderCheck.problems(order, ALPHA_AND_BETA, unmarked)).singleElement().asString().contains(
                "beta/V20250102000000__change.sql joined after 20250103000000 but is older",
                "'-- huddle:out-of-order <reason>'");
        assertThat(MigrationOrderCheck.problems(order, ALPHA_AND_BETA, allowed)).isEmpty();
    }

    @Test
    void namesMigrationsMissingFromTheFileLinesNamingNoMigrationAndLinesListedTwice() {
        MigrationOrder order = MigrationOrder.parse("20250101000000 alpha\n20250101000000 alpha\n20250102000000 alpha\n");

        List<String> problems = MigrationOrderCheck.problems(order, ALPHA_AND_BETA, bothDialects(
                script("alpha", "20250101000000", ""), script("beta", "20250102000000", ""), script("beta", "20250103000000", "")));

        assertThat(problems).containsExactly(
                "migration-order.txt lists 20250101000000 alpha twice: keep only the first line.",
                "migration-order.txt lists 20250102000000 alpha, but module alpha has no migration 20250102000000: correct the "
                        + "line's module, or remove the line if the script never shipped.",
                "beta/V20250102000000__change.sql is not in migration-order.txt: run 'huddle-migrate seal beta' and commit the file.",
                "beta/V20250103000000__change.sql is not in migration-order.txt: run 'huddle-migrate seal beta' and commit the file.");
    }

    @Test
    void linesOfModulesOutsideTheCheckAreSkippedButStillSetTheNewestVersion() {
        MigrationOrder order = MigrationOrder.parse("20250101000000 alpha\n20250105000000 meetings\n20250102000000 alpha\n");

        assertThat(MigrationOrderCheck.problems(order, Set.of("alpha"), bothDialects(
                script("alpha", "20250101000000", ""), script("alpha", "20250102000000", ""))))
                .singleElement().asString().contains("alpha/V20250102000000__change.sql joined after 20250105000000");
    }

    @Test
    void keepsModulesPackedInJarsAndModulesDirModulesOnlyWhenTheFileNamesThem() {
        List<ModuleDescriptor> modules = List.of(Scenarios.classpathModule("meetings").build(),
                ModuleDescriptor.inDirectory("alpha", temp.resolve("alpha")).build(),
                ModuleDescriptor.inDirectory("beta", temp.resolve("beta")).build());

        assertThat(MigrationOrderCheck.keptModules(MigrationOrder.parse("20250101000000 alpha\n"), modules))
                .containsExactlyInAnyOrder("meetings", "alpha");
    }

    @Test
    void checksTheFileAgainstBothPlansAndAsksForNoPlanWhenItKeepsNoModule() {
        Path orderFile = temp.resolve(MigrationOrderCheck.FILE);
        Migrations interleaved = Scenarios.migrations(Interleaved.path());
        List<Dialect> planned = new ArrayList<>();
        Function<Dialect, MigrationPlan> plans = dialect -> {
            planned.add(dialect);
            return interleaved.plan(dialect);
        };

        Scenarios.write(orderFile, "20250101000000 alpha\n20250103000000 alpha\n20250102000000 beta\n20250104000000 beta\n");
        assertThat(MigrationOrderCheck.check(orderFile, interleaved.modules(), plans)).singleElement().asString()
                .contains("beta/V20250102000000__create_beta_items.sql joined after 20250103000000");
        assertThat(planned).containsExactly(Dialect.POSTGRESQL, Dialect.SQLITE);

        planned.clear();
        Scenarios.write(orderFile, "20250101000000 gamma\n");
        assertThat(MigrationOrderCheck.check(orderFile, interleaved.modules(), plans)).isEmpty();
        assertThat(planned).as("modules-dir modules the file does not name are not its business").isEmpty();
    }

    private static ResolvedScript script(String module, String version, String sql) {
        return script(module, Dialect.POSTGRESQL, version, sql);
    }

    private static ResolvedScript script(String module, Dialect dialect, String version, String sql) {
        String file = "V" + version + "__change.sql";
        return new ResolvedScript(module, dialect, version, "change", file, "/" + module + "/" + dialect.folderName() + "/" + file,
                sql, null);
    }

    /** Each PostgreSQL script and its SQLite twin. */
    private static List<ResolvedScript> bothDialects(ResolvedScript... postgres) {
        List<ResolvedScript> scripts = new ArrayList<>();
        for (ResolvedScript script : postgres) {
            scripts.add(script);
            scripts.add(script(script.module(), Dialect.SQLITE, script.version(), script.sql()));
        }
        return scripts;
    }
}
