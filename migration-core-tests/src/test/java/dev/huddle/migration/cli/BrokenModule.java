package dev.huddle.migration.cli;

import dev.huddle.migration.discover.HuddleModule;
import dev.huddle.migration.discover.ModuleDescriptor;

/**
 * A module with a bug: describing it throws what no Huddle code expects. Registered only in the class loader of
 * {@link InternalErrorRunnerTest}, never on the ordinary test class path.
 */
public final class BrokenModule implements HuddleModule {
    static final String BUG = "BrokenModule failed on purpose while describing itself";

    @Override
    public ModuleDescriptor descriptor() {
        throw new IllegalStateException(BUG);
    }
}
