package dev.huddle.migration.execute;

import java.util.List;

/** What {@code redo} reverted and then applied again; both empty when nothing was applied. */
public record RedoResult(List<MigrationStep> reverted, UpResult reapplied) {

    public RedoResult {
        reverted = List.copyOf(reverted);
    }
}
