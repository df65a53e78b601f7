package dev.huddle.migration.squash;

import dev.huddle.migration.execute.MigrationStep;
import dev.huddle.migration.plan.ResolvedScript;
import dev.huddle.migration.plan.SquashedStandIn;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The squashed baselines' stand-ins of one run, noted as each migration starts, so that what is written when the run
 * commits (a progress line, a log line) can say that a baseline applied a migration rather than its own script.
 */
public final class StandInsSeen {
    private final Map<String, SquashedStandIn> byMigration = new HashMap<>();

    public void note(ResolvedScript script) {
        script.standIn().ifPresent(standIn -> byMigration.put(script.module() + "/" + script.version(), standIn));
    }

    public Optional<SquashedStandIn> of(MigrationStep step) {
        return Optional.ofNullable(byMigration.get(step.module() + "/" + step.version()));
    }
}
