package dev.huddle.migration.plan;

import java.util.List;

/** The rollback would cross migrations that have no down script. */
public class IrreversibleMigrationException extends RollbackRefusedException {
    public IrreversibleMigrationException(List<String> reasons) {
        super("The rollback crosses migrations that cannot be rolled back.", reasons);
    }
}
