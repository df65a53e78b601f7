package dev.huddle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * node-pg-migrate 9, installed from the npm registry into the bench's work folder, run on the same SQL as SQL
 * migrations, all pending ones in one transaction (its default).
 */
final class NodePgMigrate {
    private final Path home;

    private NodePgMigrate(Path home) {
        this.home = home;
    }

    static boolean available() {
        try {
            Process node = new ProcessBuilder("npm", "--version").redirectErrorStream(true).start();
            return node.waitFor(30, TimeUnit.SECONDS) && node.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static NodePgMigrate install(Path home) throws Exception {
        Files.createDirectories(home);
        if (!Files.isDirectory(home.resolve("node_modules").resolve("node-pg-migrate"))) {
            Bench.log("installing node-pg-migrate@9 and pg with npm into " + home);
            Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix", home.toAbsolutePath().toString(),
                    "node-pg-migrate@9", "pg@8").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new IllegalStateException("npm install node-pg-migrate failed; run with --node no to skip it");
            }
        }
        return new NodePgMigrate(home);
    }

    /** The corpus's PostgreSQL scripts as node-pg-migrate SQL migrations, named by a millisecond timestamp. */
    void writeMigrations(Path corpus, int size) throws IOException {
        Path folder = Files.createDirectories(corpus.resolve("node-pg-migrate"));
        long first = 1_704_067_200_000L;
        for (Corpus.Migration migration : Corpus.migrations(size)) {
            Files.writeString(folder.resolve((first + migration.index() * 1000L) + "_" + migration.description() + ".sql"),
                    "-- Up Migration\n" + Corpus.up(migration.index(), "postgresql") + "\n-- Down Migration\n" + Corpus.down(migration.index()));
        }
    }

    List<String> up(String databaseUrl, Path corpus) {
        Path binary = home.resolve("node_modules").resolve(".bin").resolve("node-pg-migrate").toAbsolutePath();
        return List.of("env", "DATABASE_URL=" + databaseUrl, binary.toString(), "up", "-m",
                corpus.resolve("node-pg-migrate").toAbsolutePath().toString(), "--no-check-order");
    }
}
