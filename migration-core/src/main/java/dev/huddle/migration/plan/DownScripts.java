package dev.huddle.migration.plan;

import dev.huddle.migration.discover.ScriptFile;
import dev.huddle.migration.failure.MigrationPlanRefusedException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One module's down scripts in one dialect, paired with its up scripts by name the first time one is asked for.
 * Applying never needs them, so a start with nothing to revert neither pairs nor reads them; status, rollbacks and
 * validation do, and get true answers. A down script that pairs with nothing, or with the wrong migration, is refused
 * when the module's down scripts are first needed, and by {@code validate} and the build.
 */
public final class DownScripts {
    private final String module;
    private final String upFolder;
    private final Supplier<List<ScriptFile>> files;
    private Map<String, String> upDescriptions = Map.of();
    private Map<String, DownScript> byVersion;
    private List<String> problems;

    /**
     * @param upFolder where the module's up scripts of this dialect are, for messages
     * @param files    the folder's files, listed when first needed (or already listed, for an integrity manifest)
     */
    DownScripts(String module, String upFolder, Supplier<List<ScriptFile>> files) {
        this.module = module;
        this.upFolder = upFolder;
        this.files = files;
    }

    /** A migration's down script known already, as tests and tools build them. */
    static DownScripts of(String version, DownScript down) {
        DownScripts downs = new DownScripts("", "", List::of);
        downs.byVersion = down == null ? Map.of() : Map.of(version, down);
        downs.problems = List.of();
        return downs;
    }

    /** The up scripts they pair with, by version; set once, when planning has resolved them. */
    void pairWith(List<ResolvedScript> ups) {
        Map<String, String> descriptions = new HashMap<>();
        ups.forEach(up -> descriptions.putIfAbsent(up.version(), up.description()));
        this.upDescriptions = descriptions;
    }

    /**
     * The down script of a version, or null when the migration ships none.
     *
     * @throws MigrationPlanRefusedException when this module's down scripts do not pair with its migrations
     */
    synchronized DownScript find(String version) {
        pair();
        if (!problems.isEmpty()) {
            throw new MigrationPlanRefusedException(problems);
        }
        return byVersion.get(version);
    }

    /** Every paired down script by version, and what did not pair, for the checks that look at everything. */
    synchronized Map<String, DownScript> all() {
        pair();
        return byVersion;
    }

    synchronized List<String> problems() {
        pair();
        return problems;
    }

    private synchronized void pair() {
        if (byVersion != null) {
            return;
        }
        Map<String, DownScript> paired = new LinkedHashMap<>();
        List<String> found = new ArrayList<>();
        for (ScriptFile file : files.get()) {
            Optional<ScriptName> name = ScriptName.parseDown(file.fileName());
            if (name.isEmpty()) {
                found.add(module + ": " + file.origin() + " is not a valid down script name. Rename it to "
                        + ScriptName.EXPECTED_DOWN_FORM + ", with the version and description of the migration it reverts.");
                continue;
            }
            String description = upDescriptions.get(name.get().version());
            if (description == null) {
                found.add(module + ": " + file.origin() + " reverts no migration: there is no " + name.get().upFileName()
                        + " in " + upFolder + ". Remove it or restore the migration.");
            } else if (!description.equals(name.get().description())) {
                found.add(module + ": " + file.origin() + " does not match V" + name.get().version() + "__" + description
                        + ".sql. Name it " + new ScriptName(name.get().version(), description).downFileName() + ".");
            } else {
                paired.put(name.get().version(), new DownScript(file.fileName(), file.origin(), ScriptText.lazy(file.read())));
            }
        }
        byVersion = paired;
        problems = List.copyOf(found);
    }
}
