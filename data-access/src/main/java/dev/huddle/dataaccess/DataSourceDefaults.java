package dev.huddle.dataaccess;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.micronaut.context.env.PropertySource;

import java.util.Map;

/**
 * Huddle's {@code datasources.default} settings, below every other source so that any configuration overrides them.
 * They also make {@code datasources.default} exist, which Micronaut needs before it creates the pool; what the pool
 * connects to is {@link DatasourceTargetBinding}'s concern.
 */
@ContextConfigurer
public final class DataSourceDefaults implements ApplicationContextConfigurer {
    /** Below application.properties, the environment and a test's own properties. */
    private static final int LOWEST = Integer.MIN_VALUE + 1;

    @Override
    public void configure(ApplicationContextBuilder builder) {
        builder.propertySources(PropertySource.of("huddle-datasource-defaults", Map.of(
                "datasources.default.pool-name", "huddle",
                "datasources.default.maximum-pool-size", 10,
                // How long a caller waits for a pooled connection, in milliseconds.
                "datasources.default.connection-timeout", 5000,
                // Start without a connection: the boot migration retries an unreachable database, then reports it.
                "datasources.default.initialization-fail-timeout", -1), LOWEST));
    }
}
