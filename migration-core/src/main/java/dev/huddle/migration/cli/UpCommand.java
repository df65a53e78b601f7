package dev.huddle.migration.cli;

import dev.huddle.migration.Migrator;
import dev.huddle.migration.cli.CommandSpec.Option;
import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.execute.MigrationProgress;
import dev.huddle.migration.execute.MigrationStep;
import dev.huddle.migration.execute.UpResult;
import dev.huddle.migration.plan.ResolvedScript;
import dev.huddle.migration.plan.SquashedStandIn;
import dev.huddle.migration.squash.StandInsSeen;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

final class UpCommand implements RunnerCommand {
    static final CommandSpec SPEC = new CommandSpec("up", "Apply pending migrations in plan order.", List.of(
            Option.value("--target", "VERSION", "Stop after this version."),
            Option.flag("--dry-run", "Print each script that would run, with its SQL; change nothing.")));

    private final String target;
    private final boolean dryRun;

    UpCommand(ParsedArguments arguments) {
        target = arguments.value("--target");
        dryRun = arguments.flag("--dry-run");
    }

    @Override
    public int call(GlobalOptions options, PrintWriter out, PrintWriter err) {
        if (dryRun) {
            List<ResolvedScript> pending = options.migrator().pending(target);
            pending.forEach(script -> DryRun.printUp(out, script));
            DryRun.printFooter(out, pending.size());
            return ExitCodes.OK;
        }
        DatabaseTarget database = options.target();
        Migrator migrator = options.migrator();
        if (GlobalOptions.createsNewDatabase(database)) {
            out.println("Creating a new SQLite database at " + database.sqliteFile() + ".");
        }
        JsonLogLines log = options.jsonLog(err);
        ProgressLines progress = new ProgressLines(out, log);
        UpResult result;
        try {
            result = log.loggingFailure("up", () -> migrator.up(target, progress));
        } finally {
            progress.endOpenLine();
        }
        out.println(result.applied().isEmpty()
                ? "Nothing to apply: the database is up to date."
                : "Applied " + count(result.applied().size()) + ".");
        return ExitCodes.OK;
    }

    static void printApplied(PrintWriter out, List<MigrationStep> steps) {
        for (MigrationStep step : steps) {
            out.printf("applied  %-12s %s  %s (%d ms)%n", step.module(), step.version(), step.description(), step.executionTimeMillis());
        }
    }

    static String count(int migrations) {
        return migrations + (migrations == 1 ? " migration" : " migrations");
    }

    /**
     * One line per migration, its start shown before its script runs (so a long one shows which it is) and its time
     * added when it ends; then a line per commit, since only a commit makes the migrations before it applied. Where a
     * squashed baseline runs in place of migrations, a line says so first and theirs say they are in it.
     */
    private static final class ProgressLines implements MigrationProgress {
        private final PrintWriter out;
        private final JsonLogLines log;
        /** Made at the first stand-in: a run without a baseline, and a no-op start above all, loads nothing for them. */
        private StandInsSeen standIns;
        private boolean lineOpen;

        ProgressLines(PrintWriter out, JsonLogLines log) {
            this.out = out;
            this.log = log;
        }

        @Override
        public void starting(ResolvedScript script) {
            Optional<SquashedStandIn> standIn = script.standIn();
            if (standIn.isPresent()) {
                standIns = standIns == null ? new StandInsSeen() : standIns;
                standIns.note(script);
            }
            standIn.filter(SquashedStandIn::runsBaseline).ifPresent(baseline -> out.printf("baseline %-12s %s runs in place of %s: %s%n",
                    script.module(), baseline.baseline(), count(baseline.versions().size()), String.join(", ", baseline.versions())));
            out.printf("applying %-12s %s  %s%s ...", script.module(), script.version(), script.readableDescription(),
                    standIn.map(baseline -> baseline.runsBaseline() ? " (squashed baseline)" : " (in the squashed baseline)").orElse(""));
            out.flush();
            lineOpen = true;
        }

        @Override
        public void ran(MigrationStep step) {
            out.printf(" %d ms%n", step.executionTimeMillis());
            lineOpen = false;
        }

        @Override
        public void committed(List<MigrationStep> steps) {
            out.println("committed " + count(steps.size()));
            out.flush();
            log.applied(steps, standIns);
        }

        /** Ends the line of a migration that failed, so the error that follows starts on a line of its own. */
        void endOpenLine() {
            if (lineOpen) {
                out.println(" failed");
                lineOpen = false;
            }
        }
    }
}
