package dev.huddle.signaling;

import dev.huddle.migration.discover.HuddleModule;
import dev.huddle.migration.discover.ModuleDescriptor;

/** Declares the signaling module's schema to Huddle's migration engine; found through ServiceLoader. */
public final class SignalingModule implements HuddleModule {
    public static final String NAME = "signaling";

    @Override
    public ModuleDescriptor descriptor() {
        return ModuleDescriptor.onClasspath(NAME, SignalingModule.class)
                .build();
    }
}
