package dev.huddle.dataaccess;

import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.connect.DatabaseTargets;
import dev.huddle.migration.connect.PostgresTimeouts;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one database the process uses, resolved by migration-core's {@link DatabaseTargets} as for the runner. The
 * variables it knows are read through Micronaut's configuration, where {@code DATABASE_URL} is {@code database.url}:
 * so the environment, system properties and a test's properties all name the database the same way.
 */
@Factory
public class DatabaseTargetFactory {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseTargetFactory.class);
    /** Every variable {@link DatabaseTargets#resolve} reads. */
    private static final List<String> VARIABLES = List.of("DATABASE_URL", "POSTGRES_HOST", "POSTGRES_PORT", "POSTGRES_DB",
            "POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_SSL", PostgresTimeouts.SOCKET_TIMEOUT_VARIABLE);

    @Singleton
    public DatabaseTarget databaseTarget(DatabaseConfiguration configuration, Environment environment) {
        DatabaseTarget target = DatabaseTargets.resolve(configuration.getUrl(), variables(environment));
        // The target's text masks the password and every secret parameter.
        LOG.info("Database: {} ({})", target, target.dialect().folderName());
        return target;
    }

    private static Map<String, String> variables(Environment environment) {
        Map<String, String> variables = new HashMap<>();
        for (String variable : VARIABLES) {
            environment.getProperty(variable.toLowerCase(Locale.ROOT).replace('_', '.'), String.class)
                    .ifPresent(value -> variables.put(variable, value));
        }
        return variables;
    }
}
