package dev.huddle.migration.plan;

import dev.huddle.migration.discover.Dialect;

/**
 * The text {@code create} writes into a new migration's scripts: comments only, so planning refuses them until the
 * change is written, in every module, even where empty scripts are otherwise accepted as no-ops.
 */
public final class ScriptTemplates {
    private static final String UP_REMINDER = "-- One logical change. Never edit this file once it has shipped: write a new migration instead.";
    private static final String DOWN_REMINDER = ": undo what it does, in reverse order.";

    private ScriptTemplates() {
    }

    public static String up(ScriptName name, Dialect dialect) {
        String description = name.readableDescription();
        String capitalized = description.isEmpty() ? description : Character.toUpperCase(description.charAt(0)) + description.substring(1);
        return "-- " + capitalized + " (" + dialect.folderName() + ").\n" + UP_REMINDER + "\n\n";
    }

    public static String down(ScriptName name, Dialect dialect) {
        return "-- Reverts " + name.upFileName() + " (" + dialect.folderName() + ")" + DOWN_REMINDER + "\n\n";
    }

    /** Whether a script's comments are still those of a template; only asked of scripts with no statement. */
    static boolean isTemplate(String sql) {
        return sql.contains(UP_REMINDER) || sql.contains("-- Reverts ") && sql.contains(DOWN_REMINDER);
    }
}
