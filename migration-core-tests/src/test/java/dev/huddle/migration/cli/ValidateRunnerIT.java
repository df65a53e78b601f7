package dev.huddle.migration.cli;

import dev.huddle.migration.Interleaved;
import dev.huddle.migration.Scenarios;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.integrity.MigrationOrderCheck;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code validate} lints both dialects' scripts and checks the order file it finds, whichever engine it checks. */
class ValidateRunnerIT {
    private static final String DROP = "V20250105000000__drop_beta_tags.sql";

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void reportsASqliteLintFindingAndAnOrderFileViolation(Engine engine) {
        TestDatabase database = TestDatabases.fresh(engine);
        Path modules = Scenarios.copy("interleaved", temp);
        Scenarios.write(Scenarios.script(modules, "beta", Dialect.POSTGRESQL, DROP),
                "-- huddle:lint-ignore H004 nothing has read beta_tags since release 0.2\nset local lock_timeout = '5s';\ndrop table beta_tags;\n");
        Scenarios.write(Scenarios.script(modules, "beta", Dialect.SQLITE, DROP), "drop table beta_tags;\n");
        Path project = createProject();
        Scenarios.write(project.resolve(MigrationOrderCheck.FILE),
                "20250101000000 alpha\n20250103000000 alpha\n20250102000000 beta\n20250104000000 beta\n20250105000000 beta\n");

        Run validate = run(database, modules.toString(), "validate", "--project-dir", project.toString());

        assertThat(validate.code()).as(validate.err()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(validate.err()).contains("Validation failed, 2 problems:",
                "H004 beta/" + DROP + ":1 (sqlite): DROP TABLE beta_tags: table or column dropped or renamed",
                "migration-order.txt: beta/V20250102000000__create_beta_items.sql joined after 20250103000000 but is older")
                .doesNotContain("(postgresql)");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void saysInOneLineThatItSkipsTheOrderCheckWithoutAnOrderFile(Engine engine) {
        TestDatabase database = TestDatabases.fresh(engine);

        Run validate = run(database, Interleaved.path().toString(), "validate", "--project-dir", createProject().toString());

        assertThat(validate.code()).as(validate.err()).isEqualTo(ExitCodes.OK);
        assertThat(validate.out()).containsOnlyOnce("the order check was skipped").contains("Valid: scripts and history agree; 4 pending.");
    }

    private Path createProject() {
        Path project = temp.resolve("project");
        Scenarios.write(project.resolve("README.md"), "a repository without an order file\n");
        return project;
    }
}
