package dev.huddle.migration.lint;

/** One flagged statement: which rule, where, and what to do. */
public record LintFinding(LintRule rule, String script, int line, String detail) {

    @Override
    public String toString() {
        return rule + " " + script + ":" + line + ": " + detail + ": " + rule.problem() + ". Suggestion: " + rule.suggestion()
                + " (or silence it with '-- huddle:lint-ignore " + rule + " <reason>').";
    }
}
