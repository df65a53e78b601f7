package dev.huddle.meetings;

import dev.huddle.migration.discover.HuddleModule;
import dev.huddle.migration.discover.ModuleDescriptor;

/** Declares the meetings module's schema to Huddle's migration engine; found through ServiceLoader. */
public final class MeetingsModule implements HuddleModule {
    public static final String NAME = "meetings";

    @Override
    public ModuleDescriptor descriptor() {
        return ModuleDescriptor.onClasspath(NAME, MeetingsModule.class)
                .build();
    }
}
