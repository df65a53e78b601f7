package dev.huddle.migration.execute;

import dev.huddle.migration.plan.MigrationPlan;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Hands Flyway exactly the scripts of a plan. With this provider Flyway scans no location at all, so it can
 * neither pick up a script planning did not check nor read one twice.
 */
final class PlanResourceProvider implements ResourceProvider {
    private final List<ScriptResource> resources;

    PlanResourceProvider(MigrationPlan plan) {
        this.resources = plan.migrations().stream().map(ScriptResource::new).toList();
    }

    @Override
    public LoadableResource getResource(String name) {
        return resources.stream().filter(r -> r.getRelativePath().equals(name) || r.getFilename().equals(name)).findFirst().orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return resources.stream()
                .filter(r -> r.getFilename().startsWith(prefix) && Arrays.stream(suffixes).anyMatch(r.getFilename()::endsWith))
                .map(LoadableResource.class::cast)
                .toList();
    }
}
