package dev.huddle.migration;

import dev.huddle.migration.connect.DatabaseTargets;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.discover.ModuleDiscovery;
import dev.huddle.migration.discover.ModuleSources;
import dev.huddle.migration.integrity.ManifestSealer;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fixture folders under {@code src/test/resources/scenarios/}, one per scenario, each laid out as a
 * {@code --modules-dir}: {@code <scenario>/<module>/<dialect>/<script>}.
 */
public final class Scenarios {
    private Scenarios() {
    }

    /** The scenario's folder as the test class path holds it; never edit it, {@link #copy} it first. */
    public static Path path(String scenario) {
        URL url = Scenarios.class.getResource("/scenarios/" + scenario);
        if (url == null) {
            throw new IllegalArgumentException("No scenario folder " + scenario);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The scenario's modules, as {@code --modules-dir} would find them. */
    public static List<ModuleDescriptor> modules(String scenario) {
        return ModuleDiscovery.inDirectory(path(scenario));
    }

    /** The scenario's modules, ready to be pointed at a database. */
    public static Migrations migrations(Path modulesDir) {
        return Migrations.of(List.of()).withModulesFrom(modulesDir);
    }

    /**
     * The scenario's modules against a test database. Make a new one for each command, as each run of the runner
     * does: a migrator reads the scripts once.
     */
    public static Migrator migrator(Path modulesDir, TestDatabase database) {
        return migrations(modulesDir).against(DatabaseTargets.fromUrl(database.url()));
    }

    /** A fresh database of the engine with every migration of the modules applied. */
    public static TestDatabase migrated(Engine engine, Path modulesDir) {
        TestDatabase database = TestDatabases.fresh(engine);
        migrator(modulesDir, database).up();
        return database;
    }

    /** A copy of the scenario under {@code parent}, for tests that edit or delete scripts. */
    public static Path copy(String scenario, Path parent) {
        Path source = path(scenario);
        Path target = parent.resolve(scenario);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** One script file of a module in a modules folder. */
    public static Path script(Path modulesDir, String module, Dialect dialect, String fileName) {
        return modulesDir.resolve(module).resolve(dialect.folderName()).resolve(fileName);
    }

    /** One down script of a module in a modules folder: {@code <module>/down/<dialect>/<file>}. */
    public static Path downScript(Path modulesDir, String module, Dialect dialect, String fileName) {
        return modulesDir.resolve(module).resolve("down").resolve(dialect.folderName()).resolve(fileName);
    }

    /** Every file under {@code dir}, as sorted paths relative to it: equal lists mean nothing was written or removed. */
    public static List<String> files(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(file -> dir.relativize(file).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the script's text in both dialect folders of the module. */
    public static void writeInBothDialects(Path modulesDir, String module, String fileName, String sql) {
        for (Dialect dialect : Dialect.values()) {
            write(script(modulesDir, module, dialect, fileName), sql);
        }
    }

    /** Deletes the script from both dialect folders of the module. */
    public static void deleteInBothDialects(Path modulesDir, String module, String fileName) {
        for (Dialect dialect : Dialect.values()) {
            try {
                Files.delete(script(modulesDir, module, dialect, fileName));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the file, creating its folders. */
    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Lays the scenario's modules out as a repository's module sources under {@code project}, the way jars are built
     * from them: {@code <module>/src/main/resources/db/huddle/<module>/<dialect>/} for up scripts and
     * {@code .../db/huddle-down/<module>/<dialect>/} for down scripts. {@code module.properties} is left out: a
     * classpath module declares those in its {@code HuddleModule} class.
     */
    public static void sourceTree(String scenario, Path project) {
        for (ModuleDescriptor module : modules(scenario)) {
            Path resources = project.resolve(module.name()).resolve("src/main/resources");
            Path from = path(scenario).resolve(module.name());
            for (Dialect dialect : Dialect.values()) {
                copyFiles(from.resolve(dialect.folderName()), resources.resolve(ModuleDescriptor.upFolder(module.name(), dialect)));
                copyFiles(from.resolve("down").resolve(dialect.folderName()),
                        resources.resolve(ModuleDescriptor.downFolder(module.name(), dialect)));
            }
        }
    }

    /** The sealer of {@code seal}, for the modules folder {@code modules} of a project, planning them as they are on disk. */
    public static ManifestSealer sealer(Path project, Path modules) {
        return new ManifestSealer(new ModuleSources(project), dialect -> Migrations.of(ModuleDiscovery.inDirectory(modules)).checkedPlan(dialect));
    }

    /** A module packed in a jar; tools that write (create, seal) look its sources up in a project folder. */
    public static ModuleDescriptor.Builder classpathModule(String name) {
        return ModuleDescriptor.onClasspath(name, Scenarios.class);
    }

    private static void copyFiles(Path from, Path to) {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The script dialect a test database speaks. */
    public static Dialect dialectOf(Engine engine) {
        return switch (engine) {
            case POSTGRESQL -> Dialect.POSTGRESQL;
            case SQLITE -> Dialect.SQLITE;
        };
    }
}
