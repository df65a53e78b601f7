package dev.huddle.app.migration;

import dev.huddle.migration.execute.MigrationProgress;
import dev.huddle.migration.execute.MigrationStep;
import dev.huddle.migration.failure.MigrationFailedException;
import dev.huddle.migration.log.MigrationLogLine;
import dev.huddle.migration.plan.ResolvedScript;
import dev.huddle.migration.plan.SquashedStandIn;
import dev.huddle.migration.squash.StandInsSeen;
import org.slf4j.Logger;
import org.slf4j.spi.LoggingEventBuilder;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Logs each migration the boot applies, when its transaction commits, as one line: text for people, and the fields of
 * {@link MigrationLogLine} as key-value pairs, which the JSON encoder ({@code HUDDLE_LOG_FORMAT=json}) writes out. A
 * squashed baseline that runs in place of migrations is logged when it starts, and their lines name it.
 */
final class BootMigrationLog implements MigrationProgress {
    private final Logger log;
    /** Made at the first stand-in, so a boot without a baseline loads nothing for them. */
    private StandInsSeen standIns;

    BootMigrationLog(Logger log) {
        this.log = log;
    }

    @Override
    public void starting(ResolvedScript script) {
        if (script.standIn().isEmpty()) {
            return;
        }
        standIns = standIns == null ? new StandInsSeen() : standIns;
        standIns.note(script);
        script.standIn().filter(SquashedStandIn::runsBaseline).ifPresent(standIn -> log.atInfo().addKeyValue("event", "squashed-baseline")
                .addKeyValue("module", standIn.module()).addKeyValue("baseline", standIn.baseline()).addKeyValue("versions", standIn.versions())
                .log("Running the {}", standIn.describe()));
    }

    @Override
    public void committed(List<MigrationStep> steps) {
        for (MigrationStep step : steps) {
            Optional<SquashedStandIn> standIn = standIns == null ? Optional.empty() : standIns.of(step);
            withFields(log.atInfo(), MigrationLogLine.applied(step, standIn)).log("Applied {} {} {} ({} ms){}", step.module(), step.version(),
                    step.description(), step.executionTimeMillis(), standIn.map(baseline -> " by " + baseline.baseline()).orElse(""));
        }
    }

    void failed(MigrationFailedException failure) {
        withFields(log.atError(), MigrationLogLine.failed(failure, "up")).log("Migration {} failed", failure.script());
    }

    private static LoggingEventBuilder withFields(LoggingEventBuilder event, MigrationLogLine line) {
        for (Map.Entry<String, Object> field : line.fields().entrySet()) {
            event = event.addKeyValue(field.getKey(), field.getValue());
        }
        return event;
    }
}
