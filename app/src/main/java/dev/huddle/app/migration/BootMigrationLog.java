package dev.huddle.app.migration;

import dev.huddle.migration.execute.MigrationProgress;
import dev.huddle.migration.execute.MigrationStep;
import dev.huddle.migration.failure.MigrationFailedException;
import dev.huddle.migration.log.MigrationLogLine;
import org.slf4j.Logger;
import org.slf4j.spi.LoggingEventBuilder;

import java.util.List;
import java.util.Map;

/**
 * Logs each migration the boot applies, when its transaction commits, as one line: text for people, and the fields of
 * {@link MigrationLogLine} as key-value pairs, which the JSON encoder ({@code HUDDLE_LOG_FORMAT=json}) writes out.
 */
final class BootMigrationLog implements MigrationProgress {
    private final Logger log;

    BootMigrationLog(Logger log) {
        this.log = log;
    }

    @Override
    public void committed(List<MigrationStep> steps) {
        for (MigrationStep step : steps) {
            withFields(log.atInfo(), MigrationLogLine.applied(step))
                    .log("Applied {} {} {} ({} ms)", step.module(), step.version(), step.description(), step.executionTimeMillis());
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
