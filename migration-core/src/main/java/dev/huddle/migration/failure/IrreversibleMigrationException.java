package dev.huddle.migration.failure;

import java.util.List;

/** The rollback would cross migrations that have no down script. */
public final class IrreversibleMigrationException extends RollbackRefusedException {
    public IrreversibleMigrationException(List<String> reasons) {
        super("The rollback crosses migrations that cannot be rolled back.", reasons);
    }
}
