package dev.huddle.migration.cli;

import dev.huddle.migration.HistoryRows;
import dev.huddle.migration.Scenarios;
import dev.huddle.migration.plan.Checksum;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code repair}: lists what needs a decision, and changes only the history rows a person names. */
class RepairRunnerIT {
    private static final String EDITED = "V20250102000000__create_beta_items.sql";

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void acceptingAnEditedScriptsChecksumLetsValidateAndUpPassAgain(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        String modules = Scenarios.copy("interleaved", temp).toString();
        run(database, modules, "up", "--target", "20250103000000");
        Path script = Scenarios.script(Path.of(modules), "beta", Scenarios.dialectOf(engine), EDITED);
        Scenarios.write(script, "-- Reformatted after release; the schema it makes is the same.\n" + Scenarios.read(script));

        Run refused = run(database, modules, "up");
        Run listed = run(database, modules, "repair");

        assertThat(refused.code()).as(refused.err()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(listed.code()).as(listed.err()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(listed.err()).contains("The history needs a decision", "Module beta", EDITED, "was edited after it was applied",
                "--accept-checksum VERSION");
        List<String> before = HistoryRows.rows(database);

        Run repaired = run(database, modules, "repair", "--accept-checksum", "20250102000000");

        assertThat(repaired.code()).as(repaired.err()).isEqualTo(ExitCodes.OK);
        assertThat(repaired.out()).contains("repaired: accepted the edited beta/" + EDITED);
        List<String> after = HistoryRows.rows(database);
        assertThat(after).hasSameSizeAs(before);
        assertThat(after.get(1)).isEqualTo(before.get(1).replaceFirst(" -?\\d+ true$", " " + Checksum.of(Scenarios.read(script)) + " true"));
        assertThat(List.of(after.get(0), after.get(2))).containsExactly(before.get(0), before.get(2));
        Run validate = run(database, modules, "validate");
        assertThat(validate.code()).as(validate.err()).isEqualTo(ExitCodes.OK);
        assertThat(run(database, modules, "repair").out()).contains("Nothing to repair.");
        Run up = run(database, modules, "up");
        assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.OK);
        assertThat(up.out()).contains("Applied 1 migration.");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void repairWithoutOptionsOnAHealthyHistoryHasNothingToRepair(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        String modules = Scenarios.path("interleaved").toString();
        run(database, modules, "up");

        Run repair = run(database, modules, "repair");

        assertThat(repair.code()).as(repair.err()).isEqualTo(ExitCodes.OK);
        assertThat(repair.out()).contains("Nothing to repair.");
        assertThat(repair.err()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void repairRefusesAVersionThatNeedsNoSuchRepairAndChangesNothing(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        String modules = Scenarios.copy("interleaved", temp).toString();
        run(database, modules, "up");
        Path script = Scenarios.script(Path.of(modules), "beta", Scenarios.dialectOf(engine), EDITED);
        Scenarios.write(script, "-- edited\n" + Scenarios.read(script));
        List<String> before = HistoryRows.rows(database);

        Run untouched = run(database, modules, "repair", "--accept-checksum", "20250101000000");
        Run notFailed = run(database, modules, "repair", "--remove-failed", "20250101000000");
        Run unknown = run(database, modules, "repair", "--accept-checksum", "20990101000000");
        Run mixed = run(database, modules, "repair", "--accept-checksum", "20250102000000", "--accept-checksum", "20250104000000");

        assertThat(untouched.code()).as(untouched.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(untouched.err()).contains("--accept-checksum 20250101000000", "Run repair without options");
        assertThat(notFailed.code()).as(notFailed.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(notFailed.err()).contains("--remove-failed 20250101000000", "no failed row");
        assertThat(unknown.code()).as(unknown.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(mixed.code()).as("one refused version refuses the whole repair: " + mixed.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(mixed.err()).contains("--accept-checksum 20250104000000");
        assertThat(untouched.out() + notFailed.out() + unknown.out() + mixed.out()).doesNotContain("repaired");
        assertThat(HistoryRows.rows(database)).isEqualTo(before);
    }
}
