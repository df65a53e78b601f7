package dev.huddle.migration.plan;

import java.util.Collection;

/** A command named a module that no discovered module is called. */
public class UnknownModuleException extends IllegalArgumentException {
    public UnknownModuleException(Collection<String> unknown, Collection<String> known) {
        super("Unknown module" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
                + ". Known modules: " + String.join(", ", known) + ".");
    }
}
