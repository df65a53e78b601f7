package dev.huddle.migration.cli;

import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.discover.ModuleSources;
import dev.huddle.migration.integrity.ManifestSealer;
import dev.huddle.migration.plan.UnknownModuleException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "seal", description = "Record new scripts in their module's integrity manifest (and the repository's "
        + "migration order); refuses if a sealed script was edited or deleted.")
final class SealCommand implements Callable<Integer> {
    @ParentCommand
    private MigrateCommand parent;

    @Parameters(paramLabel = "MODULE", arity = "0..*", description = "Modules to seal (default: all).")
    private List<String> names = List.of();

    @Option(names = "--project-dir", paramLabel = "DIR", defaultValue = ".",
            description = "The repository root holding <module>/src/main/resources (default: the current folder).")
    private Path projectDir;

    @Override
    public Integer call() {
        List<ModuleDescriptor> modules = parent.options.migrations().modules();
        List<String> known = modules.stream().map(ModuleDescriptor::name).toList();
        List<String> unknown = names.stream().filter(name -> !known.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownModuleException(unknown, known);
        }
        List<ModuleDescriptor> chosen = modules.stream().filter(module -> names.isEmpty() || names.contains(module.name())).toList();
        int sealed = 0;
        for (Map.Entry<String, List<String>> module : new ManifestSealer(new ModuleSources(projectDir)).seal(chosen).entrySet()) {
            for (String path : module.getValue()) {
                parent.out().println("sealed " + module.getKey() + "/" + path);
                sealed++;
            }
        }
        parent.out().println(sealed == 0 ? "Nothing new to seal." : "Sealed " + sealed + (sealed == 1 ? " script." : " scripts."));
        return ExitCodes.OK;
    }
}
