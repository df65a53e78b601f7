package dev.huddle.testdatabases;

import dev.huddle.migration.Migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** The fixture modules under {@code src/test/resources/modules/} (see its README). */
final class FixtureModules {
    private FixtureModules() {
    }

    static Migrations migrations() {
        return Migrations.of(List.of()).withModulesFrom(folder());
    }

    /**
     * A copy of the fixture modules in {@code dir} whose every script differs from any other copy's, so its plan has a
     * fingerprint no earlier run has built a template for.
     */
    static Migrations uniqueCopy(Path dir) {
        try (Stream<Path> files = Files.walk(folder())) {
            String marker = "-- copy " + UUID.randomUUID() + "\n";
            for (Path file : files.toList()) {
                Path target = dir.resolve(folder().relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (file.toString().endsWith(".sql")) {
                    Files.writeString(target, marker + Files.readString(file));
                } else {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Migrations.of(List.of()).withModulesFrom(dir);
    }

    private static Path folder() {
        try {
            return Path.of(FixtureModules.class.getResource("/modules").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
