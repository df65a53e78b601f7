package dev.huddle.migration.discover;

import dev.huddle.migration.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SourceTreeTest {
    @TempDir
    Path temp;

    @Test
    void isFoundFromAnyFolderInsideTheCheckoutAndReadsTheModulesFromTheirSources() throws Exception {
        Path project = temp.resolve("checkout");
        Scenarios.sourceTree("reversible", project);
        List<ModuleDescriptor> packaged = List.of(
                Scenarios.classpathModule("alpha").exclude("V20250105000000__create_alpha_tags.sql", "kept for the record").build(),
                Scenarios.classpathModule("beta").dependsOn("alpha").build(),
                Scenarios.classpathModule("gamma").build());
        Path deep = Files.createDirectories(project.resolve("beta/src/main/java"));

        SourceTree tree = SourceTree.around(deep, packaged).orElseThrow();
        List<ModuleDescriptor> read = tree.read(packaged);

        assertThat(tree.root()).isEqualTo(project.toAbsolutePath());
        assertThat(tree.modules()).containsExactly("alpha", "beta");
        assertThat(tree).hasToString("source tree at " + project.toAbsolutePath() + " (alpha, beta)");
        assertThat(read.get(0).scripts(Dialect.SQLITE).describe())
                .isEqualTo(project.resolve("alpha/src/main/resources/db/huddle/alpha/sqlite").toAbsolutePath().toString());
        assertThat(read.get(0).excludedScripts()).as("declarations kept").containsKey("V20250105000000__create_alpha_tags.sql");
        assertThat(read.get(1).dependsOn()).containsExactly("alpha");
        assertThat(read.get(2)).as("no sources here: packed in the jar").isSameAs(packaged.get(2));
    }

    @Test
    void isNotFoundWhereNoModuleHasSources() {
        List<ModuleDescriptor> packaged = List.of(Scenarios.classpathModule("alpha").build());

        assertThat(SourceTree.around(temp, packaged)).isEmpty();
        assertThat(SourceTree.at(temp, packaged)).isEmpty();
        assertThat(SourceTree.around(temp, List.of())).isEmpty();
    }
}
