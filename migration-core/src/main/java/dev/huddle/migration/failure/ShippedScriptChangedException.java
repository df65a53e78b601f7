package dev.huddle.migration.failure;

import java.util.List;

/** Sealing found shipped scripts that were edited or deleted; the manifest was left as it was. Each problem names its fix. */
public final class ShippedScriptChangedException extends HuddleFailure {
    public ShippedScriptChangedException(List<String> problems) {
        super("Nothing was sealed:\n  - " + String.join("\n  - ", problems), "", null);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.REFUSED;
    }
}
