package dev.huddle.migration.discover;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A script folder inside the jar (or class folder) that holds a given class. Listing goes through the
 * anchor's code source rather than {@link ClassLoader#getResources}, because shaded jars often carry no
 * directory entries and a folder lookup would then find nothing.
 */
public final class ClasspathScriptLocation implements ScriptLocation {
    private static final Map<Path, List<String>> JAR_ENTRIES = new ConcurrentHashMap<>();

    private final Class<?> anchor;
    private final String folder;

    public ClasspathScriptLocation(Class<?> anchor, String folder) {
        this.anchor = anchor;
        this.folder = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
    }

    @Override
    public List<ScriptFile> list() {
        Path codeSource = codeSource();
        List<String> names = Files.isDirectory(codeSource) ? namesInDirectory(codeSource.resolve(folder)) : namesInJar(codeSource);
        List<ScriptFile> files = new ArrayList<>(names.size());
        for (String name : names) {
            String resource = folder + "/" + name;
            files.add(new ScriptFile(name, "classpath:" + resource, () -> read(resource)));
        }
        return files;
    }

    @Override
    public String describe() {
        return "classpath:" + folder;
    }

    private Path codeSource() {
        URL location = anchor.getProtectionDomain().getCodeSource().getLocation();
        try {
            return Path.of(location.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot read the code source of " + anchor.getName() + ": " + location, e);
        }
    }

    private static List<String> namesInDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    private List<String> namesInJar(Path jar) {
        String prefix = folder + "/";
        return JAR_ENTRIES.computeIfAbsent(jar, ClasspathScriptLocation::entries).stream()
                .filter(name -> name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0)
                .map(name -> name.substring(prefix.length()))
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    /** A jar's file entries, listed once per process: every module's folders share the app's one fat jar. */
    private static List<String> entries(Path jar) {
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            return jarFile.stream().filter(entry -> !entry.isDirectory()).map(JarEntry::getName)
                    .filter(name -> name.startsWith("db/")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + jar, e);
        }
    }

    /** A single resource next to the anchor class, if present. */
    static Optional<String> readResource(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read classpath:" + resource, e);
        }
    }

    private DecodedScript read(String resource) {
        try (InputStream in = anchor.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Script vanished from the classpath: " + resource);
            }
            return ScriptDecoding.decode(in.readAllBytes(), "classpath:" + resource);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read classpath:" + resource, e);
        }
    }
}
