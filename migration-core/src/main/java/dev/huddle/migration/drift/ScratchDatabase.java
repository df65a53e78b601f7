package dev.huddle.migration.drift;

import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.failure.DatabaseUnreachableException;
import dev.huddle.migration.session.DatabaseSession;
import org.sqlite.SQLiteConfig;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An empty database of the live database's engine, where the migrations are applied to learn the schema they build:
 * on PostgreSQL a database created beside the live one on the same server and dropped on {@link #close()}; on SQLite
 * an in-memory database that ends with its connection. Nothing of it touches the live database's schema.
 */
public final class ScratchDatabase implements AutoCloseable {
    private static final Pattern DATABASE_IN_URL = Pattern.compile("^(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?$");

    private final DatabaseSession session;
    private final Runnable drop;

    private ScratchDatabase(DatabaseSession session, Runnable drop) {
        this.session = session;
        this.drop = drop;
    }

    /** A scratch database of {@code live}'s engine: on PostgreSQL on the same server, with the same credentials. */
    public static ScratchDatabase beside(DatabaseTarget live) {
        return live.dialect() == Dialect.SQLITE ? inMemorySqlite() : besidePostgres(live);
    }

    /** An empty in-memory SQLite database with foreign keys enforced, as Huddle's SQLite connections have them. */
    public static ScratchDatabase inMemorySqlite() {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        String description = "an in-memory SQLite scratch database";
        try {
            Connection connection = config.createConnection("jdbc:sqlite::memory:");
            return new ScratchDatabase(DatabaseSession.open(() -> connection, Dialect.SQLITE, null, description, List.of()), () -> { });
        } catch (SQLException e) {
            throw new DatabaseUnreachableException("Cannot open " + description + ": " + e.getMessage() + ".", e);
        }
    }

    private static ScratchDatabase besidePostgres(DatabaseTarget live) {
        String name = "huddle_scratch_" + UUID.randomUUID().toString().replace("-", "");
        Matcher url = DATABASE_IN_URL.matcher(live.jdbcUrl());
        if (!url.matches()) {
            throw new DatabaseUnreachableException("Cannot tell the database's name in " + live + ", so Huddle cannot create a "
                    + "scratch database beside it. Give the URL as postgresql://user@host:port/database.", null);
        }
        DatabaseTarget scratch = new DatabaseTarget(Dialect.POSTGRESQL, url.group(1) + "/" + name + (url.group(3) == null ? "" : url.group(3)),
                live.user(), live.password(), live.secretParameters());
        run(live, "create database " + name, "Cannot create the scratch database " + name + " beside " + live,
                "The user needs the CREATEDB privilege (ALTER ROLE ... CREATEDB) to derive the expected schema.");
        String description = "the scratch database " + name;
        try {
            DatabaseSession session = DatabaseSession.open(scratch::connect, Dialect.POSTGRESQL, null, description, scratch.secrets());
            return new ScratchDatabase(session, () -> run(live, "drop database if exists " + name + " with (force)",
                    "Cannot drop the scratch database " + name + " on " + live, "Drop it by hand."));
        } catch (RuntimeException e) {
            run(live, "drop database if exists " + name + " with (force)", "Cannot drop the scratch database " + name, "Drop it by hand.");
            throw e;
        }
    }

    private static void run(DatabaseTarget target, String sql, String what, String fix) {
        try (Connection connection = target.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new DatabaseUnreachableException(what + ": " + e.getMessage() + ". " + fix, e);
        }
    }

    public DatabaseSession session() {
        return session;
    }

    @Override
    public void close() {
        session.close();
        drop.run();
    }
}
