package dev.huddle.eventssync.console;

import dev.huddle.eventssync.EventsSyncModule;
import dev.huddle.testdatabases.MigratedDatabases;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.Queries;
import dev.huddle.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The admin console's read-only role: PostgreSQL-specific (SQLite has no roles), apart from the check that SQLite
 * ignores the setting. The role is the server's, shared by every test database, so each test sets its own password.
 */
class AdminConsoleRoleIT {
    @RegisterExtension
    static final MigratedDatabases DATABASES = MigratedDatabases.withModules(EventsSyncModule.NAME);

    @Test
    void aMigratedRoleCannotLogInUntilTheAppGivesItThePasswordFromConfiguration() throws SQLException {
        TestDatabase db = DATABASES.fresh(Engine.POSTGRESQL);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + AdminConsoleRole.ROLE + " NOLOGIN PASSWORD NULL");
        }

        try (ApplicationContext ignored = start(db, "console-pass-1")) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                assertThat(Queries.text(s, "SELECT rolcanlogin FROM pg_roles WHERE rolname = '" + AdminConsoleRole.ROLE + "'"))
                        .isEqualTo("t");
                // The server holds a SCRAM verifier, never the clear text.
                assertThat(Queries.text(s, "SELECT rolpassword FROM pg_authid WHERE rolname = '" + AdminConsoleRole.ROLE + "'"))
                        .startsWith("SCRAM-SHA-256$").doesNotContain("console-pass-1");
            }
        }
    }

    @Test
    void theRoleReadsTheEventsTablesAndWritesNothing() throws SQLException {
        TestDatabase db = DATABASES.fresh(Engine.POSTGRESQL);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO events (id, airtable_id, name) VALUES ('00000000-0000-4000-8000-0000000000e1', 'recEvt1', 'Launch')");
        }
        try (ApplicationContext ignored = start(db, "console-pass-2")) {
            Properties login = new Properties();
            login.setProperty("user", AdminConsoleRole.ROLE);
            login.setProperty("password", "console-pass-2");
            try (Connection console = DriverManager.getConnection(db.jdbcUrl(), login); Statement s = console.createStatement()) {
                assertThat(Queries.count(s, "SELECT count(*) FROM events")).isEqualTo(1);
                assertThat(Queries.count(s, "SELECT count(*) FROM sync_metadata")).isZero();
                assertThatThrownBy(() -> s.executeUpdate("DELETE FROM events")).isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied");
            }
        }
    }

    @Test
    void sqliteIgnoresThePasswordSetting() {
        TestDatabase db = DATABASES.fresh(Engine.SQLITE);

        try (ApplicationContext context = start(db, "console-pass-3")) {
            assertThat(context.getBean(AdminConsoleRole.class)).isNotNull();
        }
    }

    private static ApplicationContext start(TestDatabase db, String password) {
        return ApplicationContext.builder()
                .properties(Map.of("huddle.events-sync.admin-console.password", password, "huddle.database.url", db.url()))
                .start();
    }
}
