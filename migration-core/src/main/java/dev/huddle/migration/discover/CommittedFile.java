package dev.huddle.migration.discover;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A file as it was last committed to git (at {@code HEAD}), which is what Huddle counts as shipped. Where git cannot
 * answer (the file is not in a git work tree, or git cannot be run) the file as it is now counts as committed, so
 * nothing sealed is ever taken for unshipped by mistake; {@link #basis} says which of these it is, for messages.
 *
 * @param text  the committed text; empty when the file is not in {@code HEAD} (new, or never committed)
 * @param known whether git answered; when false, {@code text} is the file as it is now
 * @param basis where {@code text} comes from, in words, e.g. "the integrity.manifest committed at HEAD"
 */
public record CommittedFile(Optional<String> text, boolean known, String basis) {
    /** What git says when the file is not in HEAD, or HEAD is no commit yet: nothing of it is committed. */
    private static final List<String> NOT_COMMITTED = List.of("exists on disk, but not in 'HEAD'", "does not exist in 'HEAD'",
            "invalid object name 'HEAD'");

    /** A file packed in a jar: everything in a jar has shipped. */
    public static CommittedFile packaged(Optional<String> text) {
        return new CommittedFile(text, true, "the packaged file");
    }

    /** The committed version of {@code file}, asking git only when the file lies in a git work tree. */
    public static CommittedFile of(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        String name = absolute.getFileName().toString();
        if (!insideGitWorkTree(folder)) {
            return new CommittedFile(DirectoryScriptLocation.readFile(absolute), false,
                    name + " as it is (not in a git repository, so every line of it counts as shipped)");
        }
        // "HEAD:./name" is read relative to the folder git runs in, whatever the repository's root. Git's messages in
        // English, since which failure it was is read from them.
        ProcessBuilder git = new ProcessBuilder("git", "-C", folder.toString(), "show", "HEAD:./" + name);
        git.environment().put("LC_ALL", "C");
        try {
            Process process = git.start();
            process.getOutputStream().close();
            byte[] out;
            try (InputStream stdout = process.getInputStream()) {
                out = stdout.readAllBytes();
            }
            String error;
            try (InputStream stderr = process.getErrorStream()) {
                error = new String(stderr.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            if (process.waitFor() == 0) {
                return new CommittedFile(Optional.of(new String(out, StandardCharsets.UTF_8)), true, "the " + name + " committed at HEAD");
            }
            if (NOT_COMMITTED.stream().anyMatch(error::contains)) {
                return new CommittedFile(Optional.empty(), true, name + " (not committed at HEAD yet)");
            }
            return new CommittedFile(DirectoryScriptLocation.readFile(absolute), false,
                    name + " as it is (git could not tell what is committed: " + error.lines().findFirst().orElse("no message")
                            + "; so every line of it counts as shipped)");
        } catch (IOException e) {
            return new CommittedFile(DirectoryScriptLocation.readFile(absolute), false,
                    name + " as it is (git could not be run: " + e.getMessage() + "; so every line of it counts as shipped)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking git for " + absolute, e);
        }
    }

    /**
     * Whether {@code folder} or one above it holds {@code .git} (a folder, or a file in a linked worktree), looking no
     * higher than git itself would: not into a folder named in {@code GIT_CEILING_DIRECTORIES}.
     */
    private static boolean insideGitWorkTree(Path folder) {
        List<Path> ceilings = ceilings(System.getenv("GIT_CEILING_DIRECTORIES"));
        for (Path each = folder; each != null && !ceilings.contains(each); each = each.getParent()) {
            if (Files.exists(each.resolve(".git"))) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> ceilings(String variable) {
        if (variable == null || variable.isBlank()) {
            return List.of();
        }
        return Arrays.stream(variable.split(File.pathSeparator)).filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().normalize()).toList();
    }
}
