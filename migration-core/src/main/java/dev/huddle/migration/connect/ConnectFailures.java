package dev.huddle.migration.connect;

import dev.huddle.migration.failure.DatabaseMissingException;
import dev.huddle.migration.failure.DatabaseUnreachableException;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says why a connection could not be opened, by its actual cause rather than the driver's or pool's outermost words: a
 * database that does not exist (with the command that creates it), an unknown host, a port where nothing listens,
 * rejected credentials, a timeout (see {@link PostgresTimeouts}). A pool's "request timed out" is looked through to
 * the driver failure it hides. No secret appears in what it says.
 */
public final class ConnectFailures {
    /** PostgreSQL's SQLSTATE for "database ... does not exist". */
    private static final String INVALID_CATALOG_NAME = "3D000";
    /** PostgreSQL's SQLSTATEs for a rejected password and a rejected authorization. */
    private static final String INVALID_PASSWORD = "28P01";
    private static final String INVALID_AUTHORIZATION = "28000";
    private static final Pattern MISSING_DATABASE_NAME = Pattern.compile("database \"(.*)\" does not exist");
    /** A description as {@link DatabaseTarget#toString()} writes it: the masked URL, then " as USER" when there is one. */
    private static final Pattern POSTGRES_DESCRIPTION =
            Pattern.compile("jdbc:postgresql://([^/:?\\s]+)(?::(\\d+))?/([^?\\s]+)\\S*(?: as (\\S+))?");

    private ConnectFailures() {
    }

    /**
     * @param description the database as messages name it ({@link DatabaseTarget#toString()}), never with a password
     * @param secrets     what no message may show
     */
    public static DatabaseUnreachableException of(SQLException failure, String description, Collection<String> secrets) {
        String prefix = "Cannot connect to " + description + ": ";
        String driverSays = Secrets.maskedDriverMessage(deepestMessage(failure), secrets);
        SQLException stated = withSqlState(failure);
        String state = stated == null ? "" : stated.getSQLState();
        if (INVALID_CATALOG_NAME.equals(state)) {
            return missingDatabase(stated, description);
        }
        if (INVALID_PASSWORD.equals(state) || INVALID_AUTHORIZATION.equals(state)) {
            return new DatabaseUnreachableException(prefix + Secrets.maskedDriverMessage(stated.getMessage(), secrets) + ". Check the "
                    + "user name and password (in a URL, percent-encode '@', ':', '/', '?' and '#' in them: '@' is %40).", failure);
        }
        UnknownHostException unknownHost = causeOf(failure, UnknownHostException.class);
        if (unknownHost != null) {
            return new DatabaseUnreachableException(prefix + "the host '" + unknownHost.getMessage() + "' is not known (no "
                    + "address found for it). Check the host name in the URL, and that this machine can resolve it.", failure);
        }
        ConnectException refused = causeOf(failure, ConnectException.class);
        if (refused != null) {
            return new DatabaseUnreachableException(prefix + "nothing is listening there (" + firstSentence(driverSays) + "). Check that the "
                    + "database server is running and the port is right (PostgreSQL's default is 5432).", failure);
        }
        String timeout = description.startsWith("jdbc:postgresql:") ? PostgresTimeouts.explain(urlOf(description), failure) : null;
        return new DatabaseUnreachableException(prefix + driverSays + ". " + (timeout != null ? timeout
                : "Check that the database is running, the address and credentials are right, and the database exists."), failure);
    }

    /** A SQLite file that does not exist, for the commands that only read or undo and so must never create it. */
    public static DatabaseMissingException missingSqliteFile(Path file) {
        return new DatabaseMissingException("The SQLite database " + file + " does not exist"
                + (file.toAbsolutePath().getParent() != null && !file.toAbsolutePath().getParent().toFile().isDirectory()
                ? " (nor does its folder)" : "") + ".",
                "Check the path in the URL, or run 'huddle-migrate up' to create it with every migration applied.", null);
    }

    private static DatabaseMissingException missingDatabase(SQLException failure, String description) {
        Matcher named = MISSING_DATABASE_NAME.matcher(String.valueOf(failure.getMessage()));
        Matcher described = POSTGRES_DESCRIPTION.matcher(description);
        boolean parsed = described.lookingAt();
        String database = named.find() ? named.group(1) : parsed ? described.group(3) : "DB";
        StringBuilder createdb = new StringBuilder("createdb");
        if (parsed) {
            createdb.append(" -h ").append(described.group(1));
            if (described.group(2) != null) {
                createdb.append(" -p ").append(described.group(2));
            }
            if (described.group(4) != null) {
                createdb.append(" -U ").append(described.group(4));
            }
        }
        createdb.append(' ').append(database);
        String server = parsed ? "the server at " + described.group(1) + (described.group(2) == null ? "" : ":" + described.group(2))
                : description;
        return new DatabaseMissingException("The database \"" + database + "\" does not exist on " + server + ".",
                "Create it (" + createdb + ", or CREATE DATABASE \"" + database.replace("\"", "\"\"")
                        + "\"; from psql connected to another database), or correct the database name in the URL.", failure);
    }

    /** The driver's finding without the advice pgjdbc appends to it, which the caller's own advice replaces. */
    private static String firstSentence(String message) {
        int end = message.indexOf(". ");
        return end < 0 ? message : message.substring(0, end);
    }

    /** The URL part of a description, without " as USER". */
    private static String urlOf(String description) {
        int as = description.indexOf(" as ");
        return as < 0 ? description : description.substring(0, as);
    }

    /** The first SQLException in the causes that carries a SQLSTATE: a pool's own exception usually does not. */
    private static SQLException withSqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && !sql.getSQLState().startsWith("08")) {
                return sql;
            }
        }
        return null;
    }

    private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** The message nearest to the cause that still says something: a pool's wrapper names no reason. */
    private static String deepestMessage(SQLException failure) {
        String message = failure.getMessage();
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException && cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message;
    }
}
