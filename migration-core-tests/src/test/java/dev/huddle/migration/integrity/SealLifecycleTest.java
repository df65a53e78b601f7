package dev.huddle.migration.integrity;

import dev.huddle.migration.Scenarios;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.discover.ModuleDiscovery;
import dev.huddle.migration.failure.MigrationPlanRefusedException;
import dev.huddle.migration.failure.ShippedScriptChangedException;
import dev.huddle.testsupport.GitRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A seal says a script is ready to ship, and it ships when the seal is committed: until then the script may change
 * (sealing again records it) and the seal may be taken back; afterwards neither.
 */
class SealLifecycleTest {
    private static final String TAGS = "V20250105000000__create_alpha_tags.sql";

    @TempDir
    Path project;

    @Test
    void refusesAnEmptyScriptNamingItAndSealsNothing() {
        Path modules = Scenarios.copy("interleaved", project);
        Scenarios.sealer(project, modules).seal(ModuleDiscovery.inDirectory(modules));
        String manifest = Scenarios.read(manifest(modules));
        Scenarios.writeInBothDialects(modules, "alpha", TAGS, "-- tags for alpha items, to be written\n");

        assertThatThrownBy(() -> Scenarios.sealer(project, modules).seal(ModuleDiscovery.inDirectory(modules)))
                .isInstanceOf(MigrationPlanRefusedException.class)
                .hasMessageContaining("alpha: " + Scenarios.script(modules, "alpha", Dialect.POSTGRESQL, TAGS)
                        + " is empty (comments only): write its change before sealing it.")
                .hasMessageContaining(Scenarios.script(modules, "alpha", Dialect.SQLITE, TAGS) + " is empty");
        assertThat(Scenarios.read(manifest(modules))).isEqualTo(manifest);
    }

    @Test
    void refusesAScriptPlanningRefusesNamingItsFileAndReason() {
        Path modules = Scenarios.copy("interleaved", project);
        Scenarios.write(Scenarios.script(modules, "alpha", Dialect.POSTGRESQL, TAGS), "create table alpha_tags (id integer);\n");

        assertThatThrownBy(() -> Scenarios.sealer(project, modules).seal(ModuleDiscovery.inDirectory(modules)))
                .isInstanceOf(MigrationPlanRefusedException.class)
                .hasMessageContaining("20250105000000");
        assertThat(manifest(modules)).doesNotExist();
    }

    @Test
    void aSealNotCommittedMayBeRedoneOrUndoneButACommittedOneStays() {
        Path modules = Scenarios.copy("interleaved", project);
        GitRepository git = GitRepository.init(project);
        Scenarios.sealer(project, modules).seal(ModuleDiscovery.inDirectory(modules));
        git.commitAll("shipped");
        Path tags = Scenarios.script(modules, "alpha", Dialect.SQLITE, TAGS);
        Scenarios.writeInBothDialects(modules, "alpha", TAGS, "create table alpha_tags (id integer);\n");
        Scenarios.sealer(project, modules).seal(ModuleDiscovery.inDirectory(modules));

        Scenarios.write(tags, "create table alpha_tags (id integer, label text);\n");
        IntegrityCheck edited = IntegrityCheck.of(alpha(modules));
        assertThat(edited.problems()).as("not shipped, so not refused").isEmpty();
        assertThat(edited.resealNeeded()).singleElement().asString()
                .contains("alpha: sqlite/" + TAGS + " changed after it was sealed", "run 'huddle-migrate seal alpha' again");
        assertThat(Scenarios.migrations(modules).checkedPlan(Dialect.SQLITE).migrations()).hasSize(5);

        Scenarios.sealer(project, modules).seal(ModuleDiscovery.inDirectory(modules));
        assertThat(IntegrityCheck.of(alpha(modules)).resealNeeded()).as("sealing again records the edit").isEmpty();
        assertThat(Scenarios.sealer(project, modules).unseal(ModuleDiscovery.inDirectory(modules), "20250105000000"))
                .containsOnlyKeys("alpha").extractingByKey("alpha").asList().hasSize(2);
        assertThat(Scenarios.read(manifest(modules))).doesNotContain(TAGS).contains("V20250103000000__add_alpha_note.sql");

        Scenarios.sealer(project, modules).seal(ModuleDiscovery.inDirectory(modules));
        git.commitAll("add alpha tags");
        String committed = Scenarios.read(manifest(modules));
        assertThatThrownBy(() -> Scenarios.sealer(project, modules).unseal(ModuleDiscovery.inDirectory(modules), "20250105000000"))
                .isInstanceOf(ShippedScriptChangedException.class)
                .hasMessageContaining("alpha: migration 20250105000000 has shipped: postgresql/" + TAGS + ", sqlite/" + TAGS
                        + " are sealed in the integrity.manifest committed at HEAD. A shipped migration stays");
        Scenarios.write(tags, "create table alpha_tags (id integer, label text, colour text);\n");
        assertThat(IntegrityCheck.of(alpha(modules)).problems()).singleElement().asString()
                .contains("sqlite/" + TAGS + " was edited after it shipped");
        assertThat(Scenarios.read(manifest(modules))).isEqualTo(committed);
    }

    @Test
    void withoutGitEverySealCountsAsShippedAndSaysWhy() {
        Path modules = Scenarios.copy("interleaved", project);
        Scenarios.sealer(project, modules).seal(ModuleDiscovery.inDirectory(modules));

        assertThatThrownBy(() -> Scenarios.sealer(project, modules).unseal(ModuleDiscovery.inDirectory(modules), "20250103000000"))
                .isInstanceOf(ShippedScriptChangedException.class)
                .hasMessageContaining("not in a git repository, so every line of it counts as shipped");
    }

    private static Path manifest(Path modules) {
        return modules.resolve("alpha").resolve(ModuleDescriptor.MANIFEST_FILE);
    }

    private static ModuleDescriptor alpha(Path modules) {
        return ModuleDiscovery.inDirectory(modules).stream().filter(m -> m.name().equals("alpha")).findFirst().orElseThrow();
    }
}
