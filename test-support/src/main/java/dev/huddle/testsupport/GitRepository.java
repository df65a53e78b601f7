package dev.huddle.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A git repository a test makes in a folder of its own, for behaviour that depends on what is committed (a seal ships
 * when it is committed). Commits carry a fixed test identity and no signature, whatever the machine's git settings.
 */
public final class GitRepository {
    private final Path folder;

    private GitRepository(Path folder) {
        this.folder = folder;
    }

    /** A new, empty repository in {@code folder}. */
    public static GitRepository init(Path folder) {
        GitRepository repository = new GitRepository(folder);
        repository.git("init", "-q");
        return repository;
    }

    /** Commits everything in the folder, as it is now. */
    public void commitAll(String message) {
        git("add", "-A");
        git("commit", "-q", "-m", message);
    }

    private void git(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", folder.toString(), "-c", "user.name=Huddle test",
                "-c", "user.email=test@huddle.invalid", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run git, which this test needs: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
        }
    }
}
