package dev.huddle.migration.discover;

import dev.huddle.migration.failure.MalformedModuleException;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What one module declares about its schema: its name, where its up and down scripts are for each dialect, the
 * modules it builds on, the tables it keeps in memory only (no migration may touch them), and the scripts it keeps
 * but never runs. Down scripts live outside every up folder, so no scanner ever mistakes them for migrations.
 */
public final class ModuleDescriptor {
    /** The file that records the checksum of every script a module has shipped. */
    public static final String MANIFEST_FILE = "integrity.manifest";
    /** The folder beside the dialect folders that holds squashed baselines. */
    public static final String SQUASHED = "squashed";
    private static final Pattern MODULE_NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private final String name;
    private final Map<Dialect, ScriptLocation> scripts;
    private final Map<Dialect, ScriptLocation> downScripts;
    private final Map<Dialect, ScriptLocation> squashedBaselines;
    private final Path directory;
    private final Supplier<Optional<String>> manifest;
    private final Supplier<CommittedFile> shippedManifest;
    private final Set<String> dependsOn;
    private final Set<String> inMemoryTables;
    private final Map<String, String> excludedScripts;

    private ModuleDescriptor(Builder builder) {
        this.name = builder.name;
        this.scripts = Map.copyOf(builder.scripts);
        this.downScripts = Map.copyOf(builder.downScripts);
        this.squashedBaselines = Map.copyOf(builder.squashedBaselines);
        this.directory = builder.directory;
        this.manifest = builder.manifest;
        this.shippedManifest = builder.shippedManifest;
        this.dependsOn = Set.copyOf(builder.dependsOn);
        this.inMemoryTables = Set.copyOf(builder.inMemoryTables);
        this.excludedScripts = Map.copyOf(builder.excludedScripts);
    }

    /**
     * A module whose scripts are packed in the jar of {@code anchor}: up scripts under
     * {@code db/huddle/<name>/<dialect>/}, down scripts under {@code db/huddle-down/<name>/<dialect>/}.
     */
    public static Builder onClasspath(String name, Class<?> anchor) {
        Builder builder = new Builder(name);
        for (Dialect dialect : Dialect.values()) {
            builder.scripts.put(dialect, new ClasspathScriptLocation(anchor, upFolder(name, dialect)));
            builder.downScripts.put(dialect, new ClasspathScriptLocation(anchor, downFolder(name, dialect)));
            builder.squashedBaselines.put(dialect, new ClasspathScriptLocation(anchor, squashedFolder(name, dialect)));
        }
        builder.manifest = () -> ClasspathScriptLocation.readResource(anchor, manifestPath(name));
        builder.shippedManifest = () -> CommittedFile.packaged(builder.manifest.get());
        return builder;
    }

    /** A module whose scripts are on disk: up scripts under {@code dir/<dialect>/}, down under {@code dir/down/<dialect>/}. */
    public static Builder inDirectory(String name, Path dir) {
        Builder builder = new Builder(name);
        builder.directory = dir;
        for (Dialect dialect : Dialect.values()) {
            builder.scripts.put(dialect, new DirectoryScriptLocation(dir.resolve(dialect.folderName())));
            builder.downScripts.put(dialect, new DirectoryScriptLocation(dir.resolve("down").resolve(dialect.folderName())));
            builder.squashedBaselines.put(dialect, new DirectoryScriptLocation(dir.resolve(SQUASHED).resolve(dialect.folderName())));
        }
        builder.onDisk(dir.resolve(MANIFEST_FILE));
        return builder;
    }

    /**
     * This classpath module as it lies in its source tree ({@code resources} is its {@code src/main/resources}): the same
     * declarations, with scripts and manifest read from the sources, which may be ahead of the jar.
     */
    public ModuleDescriptor inSources(Path resources) {
        Builder builder = new Builder(name);
        for (Dialect dialect : Dialect.values()) {
            builder.scripts.put(dialect, new DirectoryScriptLocation(resources.resolve(upFolder(name, dialect))));
            builder.downScripts.put(dialect, new DirectoryScriptLocation(resources.resolve(downFolder(name, dialect))));
            builder.squashedBaselines.put(dialect, new DirectoryScriptLocation(resources.resolve(squashedFolder(name, dialect))));
        }
        builder.onDisk(resources.resolve(manifestPath(name)));
        builder.dependsOn.addAll(dependsOn);
        builder.inMemoryTables.addAll(inMemoryTables);
        builder.excludedScripts.putAll(excludedScripts);
        return builder.build();
    }

