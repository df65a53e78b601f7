package dev.huddle.migration.cli;

import dev.huddle.migration.execute.AppliedStep;
import dev.huddle.migration.execute.UpResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "up", description = "Apply pending migrations in plan order.")
final class UpCommand implements Callable<Integer> {
    @ParentCommand
    private MigrateCommand parent;

    @Option(names = "--target", paramLabel = "VERSION", description = "Stop after this version.")
    private String target;

    @Override
    public Integer call() {
        UpResult result = parent.options.migrator().up(target);
        var out = parent.out();
        for (AppliedStep step : result.applied()) {
            out.printf("applied  %-12s %s  %s (%d ms)%n", step.module(), step.version(), step.description(), step.executionTimeMillis());
        }
        out.println(result.applied().isEmpty()
                ? "Nothing to apply: the database is up to date."
                : "Applied " + result.applied().size() + (result.applied().size() == 1 ? " migration." : " migrations."));
        return ExitCodes.OK;
    }
}
