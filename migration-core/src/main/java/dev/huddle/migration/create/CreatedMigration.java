package dev.huddle.migration.create;

import java.nio.file.Path;
import java.util.List;

/** The scripts {@code create} wrote: an up and a down script for each dialect. */
public record CreatedMigration(String module, String version, String description, List<Path> files) {

    public CreatedMigration {
        files = List.copyOf(files);
    }
}
