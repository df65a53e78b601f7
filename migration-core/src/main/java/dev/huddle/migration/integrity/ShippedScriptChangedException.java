package dev.huddle.migration.integrity;

import java.util.List;

/** Sealing found shipped scripts that were edited or deleted; the manifest was left as it was. */
public class ShippedScriptChangedException extends RuntimeException {
    public ShippedScriptChangedException(List<String> problems) {
        super("Nothing was sealed:\n  - " + String.join("\n  - ", problems));
    }
}
