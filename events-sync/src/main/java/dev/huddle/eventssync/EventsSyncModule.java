package dev.huddle.eventssync;

import dev.huddle.migration.discover.HuddleModule;
import dev.huddle.migration.discover.ModuleDescriptor;

/** Declares the events-sync module's schema to Huddle's migration engine; found through ServiceLoader. */
public final class EventsSyncModule implements HuddleModule {
    public static final String NAME = "events-sync";

    @Override
    public ModuleDescriptor descriptor() {
        return ModuleDescriptor.onClasspath(NAME, EventsSyncModule.class)
                .build();
    }
}