    /** Where a classpath module keeps its integrity manifest, relative to its resources root. */
    public static String manifestPath(String module) {
        return "db/huddle/" + module + "/" + MANIFEST_FILE;
    }

    /** Where a classpath module keeps its up scripts, relative to its resources root. */
    public static String upFolder(String module, Dialect dialect) {
        return "db/huddle/" + module + "/" + dialect.folderName();
    }

    /** Where a classpath module keeps its down scripts, relative to its resources root. */
    public static String downFolder(String module, Dialect dialect) {
        return "db/huddle-down/" + module + "/" + dialect.folderName();
    }

    /**
     * Where a classpath module keeps the baseline {@code squash} wrote for a dialect, relative to its resources root:
     * beside the up folders, never inside one, so no up-script scan reads it.
     */
    public static String squashedFolder(String module, Dialect dialect) {
        return "db/huddle/" + module + "/" + SQUASHED + "/" + dialect.folderName();
    }

    public String name() {
        return name;
    }

    public ScriptLocation scripts(Dialect dialect) {
        return scripts.get(dialect);
    }

    public ScriptLocation downScripts(Dialect dialect) {
        return downScripts.get(dialect);
    }

    /** The folder holding this module's squashed baseline for the dialect, if {@code squash} wrote one. */
    public ScriptLocation squashedBaselines(Dialect dialect) {
        return squashedBaselines.get(dialect);
    }

    /** The folder a modules-dir module lives in; empty for a module packed in a jar. */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** The integrity manifest's text as it is now, if the module has one. */
    public Optional<String> integrityManifest() {
        return manifest.get();
    }

    /**
     * The integrity manifest as shipped: for a manifest on disk, as last committed to git (a seal not committed yet has
     * not shipped); for one packed in a jar, the manifest itself. Read when asked, since it may start git.
     */
    public CommittedFile shippedManifest() {
        return shippedManifest.get();
    }

    /** Modules whose tables this module's migrations use; rolling those back alone is checked against this one. */
    public Set<String> dependsOn() {
        return dependsOn;
    }

    /** Lower-case names of tables that exist in memory only. */
    public Set<String> inMemoryTables() {
        return inMemoryTables;
    }

    /** File name to the reason it is kept but never run. */
    public Map<String, String> excludedScripts() {
        return excludedScripts;
    }

    @Override
    public String toString() {
        return "module " + name;
    }

    /** Collects a module's declarations; module names are lower-case words joined by hyphens. */
    public static final class Builder {
        private final String name;
        private final Map<Dialect, ScriptLocation> scripts = new EnumMap<>(Dialect.class);
        private final Map<Dialect, ScriptLocation> downScripts = new EnumMap<>(Dialect.class);
        private final Map<Dialect, ScriptLocation> squashedBaselines = new EnumMap<>(Dialect.class);
        private final Set<String> dependsOn = new LinkedHashSet<>();
        private Path directory;
        private Supplier<Optional<String>> manifest = Optional::empty;
        private Supplier<CommittedFile> shippedManifest = () -> CommittedFile.packaged(Optional.empty());
        private final Set<String> inMemoryTables = new LinkedHashSet<>();
        private final Map<String, String> excludedScripts = new LinkedHashMap<>();

        private Builder(String name) {
            if (name == null || !MODULE_NAME.matcher(name).matches()) {
                throw new MalformedModuleException("Module name '" + name + "' is not valid:",
                        "use lower-case letters, digits and hyphens, starting with a letter");
            }
            this.name = name;
        }

        private void onDisk(Path manifestFile) {
            manifest = () -> DirectoryScriptLocation.readFile(manifestFile);
            shippedManifest = () -> CommittedFile.of(manifestFile);
        }

        /** Declares that this module's migrations use tables of another module. */
        public Builder dependsOn(String module) {
            dependsOn.add(module);
            return this;
        }

        /** Declares a table that lives in memory only; every script that creates, alters or drops it is refused. */
        public Builder inMemoryTable(String table) {
            inMemoryTables.add(table.toLowerCase(Locale.ROOT));
            return this;
        }

        /** Keeps a script in the module's folders without ever running it; the reason is shown by status. */
        public Builder exclude(String fileName, String reason) {
            if (reason == null || reason.isBlank()) {
                throw new MalformedModuleException("Excluding " + fileName + " needs a reason", "");
            }
            excludedScripts.put(fileName, reason);
            return this;
        }

        public ModuleDescriptor build() {
            return new ModuleDescriptor(this);
        }
    }
}
