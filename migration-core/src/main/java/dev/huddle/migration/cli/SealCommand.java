package dev.huddle.migration.cli;

import dev.huddle.migration.Migrations;
import dev.huddle.migration.cli.CommandSpec.Option;
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
    static final CommandSpec SPEC = new CommandSpec("seal", "Mark new scripts ready to ship: record them in their module's "
            + "integrity manifest (and the repository's migration order). Refuses empty scripts, scripts planning refuses, and "
            + "edited or deleted shipped scripts. A seal ships when it is committed; until then sealing again records an edit.",
            List.of(Option.value("--undo", "VERSION", "Take back the seal of migration VERSION, which must not have shipped "
                    + "(its seal not committed).")),
            List.of(new Parameter("MODULE", false, true, "Modules to seal (default: all).")),
            List.of());

    private final List<String> names;
    private final String undo;

    SealCommand(ParsedArguments arguments) {
        names = arguments.values("MODULE");
        undo = arguments.value("--undo");
    }

    @Override
    public int call(GlobalOptions options, PrintWriter out, PrintWriter err) {
        Migrations migrations = options.migrations();
        List<ModuleDescriptor> modules = migrations.modules();
        List<String> known = modules.stream().map(ModuleDescriptor::name).toList();
        List<String> unknown = names.stream().filter(name -> !known.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownModuleException(unknown, known);
        }
        List<ModuleDescriptor> chosen = modules.stream().filter(module -> names.isEmpty() || names.contains(module.name())).toList();
        ManifestSealer sealer = new ManifestSealer(new ModuleSources(options.scripts().projectDir().orElse(Path.of(""))), migrations::checkedPlan);
        if (undo != null) {
            int unsealed = print("unsealed", sealer.unseal(chosen, undo), out);
            out.println("Unsealed " + unsealed + (unsealed == 1 ? " script" : " scripts") + " of migration " + undo
                    + ": edit them freely, then seal again.");
            return ExitCodes.OK;
        }
        int sealed = print("sealed", sealer.seal(chosen), out);
        out.println(sealed == 0 ? "Nothing new to seal." : "Sealed " + sealed + (sealed == 1 ? " script." : " scripts.")
                + " Commit the manifest with the scripts: a committed seal has shipped, and its scripts may no longer change.");
        return ExitCodes.OK;
    }

    private static int print(String verb, Map<String, List<String>> pathsByModule, PrintWriter out) {
        int count = 0;
        for (Map.Entry<String, List<String>> module : pathsByModule.entrySet()) {
            for (String path : module.getValue()) {
                out.println(verb + " " + module.getKey() + "/" + path);
                count++;
            }
        }
        return count;
    }
}
