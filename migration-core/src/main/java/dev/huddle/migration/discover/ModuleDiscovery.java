package dev.huddle.migration.discover;

import dev.huddle.migration.failure.FileUnusableException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/** Finds modules: every {@link HuddleModule} on the classpath, and every subfolder of a modules directory. */
public final class ModuleDiscovery {
    /** Optional file in a modules-dir module declaring in-memory tables and excluded scripts. */
    public static final String MODULE_PROPERTIES = "module.properties";

    private ModuleDiscovery() {
    }

    /** Every module registered through {@code META-INF/services} in the given class loader, sorted by name. */
    public static List<ModuleDescriptor> onClasspath(ClassLoader classLoader) {
        List<ModuleDescriptor> modules = new ArrayList<>();
        for (HuddleModule module : ServiceLoader.load(HuddleModule.class, classLoader)) {
            modules.add(module.descriptor());
        }
        modules.sort(Comparator.comparing(ModuleDescriptor::name));
        return modules;
    }

    /**
     * Every subfolder {@code dir/<module>/} as a module with scripts in {@code postgresql/} and {@code sqlite/}, and
     * down scripts in {@code down/postgresql/} and {@code down/sqlite/}. A {@code module.properties} beside them may
     * declare {@code depends-on=a,b}, {@code in-memory-tables=a,b} and {@code exclude.<file name>=<reason>}.
     */
    public static List<ModuleDescriptor> inDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new FileUnusableException("Modules directory " + dir + " does not exist or is not a folder", "", null);
        }
        try (Stream<Path> children = Files.list(dir)) {
            // Hidden folders (.git, .idea) are tools' state, never modules.
            return children.filter(child -> !child.getFileName().toString().startsWith(".")).filter(Files::isDirectory).sorted().map(ModuleDiscovery::directoryModule).toList();
        } catch (IOException e) {
            throw new FileUnusableException("Cannot list modules directory " + dir + ": " + e.getMessage() + ".",
                    "Check the folder's permissions.", e);
        }
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    private static ModuleDescriptor directoryModule(Path moduleDir) {
        ModuleDescriptor.Builder builder = ModuleDescriptor.inDirectory(moduleDir.getFileName().toString(), moduleDir);
        Path propertiesFile = moduleDir.resolve(MODULE_PROPERTIES);
        if (Files.isRegularFile(propertiesFile)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new FileUnusableException("Cannot read " + propertiesFile + ": " + e.getMessage() + ".",
                        "Check the file's permissions.", e);
            }
            list(properties.getProperty("in-memory-tables", "")).forEach(builder::inMemoryTable);
            list(properties.getProperty("depends-on", "")).forEach(builder::dependsOn);
            for (String key : properties.stringPropertyNames()) {
                if (key.startsWith("exclude.")) {
                    builder.exclude(key.substring("exclude.".length()), properties.getProperty(key));
                }
            }
        }
        return builder.build();
    }
}
