package dev.huddle.migration.adopt;

import dev.huddle.migration.failure.AdoptionRefusedException;
import dev.huddle.migration.failure.FileUnusableException;
import dev.huddle.migration.failure.UsageException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which Huddle migrations each of another tool's migrations stands for, from a mapping file of lines
 * {@code <old name> = <version>[, <version>...]} ({@code none} for an old migration with no Huddle counterpart);
 * {@code #} starts a comment. Names match with or without their {@code .js}, {@code .ts} or {@code .sql} extension.
 * Refuses ambiguity: an old name mapped twice, and any old name the history holds that the file does not map.
 */
public final class ImportMapping {
    private static final Pattern EXTENSION = Pattern.compile("\\.(js|cjs|mjs|ts|sql)$");
    private static final Pattern VERSION = Pattern.compile("\\d{14}");

    private final Path file;
    private final Map<String, List<String>> versionsByName;

    private ImportMapping(Path file, Map<String, List<String>> versionsByName) {
        this.file = file;
        this.versionsByName = versionsByName;
    }

    /**
     * @throws FileUnusableException when the file cannot be read
     * @throws UsageException        naming the line, when one is not {@code name = versions}
     * @throws AdoptionRefusedException when an old name is mapped twice
     */
    public static ImportMapping read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FileUnusableException("Cannot read the mapping file " + file + ": " + e.getMessage() + ".",
                    "Give --mapping a readable UTF-8 file of lines '<old name> = <version>'.", e);
        }
        Map<String, List<String>> versionsByName = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        List<String> ambiguous = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("\\s*#.*$", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            int equals = line.lastIndexOf('=');
            String name = equals < 0 ? "" : normalised(line.substring(0, equals).strip());
            List<String> versions = equals < 0 ? List.of() : versions(line.substring(equals + 1));
            if (name.isEmpty() || versions == null) {
                throw new UsageException("Line " + (i + 1) + " of " + file + " is not '<old name> = <version>[, <version>...]' or "
                        + "'<old name> = none': " + lines.get(i).strip(), "Versions are Huddle's 14-digit timestamps; see status.");
            }
            if (lineOf.containsKey(name)) {
                ambiguous.add(name + " (lines " + lineOf.get(name) + " and " + (i + 1) + ")");
            }
            lineOf.put(name, i + 1);
            versionsByName.put(name, versions);
        }
        if (!ambiguous.isEmpty()) {
            throw new AdoptionRefusedException(file + " maps " + (ambiguous.size() == 1 ? "an old name" : "old names") + " more than once: "
                    + String.join(", ", ambiguous) + ".", "Keep one line per old name; list several versions on it if it stands for several.");
        }
        return new ImportMapping(file, versionsByName);
    }

    /** {@code none} as an empty list, a list of versions, or null when the text is neither. */
    private static List<String> versions(String text) {
        String trimmed = text.strip();
        if (trimmed.equals("none")) {
            return List.of();
        }
        List<String> versions = Arrays.stream(trimmed.split("\\s*,\\s*")).toList();
        return versions.stream().allMatch(version -> VERSION.matcher(version).matches()) ? versions : null;
    }

    private static String normalised(String name) {
        return EXTENSION.matcher(name).replaceFirst("");
    }

    /**
     * The Huddle versions the old tool's recorded migrations stand for, in the order first named.
     *
     * @throws AdoptionRefusedException naming every recorded name the file does not map
     */
    public Set<String> versionsFor(List<String> recordedNames) {
        List<String> unmapped = recordedNames.stream().filter(name -> !versionsByName.containsKey(normalised(name))).toList();
        if (!unmapped.isEmpty()) {
            throw new AdoptionRefusedException("The old history records " + unmapped.size() + " migration" + (unmapped.size() == 1 ? "" : "s")
                    + " that " + file + " does not map:\n" + String.join("\n", unmapped.stream().map(name -> "  - " + name).toList()),
                    "Add a line '<old name> = <version>' for each (or '<old name> = none' if Huddle has no counterpart), then import again.");
        }
        Set<String> versions = new LinkedHashSet<>();
        recordedNames.forEach(name -> versions.addAll(versionsByName.get(normalised(name))));
        return versions;
    }
}
