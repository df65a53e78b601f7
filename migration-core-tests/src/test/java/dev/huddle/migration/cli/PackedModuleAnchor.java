package dev.huddle.migration.cli;

/**
 * An empty class that {@link SquashedBaselineInJarIT} packs into a jar of its own, so that a module anchored on it reads
 * its scripts and baseline from that jar, as a module's jar on the app's class path does.
 */
final class PackedModuleAnchor {
    private PackedModuleAnchor() {
    }
}
