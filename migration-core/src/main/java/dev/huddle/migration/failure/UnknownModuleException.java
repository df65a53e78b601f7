package dev.huddle.migration.failure;

import java.util.Collection;

/** A command named a module that no discovered module is called. */
public final class UnknownModuleException extends HuddleFailure {
    public UnknownModuleException(Collection<String> unknown, Collection<String> known) {
        super("Unknown module" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown) + ".",
                "Known modules: " + String.join(", ", known) + ".", null);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.USAGE;
    }
}
