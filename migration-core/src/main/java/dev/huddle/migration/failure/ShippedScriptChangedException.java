package dev.huddle.migration.failure;

import java.util.List;

/**
 * Sealing found shipped scripts that were edited or deleted, or undoing a seal found it shipped; the manifest was left as
 * it was. Each problem names its fix.
 *
 * @param outcome what was not done, e.g. "Nothing was sealed"
 */
public final class ShippedScriptChangedException extends HuddleFailure {
    public ShippedScriptChangedException(String outcome, List<String> problems) {
        super(outcome + ":\n  - " + String.join("\n  - ", problems), "", null);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.REFUSED;
    }
}
