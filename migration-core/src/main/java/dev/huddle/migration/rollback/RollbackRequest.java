package dev.huddle.migration.rollback;

import dev.huddle.migration.failure.UsageException;

/**
 * What to roll back: the last {@code steps} migrations, everything applied after {@code toVersion}, or {@code all};
 * optionally only {@code module}'s migrations. With none of the three, the last one.
 */
public record RollbackRequest(Integer steps, String toVersion, boolean all, String module) {

    public RollbackRequest {
        int chosen = (steps != null ? 1 : 0) + (toVersion != null ? 1 : 0) + (all ? 1 : 0);
        if (chosen > 1) {
            throw new UsageException("Choose one of --steps, --to and --all.", "");
        }
        if (steps != null && steps < 1) {
            throw new UsageException("--steps must be 1 or more, not " + steps + ".", "");
        }
    }

    /** The last applied migration. */
    public static RollbackRequest last() {
        return new RollbackRequest(1, null, false, null);
    }
}
