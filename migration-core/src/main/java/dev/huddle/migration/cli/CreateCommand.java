package dev.huddle.migration.cli;

import dev.huddle.migration.create.CreatedMigration;
import dev.huddle.migration.create.MigrationCreator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "create", description = "Write a new migration (up and down scripts, both dialects) into a module's sources.")
final class CreateCommand implements Callable<Integer> {
    @ParentCommand
    private MigrateCommand parent;

    @Parameters(index = "0", paramLabel = "MODULE", description = "The module that owns the change.")
    private String module;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "DESCRIPTION", description = "A few words, e.g. add whiteboard table.")
    private List<String> description;

    @Option(names = "--project-dir", paramLabel = "DIR", defaultValue = ".",
            description = "The repository root holding <module>/src/main/resources (default: the current folder).")
    private Path projectDir;

    /** Tests set a fixed clock. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        MigrationCreator creator = new MigrationCreator(parent.options.migrations().modules(), projectDir, clock);
        CreatedMigration created = creator.create(module, String.join(" ", description));
        created.files().forEach(file -> parent.out().println("created " + file));
        parent.out().println("Write the change in both up scripts and its reversal in both down scripts, then run up.");
        return ExitCodes.OK;
    }
}
