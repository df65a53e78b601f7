package dev.huddle.migration.lint;

import dev.huddle.migration.discover.Dialect;

/** One flagged statement: which rule, in which dialect's script, where, and what to do. */
public record LintFinding(LintRule rule, Dialect dialect, String script, int line, String detail) {

    @Override
    public String toString() {
        return rule + " " + script + ":" + line + " (" + dialect.folderName() + "): " + detail + ": " + rule.problem()
                + ". Suggestion: " + rule.suggestion() + " (or silence it with '-- huddle:lint-ignore " + rule + " <reason>').";
    }
}
