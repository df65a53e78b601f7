package dev.huddle.migration;

import java.nio.file.Path;
import java.util.List;

/**
 * The {@code interleaved} scenario: modules alpha and beta whose versions alternate, so the merged plan is alpha, beta,
 * alpha, beta. The one place its migrations are written down; tests that expect them all, in order, read them here.
 */
public final class Interleaved {
    /** Its migrations in plan order. */
    public static final List<Migration> MIGRATIONS = List.of(
            new Migration("alpha", "20250101000000", "create alpha items"),
            new Migration("beta", "20250102000000", "create beta items"),
            new Migration("alpha", "20250103000000", "add alpha note"),
            new Migration("beta", "20250104000000", "create beta tags"));

    private Interleaved() {
    }

    /** One migration of the scenario; its file name is {@code V<version>__<description with underscores>.sql}. */
    public record Migration(String module, String version, String description) {
        public String fileName() {
            return "V" + version + "__" + description.replace(' ', '_') + ".sql";
        }

        /** As the history's {@code script} column holds it: {@code <module>/<file>}. */
        public String script() {
            return module + "/" + fileName();
        }
    }

    /** The scenario's folder, laid out as a {@code --modules-dir}. */
    public static Path path() {
        return Scenarios.path("interleaved");
    }

    /** Every migration as {@code <module>/<file>}, in plan order. */
    public static List<String> scripts() {
        return MIGRATIONS.stream().map(Migration::script).toList();
    }

    public static List<String> versions() {
        return MIGRATIONS.stream().map(Migration::version).toList();
    }
}
