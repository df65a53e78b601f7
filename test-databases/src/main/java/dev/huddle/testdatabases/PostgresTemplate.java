package dev.huddle.testdatabases;

import dev.huddle.migration.Migrations;
import dev.huddle.migration.connect.DatabaseTargets;
import dev.huddle.testsupport.PostgresServer;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One migration plan's template database on a PostgreSQL server, named {@code huddle_template_<fingerprint>}, and the
 * clones made from it. The template is built once per server: a session advisory lock keyed by the fingerprint makes
 * every other JVM (surefire forks, two builds on one shared server) wait and then find it built. A template counts as
 * built once it is marked {@code IS_TEMPLATE}; a half-built one left by a killed JVM is dropped and built again.
 *
 * <p>Templates stay on the server between runs, so the next run of the same plan clones at once. Building a template
 * drops the other plans' templates built more than {@link #STALE_AFTER} ago: old branches and edited scripts do not
 * pile up, and a template a run still uses is rebuilt by that run if it disappears under it. Only complete templates
 * are ever dropped as stale, never one another JVM is building.
 */
final class PostgresTemplate {
    static final String PREFIX = "huddle_template_";
    static final Duration STALE_AFTER = Duration.ofDays(1);
    static final String BUILT_AT = "huddle test template built at epoch ms ";
    /** PostgreSQL's invalid_catalog_name: the template is gone. */
    private static final String NO_SUCH_DATABASE = "3D000";

    private final PostgresServer server;
    private final Migrations migrations;
    private final String name;
    private boolean known;
    private String strategy;
    private Connection admin;

    PostgresTemplate(PostgresServer server, Migrations migrations, PlanFingerprint fingerprint) {
        this.server = server;
        this.migrations = fingerprint.select(migrations);
        this.name = PREFIX + fingerprint.hash();
    }

    String name() {
        return name;
    }

    /** A new database cloned from the template, building the template first if no JVM has. */
    synchronized TestDatabase fresh() {
        String clone = TestDatabases.newPostgresName();
        try {
            ensureBuilt();
            try {
                createFromTemplate(clone);
            } catch (SQLException e) {
                if (!NO_SUCH_DATABASE.equals(e.getSQLState())) {
                    throw e;
                }
                // Another run dropped it as stale while this one still used it.
                known = false;
                ensureBuilt();
                createFromTemplate(clone);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + clone + " from template " + name + " on "
                    + server.source() + ": " + e.getMessage(), e);
        }
        return server.database(clone);
    }

    /**
     * Builds the template unless this or another JVM already has.
     *
     * @return whether this call built it
     */
    synchronized boolean ensureBuilt() throws SQLException {
        if (known) {
            return false;
        }
        Connection connection = admin();
        long lockKey = HexFormat.fromHexDigitsToLong(name.substring(PREFIX.length(), PREFIX.length() + 16));
        try (Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_lock(" + lockKey + ")");
            try {
                boolean built = false;
                Boolean template = templateFlag(connection);
                if (template == null || !template) {
                    if (template != null) {
                        drop(statement, name);
                    }
                    build(statement);
                    dropStaleTemplates(connection);
                    built = true;
                }
                known = true;
                return built;
            } finally {
                statement.execute("select pg_advisory_unlock(" + lockKey + ")");
            }
        }
    }

    /** Drops a clone this template made. */
    synchronized void drop(TestDatabase database) {
        try (Statement statement = admin().createStatement()) {
            statement.execute("drop database if exists " + databaseName(database) + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop test database " + database.jdbcUrl() + ": " + e.getMessage(), e);
        }
    }

    /** The name of a PostgreSQL test database on its server. */
    static String databaseName(TestDatabase database) {
        return database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1);
    }

    /** Drops the template itself; for tests of this class that build templates of their own. */
    synchronized void dropTemplate() throws SQLException {
        try (Statement statement = admin().createStatement()) {
            drop(statement, name);
        }
        known = false;
    }

    private void build(Statement statement) throws SQLException {
        statement.execute("create database " + name);
        migrations.against(DatabaseTargets.fromUrl(server.database(name).url())).up();
        statement.execute("comment on database " + name + " is '" + BUILT_AT + System.currentTimeMillis() + "'");
        // Marked last: a template is complete exactly when it is marked.
        statement.execute("alter database " + name + " is_template true");
    }

    private void createFromTemplate(String clone) throws SQLException {
        try (Statement statement = admin().createStatement()) {
            statement.execute("create database " + clone + " template " + name + strategy(statement));
        }
    }

    /**
     * How this server copies the template, asked once. PostgreSQL 15 writes a new database's every page to the
     * write-ahead log by default ({@code WAL_LOG}): on a server that flushes its writes that costs less than
     * {@code FILE_COPY}'s two checkpoints (the machine's PostgreSQL 15: 48 against 130 ms of CPU per clone of an empty
     * database, bench/create-database-cpu.sh). A server that flushes nothing ({@code fsync} off, as a throwaway test
     * server runs) makes checkpoints cheap, and there the file copy takes less than half the CPU (on tmpfs: 14 against
     * 33 ms). Older servers know only the file copy.
     */
    private String strategy(Statement statement) throws SQLException {
        if (strategy == null) {
            try (ResultSet row = statement.executeQuery("select current_setting('server_version_num')::int >= 150000"
                    + " and current_setting('fsync') = 'off'")) {
                strategy = row.next() && row.getBoolean(1) ? " strategy file_copy" : "";
            }
        }
        return strategy;
    }

    private Boolean templateFlag(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select datistemplate from pg_database where datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getBoolean(1) : null;
            }
        }
    }

    private void dropStaleTemplates(Connection connection) throws SQLException {
        long staleBefore = System.currentTimeMillis() - STALE_AFTER.toMillis();
        List<String> stale = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select datname, shobj_description(oid, 'pg_database')"
                + " from pg_database where datistemplate and datname like ? and datname <> ?")) {
            query.setString(1, PREFIX.replace("_", "\\_") + "%");
            query.setString(2, name);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String comment = rows.getString(2);
                    if (comment != null && comment.startsWith(BUILT_AT)
                            && Long.parseLong(comment.substring(BUILT_AT.length())) < staleBefore) {
                        stale.add(rows.getString(1));
                    }
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String template : stale) {
                drop(statement, template);
            }
        }
    }

    /** Drops a template unless it is gone already (another run's sweep may have dropped it first). */
    private static void drop(Statement statement, String template) throws SQLException {
        try {
            statement.execute("alter database " + template + " is_template false");
        } catch (SQLException e) {
            if (NO_SUCH_DATABASE.equals(e.getSQLState())) {
                return;
            }
            throw e;
        }
        statement.execute("drop database if exists " + template + " with (force)");
    }

    private Connection admin() throws SQLException {
        if (admin == null || admin.isClosed()) {
            admin = server.connectAdmin();
        }
        return admin;
    }
}
