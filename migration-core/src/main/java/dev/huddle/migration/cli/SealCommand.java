package dev.huddle.migration.cli;

import dev.huddle.migration.cli.CommandSpec.Parameter;
import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.discover.ModuleSources;
import dev.huddle.migration.failure.UnknownModuleException;
import dev.huddle.migration.integrity.ManifestSealer;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

final class SealCommand implements RunnerCommand {
    static final CommandSpec SPEC = new CommandSpec("seal", "Record new scripts in their module's integrity manifest "
            + "(and the repository's migration order); refuses if a sealed script was edited or deleted.",
            List.of(CreateCommand.PROJECT_DIR),
            List.of(new Parameter("MODULE", false, true, "Modules to seal (default: all).")),
            List.of());

    private final List<String> names;
    private final String projectDir;

    SealCommand(ParsedArguments arguments) {
        names = arguments.values("MODULE");
        projectDir = CreateCommand.projectDir(arguments);
    }

    @Override
    public int call(GlobalOptions options, PrintWriter out, PrintWriter err) {
        List<ModuleDescriptor> modules = options.migrations().modules();
        List<String> known = modules.stream().map(ModuleDescriptor::name).toList();
        List<String> unknown = names.stream().filter(name -> !known.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownModuleException(unknown, known);
        }
        List<ModuleDescriptor> chosen = modules.stream().filter(module -> names.isEmpty() || names.contains(module.name())).toList();
        int sealed = 0;
        for (Map.Entry<String, List<String>> module : new ManifestSealer(new ModuleSources(Path.of(projectDir))).seal(chosen).entrySet()) {
            for (String path : module.getValue()) {
                out.println("sealed " + module.getKey() + "/" + path);
                sealed++;
            }
        }
        out.println(sealed == 0 ? "Nothing new to seal." : "Sealed " + sealed + (sealed == 1 ? " script." : " scripts."));
        return ExitCodes.OK;
    }
}
