package dev.huddle.eventssync.console;

import dev.huddle.eventssync.store.EventsDialect;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * Gives the read-only role {@value #ROLE}, which a migration creates without login or password, the password set in
 * {@code huddle.events-sync.admin-console.password}, and lets it log in. The driver turns the password into a
 * SCRAM-SHA-256 verifier before it is sent ({@link PGConnection#alterUserPassword}), so the clear text reaches neither
 * the server nor its statement log. Without the setting the role stays unable to log in. On SQLite there are no roles:
 * the setting is ignored, saying so once.
 */
@Singleton
@Requires(property = "huddle.events-sync.admin-console.password")
public class AdminConsoleRole {
    public static final String ROLE = "huddle_admin_console";
    private static final Logger LOG = LoggerFactory.getLogger(AdminConsoleRole.class);

    private final DataSource dataSource;
    private final String password;

    public AdminConsoleRole(DataSource dataSource, @Value("${huddle.events-sync.admin-console.password}") String password) {
        this.dataSource = dataSource;
        this.password = password;
    }

    // At start-up the boot migration has run (it runs when the DataSource is created), so the role exists.
    @EventListener
    void onStartup(StartupEvent event) {
        setPassword();
    }

    /** Sets the role's password and lets it log in; does nothing on SQLite. */
    public void setPassword() {
        if (password.isBlank()) {
            throw new IllegalStateException("huddle.events-sync.admin-console.password is set but empty: give the admin "
                    + "console's role a password, or remove the setting to keep the role unable to log in.");
        }
        try (Connection connection = dataSource.getConnection()) {
            if (EventsDialect.of(connection) != EventsDialect.POSTGRESQL) {
                LOG.info("huddle.events-sync.admin-console.password is ignored on SQLite, which has no roles: "
                        + "an admin console opens the database file read-only instead.");
                return;
            }
            char[] secret = password.toCharArray();
            connection.unwrap(PGConnection.class).alterUserPassword(ROLE, secret, "scram-sha-256");
            Arrays.fill(secret, '\0');
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER ROLE " + ROLE + " LOGIN");
            }
            LOG.info("The admin console's read-only role {} can log in with the configured password.", ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot give the admin console's role " + ROLE + " its password: " + e.getMessage()
                    + ". The app's database user needs CREATEROLE (or to own " + ROLE + "), and the events-sync migrations "
                    + "must be applied; or remove huddle.events-sync.admin-console.password.", e);
        }
    }
}
