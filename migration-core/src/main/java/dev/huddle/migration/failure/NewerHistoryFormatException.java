package dev.huddle.migration.failure;

import dev.huddle.migration.history.HistoryTable;

import java.util.Set;

/** The history table has a shape this Huddle does not know: a newer Huddle wrote it. Nothing was read or changed. */
public final class NewerHistoryFormatException extends HuddleFailure {
    public NewerHistoryFormatException(Set<String> unknownColumns) {
        super(HistoryTable.NAME + " has columns this Huddle does not know (" + String.join(", ", unknownColumns)
                + "): a newer Huddle wrote it.", "Use a huddle-migrate and app at least as new as the one that did.", null);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.REFUSED;
    }
}
