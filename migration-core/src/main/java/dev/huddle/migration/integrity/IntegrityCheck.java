package dev.huddle.migration.integrity;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.discover.ScriptFile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A module's scripts compared with its manifest: scripts edited or deleted since they were sealed, and scripts not
 * sealed yet. The first two are never acceptable; the last is normal while a migration is being written.
 */
public record IntegrityCheck(String module, boolean hasManifest, List<String> edited, List<String> deleted,
                             Map<String, String> unsealed, Map<String, String> current) {

    /** Every script of the module, in both dialects, compared by content: what {@code seal}, validate and the build use. */
    public static IntegrityCheck of(ModuleDescriptor module) {
        Map<String, Supplier<String>> scripts = new LinkedHashMap<>();
        for (Dialect dialect : Dialect.values()) {
            for (ScriptFile file : module.scripts(dialect).list()) {
                scripts.put(upPath(dialect, file.fileName()), file.content());
            }
            for (ScriptFile file : module.downScripts(dialect).list()) {
                scripts.put(downPath(dialect, file.fileName()), file.content());
            }
        }
        return compare(module.name(), module.integrityManifest(), scripts, path -> true);
    }

    /**
     * The module's scripts as planning found them ({@code scripts}: manifest path to text, read on demand) compared with
     * its manifest, reading only the scripts {@code compareContent} names; the others are compared by name, so a
     * deleted script is found either way. {@link #current} and {@link #unsealed} hold the scripts compared by content.
     */
    public static IntegrityCheck compare(String module, Optional<String> manifestText, Map<String, Supplier<String>> scripts,
                                         Predicate<String> compareContent) {
        Map<String, String> current = new LinkedHashMap<>();
        scripts.forEach((path, text) -> {
            if (compareContent.test(path)) {
                current.put(path, IntegrityManifest.sha256(text.get()));
            }
        });
        Optional<IntegrityManifest> manifest = manifestText.map(IntegrityManifest::parse);
        Map<String, String> sealed = manifest.map(IntegrityManifest::sha256ByPath).orElse(Map.of());
        List<String> edited = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        Map<String, String> unsealed = new LinkedHashMap<>();
        sealed.forEach((path, sha) -> {
            String now = current.get(path);
            if (!scripts.containsKey(path)) {
                deleted.add(path);
            } else if (now != null && !now.equals(sha)) {
                edited.add(path);
            }
        });
        current.forEach((path, sha) -> {
            if (!sealed.containsKey(path)) {
                unsealed.put(path, sha);
            }
        });
        return new IntegrityCheck(module, manifest.isPresent(), List.copyOf(edited), List.copyOf(deleted), Map.copyOf(unsealed),
                Map.copyOf(current));
    }

    /** An up script's path as the manifest records it: {@code postgresql/V...sql}. */
    public static String upPath(Dialect dialect, String fileName) {
        return dialect.folderName() + "/" + fileName;
    }

    /** A down script's path as the manifest records it: {@code down/postgresql/U...sql}. */
    public static String downPath(Dialect dialect, String fileName) {
        return "down/" + dialect.folderName() + "/" + fileName;
    }

    /** The refusals for planning: shipped scripts that were edited or deleted. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        edited.forEach(path -> problems.add(editedProblem(module, path)));
        deleted.forEach(path -> problems.add(module + ": " + path + " shipped (it is in " + ModuleDescriptor.MANIFEST_FILE
                + ") but the file is gone. Restore it: shipped migrations are never deleted."));
        return problems;
    }

    private static String editedProblem(String module, String path) {
        return module + ": " + path + " was edited after it shipped (its SHA-256 differs from " + ModuleDescriptor.MANIFEST_FILE
                + "). Restore it from version control and put the change in a new migration.";
    }
}
