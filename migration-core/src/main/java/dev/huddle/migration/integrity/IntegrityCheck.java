package dev.huddle.migration.integrity;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.discover.ScriptFile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A module's scripts compared with its manifest: scripts edited or deleted since they were sealed, and scripts not
 * sealed yet. The first two are never acceptable; the last is normal while a migration is being written.
 */
public record IntegrityCheck(String module, boolean hasManifest, List<String> edited, List<String> deleted,
                             Map<String, String> unsealed, Map<String, String> current) {

    public static IntegrityCheck of(ModuleDescriptor module) {
        Map<String, String> current = new LinkedHashMap<>();
        for (Dialect dialect : Dialect.values()) {
            for (ScriptFile file : module.scripts(dialect).list()) {
                current.put(dialect.folderName() + "/" + file.fileName(), IntegrityManifest.sha256(file.content().get()));
            }
            for (ScriptFile file : module.downScripts(dialect).list()) {
                current.put("down/" + dialect.folderName() + "/" + file.fileName(), IntegrityManifest.sha256(file.content().get()));
            }
        }
        Optional<IntegrityManifest> manifest = module.integrityManifest().map(IntegrityManifest::parse);
        Map<String, String> sealed = manifest.map(IntegrityManifest::sha256ByPath).orElse(Map.of());
        List<String> edited = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        Map<String, String> unsealed = new LinkedHashMap<>();
        sealed.forEach((path, sha) -> {
            String now = current.get(path);
            if (now == null) {
                deleted.add(path);
            } else if (!now.equals(sha)) {
                edited.add(path);
            }
        });
        current.forEach((path, sha) -> {
            if (!sealed.containsKey(path)) {
                unsealed.put(path, sha);
            }
        });
        return new IntegrityCheck(module.name(), manifest.isPresent(), List.copyOf(edited), List.copyOf(deleted), Map.copyOf(unsealed),
                Map.copyOf(current));
    }

    /** The refusals for planning: shipped scripts that were edited or deleted. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        edited.forEach(path -> problems.add(module + ": " + path + " was edited after it shipped (its SHA-256 differs from "
                + ModuleDescriptor.MANIFEST_FILE + "). Restore it from version control and put the change in a new migration."));
        deleted.forEach(path -> problems.add(module + ": " + path + " shipped (it is in " + ModuleDescriptor.MANIFEST_FILE
                + ") but the file is gone. Restore it: shipped migrations are never deleted."));
        return problems;
    }
}
