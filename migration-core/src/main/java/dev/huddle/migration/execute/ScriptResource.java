package dev.huddle.migration.execute;

import dev.huddle.migration.plan.ResolvedScript;
import org.flywaydb.core.api.resource.LoadableResource;

import java.io.Reader;
import java.io.StringReader;

/**
 * A planned script as Flyway sees it. Its relative path is {@code <module>/<file name>}; Flyway records that path
 * in the history's {@code script} column, which is how the one history knows each migration's module.
 */
final class ScriptResource extends LoadableResource {
    private final ResolvedScript script;

    ScriptResource(ResolvedScript script) {
        this.script = script;
    }

    @Override
    public Reader read() {
        return new StringReader(script.sql());
    }

    @Override
    public String getAbsolutePath() {
        return script.origin();
    }

    @Override
    public String getAbsolutePathOnDisk() {
        return script.origin();
    }

    @Override
    public String getFilename() {
        return script.fileName();
    }

    @Override
    public String getRelativePath() {
        return script.script();
    }
}
