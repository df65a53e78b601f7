package dev.huddle.migration.cli;

import dev.huddle.migration.cli.CommandSpec.Parameter;
import dev.huddle.migration.create.CreatedMigration;
import dev.huddle.migration.create.MigrationCreator;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

final class CreateCommand implements RunnerCommand {
    static final CommandSpec SPEC = new CommandSpec("create",
            "Write a new migration (up and down scripts, both dialects) into a module's sources.",
            List.of(),
            List.of(new Parameter("MODULE", true, false, "The module that owns the change."),
                    new Parameter("DESCRIPTION", true, true, "A few words, e.g. add whiteboard table.")),
            List.of());

    private final String module;
    private final List<String> description;

    /** The time that names the new scripts; a test can fix it. */
    Clock clock = Clock.systemUTC();

    CreateCommand(ParsedArguments arguments) {
        module = arguments.value("MODULE");
        description = arguments.values("DESCRIPTION");
    }

    @Override
    public int call(GlobalOptions options, PrintWriter out, PrintWriter err) {
        MigrationCreator creator = new MigrationCreator(options.migrations().modules(), options.scripts().projectDir().orElse(Path.of("")), clock);
        CreatedMigration created = creator.create(module, String.join(" ", description));
        created.files().forEach(file -> out.println("created " + file));
        out.println("Write the change in both up scripts and its reversal in both down scripts, then run validate and up "
                + "(no build needed: the runner reads the source tree). Seal it when it is ready to ship.");
        return ExitCodes.OK;
    }
}
