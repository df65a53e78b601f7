package dev.huddle.migration.discover;

/**
 * A domain module that owns tables. Each module jar registers one implementation in
 * {@code META-INF/services/dev.huddle.migration.discover.HuddleModule}; adding a module to the app is
 * adding its Maven dependency, nothing central is edited.
 */
public interface HuddleModule {

    /** What the module owns: its name, script folders, in-memory tables and excluded scripts. */
    ModuleDescriptor descriptor();
}
