package dev.huddle.migration.integrity;

import dev.huddle.migration.discover.CommittedFile;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.discover.ScriptFile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A module's scripts compared with its manifest: shipped scripts edited or deleted since they were sealed, sealed
 * scripts that changed before they shipped, and scripts not sealed yet. The first two are never acceptable; the others
 * are normal while a migration is being written, and the next {@code seal} records them.
 *
 * <p>A script has shipped when its seal has: when its line is in the manifest as last committed
 * ({@link ModuleDescriptor#shippedManifest}). A seal not committed yet can be redone or undone.
 *
 * @param edited           shipped scripts whose text differs from their seal
 * @param deleted          shipped scripts whose file is gone
 * @param changedUnshipped sealed scripts, not shipped, that were edited or deleted since: the next {@code seal} records them
 */
public record IntegrityCheck(String module, boolean hasManifest, List<String> edited, List<String> deleted,
                             List<String> changedUnshipped, Map<String, String> unsealed, Map<String, String> current) {

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
        return compare(module.name(), module.integrityManifest(), module::shippedManifest, scripts, path -> true);
    }

    /**
     * The module's scripts as planning found them ({@code scripts}: manifest path to text, read on demand) compared with
     * its manifest, reading only the scripts {@code compareContent} names; the others are compared by name, so a
     * deleted script is found either way. {@link #current} and {@link #unsealed} hold the scripts compared by content.
     * {@code shipped} is asked for only when a sealed script changed, since it may start git.
     */
    public static IntegrityCheck compare(String module, Optional<String> manifestText, Supplier<CommittedFile> shipped,
                                         Map<String, Supplier<String>> scripts, Predicate<String> compareContent) {
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
        List<String> changedUnshipped = new ArrayList<>();
        Set<String> shippedPaths = null;
        for (Map.Entry<String, String> seal : new TreeMap<>(sealed).entrySet()) {
            String path = seal.getKey();
            String now = current.get(path);
            boolean gone = !scripts.containsKey(path);
            if (!gone && (now == null || now.equals(seal.getValue()))) {
                continue;
            }
            if (shippedPaths == null) {
                shippedPaths = shipped.get().text().map(IntegrityManifest::parse).map(m -> m.sha256ByPath().keySet()).orElse(Set.of());
            }
            (!shippedPaths.contains(path) ? changedUnshipped : gone ? deleted : edited).add(path);
        }
        Map<String, String> unsealed = new LinkedHashMap<>();
        current.forEach((path, sha) -> {
            if (!sealed.containsKey(path)) {
                unsealed.put(path, sha);
            }
        });
        return new IntegrityCheck(module, manifest.isPresent(), List.copyOf(edited), List.copyOf(deleted),
                List.copyOf(changedUnshipped), Map.copyOf(unsealed), Map.copyOf(current));
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

    /** Sealed scripts that changed before they shipped, each with the fix: seal again (or undo the seal). */
    public List<String> resealNeeded() {
        return changedUnshipped.stream().map(path -> module + ": " + path + " changed after it was sealed, before it shipped (its seal is "
                + "not committed): run 'huddle-migrate seal " + module + "' again to record it, then commit.").toList();
    }

    private static String editedProblem(String module, String path) {
        return module + ": " + path + " was edited after it shipped (its SHA-256 differs from " + ModuleDescriptor.MANIFEST_FILE
                + "). Restore it from version control and put the change in a new migration.";
    }
}
