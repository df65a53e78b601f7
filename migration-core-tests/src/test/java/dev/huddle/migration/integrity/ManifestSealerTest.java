package dev.huddle.migration.integrity;

import dev.huddle.migration.Migrations;
import dev.huddle.migration.Scenarios;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.discover.ModuleDiscovery;
import dev.huddle.migration.discover.ModuleSources;
import dev.huddle.migration.failure.ShippedScriptChangedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ManifestSealerTest {
    @TempDir
    Path project;

    @Test
    void firstSealWritesEachModulesManifestAndTheSecondSealsNothing() {
        Path modules = Scenarios.copy("interleaved", project);
        ManifestSealer sealer = Scenarios.sealer(project, modules);

        Map<String, List<String>> first = sealer.seal(ModuleDiscovery.inDirectory(modules));

        assertThat(first.get("alpha")).containsExactly(
                "postgresql/V20250101000000__create_alpha_items.sql", "postgresql/V20250103000000__add_alpha_note.sql",
                "sqlite/V20250101000000__create_alpha_items.sql", "sqlite/V20250103000000__add_alpha_note.sql");
        assertThat(first.get("beta")).hasSize(4);
        String manifest = Scenarios.read(modules.resolve("alpha").resolve(ModuleDescriptor.MANIFEST_FILE));
        Path script = Scenarios.script(modules, "alpha", Dialect.SQLITE, "V20250103000000__add_alpha_note.sql");
        assertThat(manifest).contains("sqlite/V20250103000000__add_alpha_note.sql " + IntegrityManifest.sha256(Scenarios.read(script)));
        assertThat(IntegrityManifest.parse(manifest).sha256ByPath()).hasSize(4);
        assertThat(modules.resolve("beta").resolve(ModuleDescriptor.MANIFEST_FILE)).isRegularFile();
        assertThat(project.resolve("migration-order.txt")).as("modules-dir modules are not in the repository's order").doesNotExist();

        Map<String, List<String>> second = sealer.seal(ModuleDiscovery.inDirectory(modules));

        assertThat(second).containsOnly(Map.entry("alpha", List.of()), Map.entry("beta", List.of()));
        assertThat(Scenarios.read(modules.resolve("alpha").resolve(ModuleDescriptor.MANIFEST_FILE))).isEqualTo(manifest);
    }

    @Test
    void sealsOnlyTheNamedModulesAndOnlyTheirNewScripts() {
        Path modules = Scenarios.copy("interleaved", project);
        ManifestSealer sealer = Scenarios.sealer(project, modules);
        List<ModuleDescriptor> all = ModuleDiscovery.inDirectory(modules);
        sealer.seal(all);
        Scenarios.writeInBothDialects(modules, "alpha", "V20250105000000__create_alpha_tags.sql", "create table alpha_tags (id integer);\n");
        Scenarios.writeInBothDialects(modules, "beta", "V20250106000000__create_beta_notes.sql", "create table beta_notes (id integer);\n");
        String betaManifest = Scenarios.read(modules.resolve("beta").resolve(ModuleDescriptor.MANIFEST_FILE));

        Map<String, List<String>> sealed = sealer.seal(all.stream().filter(module -> module.name().equals("alpha")).toList());

        assertThat(sealed).containsOnly(Map.entry("alpha", List.of(
                "postgresql/V20250105000000__create_alpha_tags.sql", "sqlite/V20250105000000__create_alpha_tags.sql")));
        assertThat(Scenarios.read(modules.resolve("alpha").resolve(ModuleDescriptor.MANIFEST_FILE)))
                .contains("postgresql/V20250101000000__create_alpha_items.sql", "sqlite/V20250105000000__create_alpha_tags.sql");
        assertThat(Scenarios.read(modules.resolve("beta").resolve(ModuleDescriptor.MANIFEST_FILE))).isEqualTo(betaManifest);
    }

    @Test
    void refusesToSealAnythingWhenASealedScriptWasEdited() {
        Path modules = Scenarios.copy("interleaved", project);
        ManifestSealer sealer = Scenarios.sealer(project, modules);
        sealer.seal(ModuleDiscovery.inDirectory(modules));
        Path alphaManifest = modules.resolve("alpha").resolve(ModuleDescriptor.MANIFEST_FILE);
        Path betaManifest = modules.resolve("beta").resolve(ModuleDescriptor.MANIFEST_FILE);
        String alphaBefore = Scenarios.read(alphaManifest);
        String betaBefore = Scenarios.read(betaManifest);
        Path edited = Scenarios.script(modules, "beta", Dialect.POSTGRESQL, "V20250102000000__create_beta_items.sql");
        Scenarios.write(edited, Scenarios.read(edited).replace("label", "title"));
        Scenarios.writeInBothDialects(modules, "alpha", "V20250105000000__create_alpha_tags.sql", "create table alpha_tags (id integer);\n");

        ShippedScriptChangedException refused = catchThrowableOfType(ShippedScriptChangedException.class,
                () -> sealer.seal(ModuleDiscovery.inDirectory(modules)));

        assertThat(refused).isNotNull().hasMessage("Nothing was sealed:\n  - beta: postgresql/V20250102000000__create_beta_items.sql "
                + "was edited after it shipped (its SHA-256 differs from integrity.manifest). Restore it from version control and put "
                + "the change in a new migration.");
        assertThat(Scenarios.read(alphaManifest)).as("not even the other module's new script").isEqualTo(alphaBefore);
        assertThat(Scenarios.read(betaManifest)).isEqualTo(betaBefore);
    }

    @Test
    void sealingClasspathModulesWritesIntoTheirSourcesAndAppendsTheirMigrationsToTheOrderFileByVersion() throws Exception {
        Scenarios.sourceTree("reversible", project);
        for (Dialect dialect : Dialect.values()) {
            // An excluded script never runs, so planning (which seal asks) refuses a down script for it.
            Files.delete(project.resolve("alpha/src/main/resources").resolve(ModuleDescriptor.downFolder("alpha", dialect))
                    .resolve("U20250105000000__create_alpha_tags.sql"));
        }
        List<ModuleDescriptor> modules = List.of(
                Scenarios.classpathModule("alpha").exclude("V20250105000000__create_alpha_tags.sql", "kept for the record").build(),
                Scenarios.classpathModule("beta").build());
        ModuleSources sources = new ModuleSources(project);
        ManifestSealer sealer = new ManifestSealer(sources, dialect -> Migrations.of(modules.stream().map(sources::view).toList())
                .checkedPlan(dialect));

        Map<String, List<String>> sealed = sealer.seal(modules);

        assertThat(sealed.get("alpha")).hasSize(10).contains("postgresql/V20250105000000__create_alpha_tags.sql");
        assertThat(sealed.get("beta")).hasSize(8);
        Path alphaManifest = project.resolve("alpha/src/main/resources/db/huddle/alpha/integrity.manifest");
        assertThat(IntegrityManifest.parse(Scenarios.read(alphaManifest)).sha256ByPath()).containsOnlyKeys(sealed.get("alpha"));
        assertThat(project.resolve("beta/src/main/resources/db/huddle/beta/integrity.manifest")).isRegularFile();
        Path orderFile = project.resolve("migration-order.txt");
        assertThat(entries(orderFile)).as("excluded and down scripts left out").containsExactly(
                "20250101000000 alpha", "20250102000000 beta", "20250103000000 alpha", "20250104000000 beta");

        Path betaUp = project.resolve("beta/src/main/resources/db/huddle/beta");
        for (Dialect dialect : Dialect.values()) {
            Files.writeString(betaUp.resolve(dialect.folderName()).resolve("V20250107000000__create_beta_notes.sql"), "create table beta_notes (id integer);\n");
            Files.writeString(betaUp.resolve(dialect.folderName()).resolve("V20250106000000__create_beta_tags.sql"), "create table beta_tags (id integer);\n");
        }
        Path alphaUp = project.resolve("alpha/src/main/resources/db/huddle/alpha");
        for (Dialect dialect : Dialect.values()) {
            Files.writeString(alphaUp.resolve(dialect.folderName()).resolve("V20250102120000__create_alpha_late.sql"), "create table alpha_late (id integer);\n");
        }

        Map<String, List<String>> again = sealer.seal(modules);

        assertThat(again.get("alpha")).hasSize(2);
        assertThat(again.get("beta")).hasSize(4);
        assertThat(entries(orderFile)).as("appended in version order, after what was already there").containsExactly(
                "20250101000000 alpha", "20250102000000 beta", "20250103000000 alpha", "20250104000000 beta",
                "20250102120000 alpha", "20250106000000 beta", "20250107000000 beta");
        assertThat(sealer.seal(modules).values()).allSatisfy(paths -> assertThat(paths).isEmpty());
        assertThat(entries(orderFile)).hasSize(7);
    }

    private static List<String> entries(Path orderFile) {
        return MigrationOrder.parse(Scenarios.read(orderFile)).entries().stream().map(MigrationOrder.Entry::toString).toList();
    }
}
