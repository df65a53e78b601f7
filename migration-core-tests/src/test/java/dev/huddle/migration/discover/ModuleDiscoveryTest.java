package dev.huddle.migration.discover;

import dev.huddle.migration.Scenarios;
import dev.huddle.migration.failure.FileUnusableException;
import dev.huddle.migration.failure.MalformedModuleException;
import dev.huddle.migration.failure.MalformedScriptException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModuleDiscoveryTest {

    @Test
    void makesOneModulePerSubfolderSortedByName() {
        List<ModuleDescriptor> modules = ModuleDiscovery.inDirectory(Scenarios.path("interleaved"));

        assertThat(modules).extracting(ModuleDescriptor::name).containsExactly("alpha", "beta");
        assertThat(modules.get(0).scripts(Dialect.SQLITE).list()).extracting(ScriptFile::fileName)
                .containsExactly("V20250101000000__create_alpha_items.sql", "V20250103000000__add_alpha_note.sql");
        assertThat(modules.get(0).inMemoryTables()).isEmpty();
        assertThat(modules.get(0).excludedScripts()).isEmpty();
    }

    @Test
    void readsInMemoryTablesAndExclusionsFromModuleProperties() {
        ModuleDescriptor alpha = ModuleDiscovery.inDirectory(Scenarios.path("excluded")).get(0);

        assertThat(alpha.inMemoryTables()).isEqualTo(Set.of("alpha_presence"));
        assertThat(alpha.excludedScripts())
                .isEqualTo(Map.of("V20250102000000__backfill_alpha_items.sql", "Run by hand during the January outage"));
    }

    @Test
    void listsNoScriptsForAMissingDialectFolder(@TempDir Path dir) {
        assertThat(new DirectoryScriptLocation(dir.resolve("absent")).list()).isEmpty();
    }

    @Test
    void listsScriptsAndStrayFilesSortedButSkipsSubfolders(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("archive"));
        Files.createDirectories(dir.resolve("old.sql.d"));
        Files.writeString(dir.resolve("V20250102000000__b.sql"), "select 2;");
        Files.writeString(dir.resolve("V20250101000000__a.sql"), "select 1;");
        Files.writeString(dir.resolve("README.md"), "notes");

        List<ScriptFile> files = new DirectoryScriptLocation(dir).list();

        assertThat(files).extracting(ScriptFile::fileName)
                .containsExactly("README.md", "V20250101000000__a.sql", "V20250102000000__b.sql");
        assertThat(files.get(1).content().get()).isEqualTo("select 1;");
    }

    @Test
    void readsUtf8ScriptsAndRefusesMalformedOnes(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V20250101000000__a.sql"), "select '\u00e9 \uFFFD';", StandardCharsets.UTF_8);
        Files.write(dir.resolve("V20250102000000__b.sql"), new byte[] {'s', 'e', 'l', ';', '\n', (byte) 0xC3, '(', ';'});

        List<ScriptFile> files = new DirectoryScriptLocation(dir).list();

        assertThat(files.get(0).content().get()).isEqualTo("select '\u00e9 \uFFFD';");
        assertThatThrownBy(() -> files.get(1).content().get()).isInstanceOf(MalformedScriptException.class)
                .hasMessageContaining("V20250102000000__b.sql line 2 is not UTF-8 (byte 0xC3");
    }

    @Test
    void refusesAModulesDirectoryThatDoesNotExist(@TempDir Path dir) {
        assertThatThrownBy(() -> ModuleDiscovery.inDirectory(dir.resolve("absent")))
                .isInstanceOf(FileUnusableException.class)
                .hasMessageContaining("absent");
    }

    @Test
    void refusesModuleNamesThatAreNotLowerCaseWords() {
        assertThatThrownBy(() -> ModuleDescriptor.inDirectory("Meetings", Path.of("x"))).isInstanceOf(MalformedModuleException.class);
        assertThatThrownBy(() -> ModuleDescriptor.inDirectory("1st", Path.of("x"))).isInstanceOf(MalformedModuleException.class);
        assertThat(ModuleDescriptor.inDirectory("events-sync2", Path.of("x")).build().name()).isEqualTo("events-sync2");
    }

    @Test
    void refusesAnExclusionWithoutReason() {
        assertThatThrownBy(() -> ModuleDescriptor.inDirectory("alpha", Path.of("x")).exclude("V20250101000000__a.sql", " "))
                .isInstanceOf(MalformedModuleException.class)
                .hasMessageContaining("needs a reason");
    }
}
