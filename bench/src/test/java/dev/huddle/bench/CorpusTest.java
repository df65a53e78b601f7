package dev.huddle.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CorpusTest {
    @TempDir
    Path temp;

    @Test
    void interleavesFourModulesWithUniqueIncreasingVersions() {
        List<Corpus.Migration> migrations = Corpus.migrations(1000);

        assertThat(migrations).extracting(Corpus.Migration::version).doesNotHaveDuplicates().isSorted();
        assertThat(migrations.subList(0, 4)).extracting(Corpus.Migration::module).containsExactly("mod0", "mod1", "mod2", "mod3");
        assertThat(migrations).filteredOn(m -> m.module().equals("mod2")).hasSize(250);
    }

    @Test
    void everyMigrationCreatesASevenColumnTableWithAForeignKeyAndAnIndexAndEveryFifthAddsAColumn() {
        String fifth = Corpus.up(9, "postgresql");

        assertThat(fifth).contains("create table t9", "references t5 (id)", "create index idx_t9_parent", "alter table t5 add column note_9");
        assertThat(fifth.lines().filter(line -> line.startsWith("    ")).count()).isEqualTo(7);
        assertThat(Corpus.up(8, "sqlite")).doesNotContain("alter table");
        assertThat(Corpus.down(9)).isEqualTo("alter table t5 drop column note_9;\ndrop table t9;\n");
    }

    @Test
    void writesTheSameFilesEveryTime() throws Exception {
        Path first = Corpus.write(temp.resolve("a"), 40);
        Path second = Corpus.write(temp.resolve("b"), 40);

        assertThat(files(first)).isEqualTo(files(second)).hasSize(2 * 40 * 3 + 2);
        assertThat(Files.readString(first.resolve("floor/sqlite.sql"))).isEqualTo(Files.readString(second.resolve("floor/sqlite.sql")));
    }

    private static List<String> files(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(path -> root.relativize(path).toString()).sorted().toList();
        }
    }
}
