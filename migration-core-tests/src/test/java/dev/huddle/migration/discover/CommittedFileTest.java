package dev.huddle.migration.discover;

import dev.huddle.testsupport.GitRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CommittedFileTest {
    @TempDir
    Path temp;

    @Test
    void isTheTextAtHeadAndNothingForAFileNeverCommitted() throws Exception {
        Path file = Files.writeString(temp.resolve("integrity.manifest"), "sealed and committed\n");
        GitRepository.init(temp).commitAll("ship");
        Files.writeString(file, "sealed, not committed\n");
        Path fresh = Files.writeString(Files.createDirectories(temp.resolve("beta")).resolve("integrity.manifest"), "new\n");

        assertThat(CommittedFile.of(file)).isEqualTo(new CommittedFile(Optional.of("sealed and committed\n"), true,
                "the integrity.manifest committed at HEAD"));
        assertThat(CommittedFile.of(fresh).text()).isEmpty();
        assertThat(CommittedFile.of(fresh).known()).isTrue();
    }

    @Test
    void isTheFileAsItIsWhereGitCannotTellSoNothingSealedPassesForUnshipped() throws Exception {
        Path outside = Files.writeString(Files.createDirectories(temp.resolve("plain")).resolve("integrity.manifest"), "sealed\n");
        Path broken = Files.createDirectories(temp.resolve("broken"));
        Files.writeString(broken.resolve(".git"), "gitdir: " + temp.resolve("no-such-git-dir") + "\n");
        Path inBroken = Files.writeString(broken.resolve("integrity.manifest"), "sealed\n");

        assertThat(CommittedFile.of(outside).text()).contains("sealed\n");
        assertThat(CommittedFile.of(outside).basis()).contains("not in a git repository, so every line of it counts as shipped");
        assertThat(CommittedFile.of(inBroken).known()).isFalse();
        assertThat(CommittedFile.of(inBroken).text()).contains("sealed\n");
        assertThat(CommittedFile.of(inBroken).basis()).contains("git could not tell what is committed: fatal: not a git repository");
    }
}
