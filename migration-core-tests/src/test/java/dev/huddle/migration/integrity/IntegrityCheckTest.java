package dev.huddle.migration.integrity;

import dev.huddle.migration.Scenarios;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.discover.ModuleDiscovery;
import dev.huddle.migration.discover.ModuleSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class IntegrityCheckTest {
    @TempDir
    Path temp;

    @Test
    void aModuleWithoutManifestHasEveryScriptUnsealedAndNoProblem() {
        IntegrityCheck check = IntegrityCheck.of(module(Scenarios.copy("reversible", temp), "beta"));

        assertThat(check.module()).isEqualTo("beta");
        assertThat(check.hasManifest()).isFalse();
        assertThat(check.unsealed()).containsOnlyKeys(
                "postgresql/V20250102000000__create_beta_items.sql", "postgresql/V20250104000000__create_beta_links.sql",
                "sqlite/V20250102000000__create_beta_items.sql", "sqlite/V20250104000000__create_beta_links.sql",
                "down/postgresql/U20250102000000__create_beta_items.sql", "down/postgresql/U20250104000000__create_beta_links.sql",
                "down/sqlite/U20250102000000__create_beta_items.sql", "down/sqlite/U20250104000000__create_beta_links.sql");
        assertThat(check.current()).isEqualTo(check.unsealed());
        assertThat(check.edited()).isEmpty();
        assertThat(check.deleted()).isEmpty();
        assertThat(check.problems()).isEmpty();
    }

    @Test
    void aSealedModuleReportsEditedDeletedAndUnsealedScripts() throws Exception {
        Path modules = Scenarios.copy("reversible", temp);
        Scenarios.sealer(temp, modules).seal(ModuleDiscovery.inDirectory(modules));
        Path edited = Scenarios.downScript(modules, "beta", Dialect.POSTGRESQL, "U20250104000000__create_beta_links.sql");
        Scenarios.write(edited, Scenarios.read(edited) + "-- edited\n");
        Files.delete(Scenarios.script(modules, "beta", Dialect.SQLITE, "V20250102000000__create_beta_items.sql"));
        Scenarios.write(Scenarios.script(modules, "beta", Dialect.SQLITE, "V20250106000000__add_beta_colour.sql"), "alter table beta_items add colour text;\n");

        IntegrityCheck check = IntegrityCheck.of(module(modules, "beta"));

        assertThat(check.hasManifest()).isTrue();
        assertThat(check.edited()).containsExactly("down/postgresql/U20250104000000__create_beta_links.sql");
        assertThat(check.deleted()).containsExactly("sqlite/V20250102000000__create_beta_items.sql");
        assertThat(check.unsealed()).containsOnlyKeys("sqlite/V20250106000000__add_beta_colour.sql");
        assertThat(check.problems()).containsExactly(
                "beta: down/postgresql/U20250104000000__create_beta_links.sql was edited after it shipped (its SHA-256 differs from "
                        + "integrity.manifest). Restore it from version control and put the change in a new migration.",
                "beta: sqlite/V20250102000000__create_beta_items.sql shipped (it is in integrity.manifest) but the file is gone. "
                        + "Restore it: shipped migrations are never deleted.");
        assertThat(IntegrityCheck.of(module(modules, "alpha")).problems()).as("the other module").isEmpty();
    }

    @Test
    void aScriptCheckedOutWithCrlfLineEndingsIsNotEdited() {
        Path modules = Scenarios.copy("interleaved", temp);
        Scenarios.sealer(temp, modules).seal(ModuleDiscovery.inDirectory(modules));
        Path script = Scenarios.script(modules, "alpha", Dialect.POSTGRESQL, "V20250103000000__add_alpha_note.sql");
        Scenarios.write(script, Scenarios.read(script).replace("\n", "\r\n"));

        IntegrityCheck check = IntegrityCheck.of(module(modules, "alpha"));

        assertThat(check.edited()).isEmpty();
        assertThat(check.unsealed()).isEmpty();
    }

    private static ModuleDescriptor module(Path modules, String name) {
        return ModuleDiscovery.inDirectory(modules).stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }
}
