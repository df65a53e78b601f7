package dev.huddle.migration.plan;

import dev.huddle.migration.discover.Dialect;

/** A script a module keeps in its folder but never runs, with the module's reason. */
public record ExcludedScript(String module, Dialect dialect, String fileName, String reason) {

    /** The version in the file name when it has the usual form, else null. */
    public String version() {
        return ScriptName.parse(fileName).map(ScriptName::version).orElse(null);
    }

    /** The description in the file name when it has the usual form, else the file name. */
    public String description() {
        return ScriptName.parse(fileName).map(ScriptName::readableDescription).orElse(fileName);
    }
}
