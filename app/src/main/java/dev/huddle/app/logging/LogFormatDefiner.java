package dev.huddle.app.logging;

import ch.qos.logback.core.PropertyDefinerBase;
import dev.huddle.migration.log.MigrationLogLine;

/**
 * Tells {@code logback.xml} which appender to use: {@code json} when {@code HUDDLE_LOG_FORMAT} (environment, or the
 * system property of that name) is {@code json}, else {@code text}. A definer rather than the variable itself, so that a
 * mistyped value still logs, as text, instead of naming an appender that does not exist and logging nothing.
 */
public class LogFormatDefiner extends PropertyDefinerBase {

    @Override
    public String getPropertyValue() {
        String value = System.getProperty(MigrationLogLine.FORMAT_VARIABLE, System.getenv(MigrationLogLine.FORMAT_VARIABLE));
        return "json".equalsIgnoreCase(value == null ? "" : value.strip()) ? "json" : "text";
    }
}
