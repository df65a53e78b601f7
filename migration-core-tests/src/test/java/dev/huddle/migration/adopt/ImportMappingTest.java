package dev.huddle.migration.adopt;

import dev.huddle.migration.failure.AdoptionRefusedException;
import dev.huddle.migration.failure.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportMappingTest {
    @TempDir
    Path temp;

    @Test
    void mapsNamesWithOrWithoutTheirExtensionToOneOrSeveralVersionsOrNone() throws Exception {
        ImportMapping mapping = ImportMapping.read(file("# old = new", "20240101000000-create-users.js = 20250101000000",
                "20240102000000-split = 20250102000000, 20250103000000  # one old migration became two", "20240103000000-seed-data = none"));

        assertThat(mapping.versionsFor(List.of("20240101000000-create-users", "20240102000000-split.js", "20240103000000-seed-data.js")))
                .containsExactly("20250101000000", "20250102000000", "20250103000000");
    }

    @Test
    void refusesUnmappedNamesAllAtOnce() throws Exception {
        ImportMapping mapping = ImportMapping.read(file("a = 20250101000000"));

        assertThatThrownBy(() -> mapping.versionsFor(List.of("a", "b", "c.sql")))
                .isInstanceOf(AdoptionRefusedException.class)
                .hasMessageContaining("records 2 migrations that").hasMessageContaining("  - b\n  - c.sql");
    }

    @Test
    void refusesALineThatIsNoMappingNamingIt() throws Exception {
        Path file = file("a = 20250101000000", "b = tomorrow");

        assertThatThrownBy(() -> ImportMapping.read(file)).isInstanceOf(UsageException.class)
                .hasMessageContaining("Line 2 of " + file).hasMessageContaining("b = tomorrow");
    }

    private Path file(String... lines) throws Exception {
        return Files.writeString(Files.createTempFile(temp, "mapping", ".txt"), String.join("\n", lines) + "\n");
    }
}
