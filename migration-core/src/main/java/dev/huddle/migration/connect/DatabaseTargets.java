package dev.huddle.migration.connect;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.failure.InvalidDatabaseUrlException;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the ways people name a database into a {@link DatabaseTarget}: an explicit URL, else {@code DATABASE_URL},
 * else the {@code POSTGRES_*} variables, else the embedded SQLite file {@value #DEFAULT_SQLITE_FILE}.
 */
public final class DatabaseTargets {
    public static final String DEFAULT_SQLITE_FILE = "./data/huddle.db";
    public static final String ACCEPTED_FORMS = "postgresql://USER:PASSWORD@HOST:5432/DB, postgres://..., "
            + "jdbc:postgresql://HOST:5432/DB, or jdbc:sqlite:PATH";

    private DatabaseTargets() {
    }

    /** The database named by {@code explicitUrl} if given, else by the environment, else the SQLite default. */
    public static DatabaseTarget resolve(String explicitUrl, Map<String, String> environment) {
        return withEnvironmentSettings(named(explicitUrl, environment), environment);
    }

    private static DatabaseTarget named(String explicitUrl, Map<String, String> environment) {
        if (explicitUrl != null && !explicitUrl.isBlank()) {
            return fromUrl(explicitUrl);
        }
        String databaseUrl = environment.get("DATABASE_URL");
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            return fromUrl(databaseUrl);
        }
        String host = environment.get("POSTGRES_HOST");
        if (host != null && !host.isBlank()) {
            return fromPostgresVariables(environment);
        }
        return fromUrl("jdbc:sqlite:" + DEFAULT_SQLITE_FILE);
    }

    /** {@value PostgresTimeouts#SOCKET_TIMEOUT_VARIABLE} as a URL parameter, unless the URL sets its own. */
    private static DatabaseTarget withEnvironmentSettings(DatabaseTarget target, Map<String, String> environment) {
        if (target.dialect() != Dialect.POSTGRESQL) {
            return target;
        }
        String jdbcUrl = PostgresTimeouts.withSocketTimeoutFrom(target.jdbcUrl(), environment);
        return jdbcUrl.equals(target.jdbcUrl()) ? target
                : new DatabaseTarget(target.dialect(), jdbcUrl, target.user(), target.password(), target.secretParameters(),
                target.sqliteBusyTimeout());
    }

    /**
     * Parses one of {@link #ACCEPTED_FORMS}. Credentials in the URL move to the target's user and password, and secret
     * parameters ({@link Secrets#isSecretParameter}) to its secret parameters, so its JDBC URL holds no secret.
     */
    public static DatabaseTarget fromUrl(String url) {
        String trimmed = url.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:sqlite:")) {
            if (trimmed.length() == "jdbc:sqlite:".length()) {
                throw invalid(url, "it names no file");
            }
            return new DatabaseTarget(Dialect.SQLITE, trimmed, null, null);
        }
        if (lower.startsWith("jdbc:postgresql://")) {
            return fromUri(url, trimmed.substring("jdbc:".length()));
        }
        if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            return fromUri(url, trimmed);
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            // pgjdbc's short forms (jdbc:postgresql:DB, jdbc:postgresql:/DB) mean localhost:5432; a deployment should say so.
            // Shown up to its parameters: masking would take the "jdbc:" colon for a password's and hide it all.
            String beforeParameters = trimmed.split("\\?", 2)[0];
            String database = beforeParameters.substring("jdbc:postgresql:".length()).replaceFirst("^/+", "");
            throw refused(beforeParameters + (beforeParameters.equals(trimmed) ? "" : "?..."), "it is the short form without a host; "
                    + "write jdbc:postgresql://localhost:5432/" + (database.isEmpty() ? "DB" : database) + " to name the server");
        }
        throw invalid(url, "its scheme is not supported");
    }

    private static DatabaseTarget fromPostgresVariables(Map<String, String> env) {
        String port = env.getOrDefault("POSTGRES_PORT", "5432");
        if (!port.matches("\\d{1,5}")) {
            throw new InvalidDatabaseUrlException("POSTGRES_PORT '" + port + "' is not a port number.");
        }
        String database = env.getOrDefault("POSTGRES_DB", "huddle");
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(env.get("POSTGRES_HOST").strip())
                .append(':').append(port).append('/').append(database);
        if (Boolean.parseBoolean(env.getOrDefault("POSTGRES_SSL", "false"))) {
            url.append("?sslmode=require");
        }
        return new DatabaseTarget(Dialect.POSTGRESQL, url.toString(), env.getOrDefault("POSTGRES_USER", "postgres"),
                env.get("POSTGRES_PASSWORD"));
    }

    private static DatabaseTarget fromUri(String original, String uriText) {
        refuseUnencodedCharacters(original, uriText);
        URI uri;
        try {
            uri = new URI(uriText);
        } catch (URISyntaxException e) {
            throw invalid(original, "it is not a well-formed URL (percent-encode special characters in the password)");
        }
        if (uri.getHost() == null) {
            throw invalid(original, "it names no host");
        }
        String path = uri.getRawPath();
        if (path == null || path.length() <= 1) {
            throw invalid(original, "it names no database");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        List<String> keptParameters = new ArrayList<>();
        Map<String, String> secretParameters = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String parameter : uri.getRawQuery().split("&")) {
                String name = parameter.split("=", 2)[0];
                String value = parameter.contains("=") ? decode(parameter.split("=", 2)[1]) : "";
                switch (name.toLowerCase(Locale.ROOT)) {
                    case "user" -> user = value;
                    case "password" -> password = value;
                    default -> {
                        if (Secrets.isSecretParameter(name)) {
                            secretParameters.put(name, value);
                        } else {
                            keptParameters.add(parameter);
                        }
                    }
                }
            }
        }
        String jdbcUrl = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + path
                + (keptParameters.isEmpty() ? "" : "?" + String.join("&", keptParameters));
        return new DatabaseTarget(Dialect.POSTGRESQL, jdbcUrl, user, password, secretParameters);
    }

    /**
     * A '#' or a second '@' cannot be told apart from the URL's own structure, so Java would read part of the password as
     * the host or a fragment and the message would name the wrong problem.
     */
    private static void refuseUnencodedCharacters(String original, String uriText) {
        if (uriText.indexOf('#') >= 0) {
            throw invalid(original, "it holds an unencoded '#' (in a password or parameter, percent-encode it as %23)");
        }
        String afterScheme = uriText.substring(uriText.indexOf("://") + 3);
        int query = afterScheme.indexOf('?');
        String beforeQuery = query < 0 ? afterScheme : afterScheme.substring(0, query);
        if (beforeQuery.indexOf('@') != beforeQuery.lastIndexOf('@')) {
            throw invalid(original, "its user name or password holds an unencoded '@' (percent-encode it as %40)");
        }
    }

    /** Percent-decoding only: a '+' in a password is a plus, not the space form encoding would make of it. */
    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static InvalidDatabaseUrlException invalid(String url, String why) {
        return refused(Secrets.maskUrl(url), why);
    }

    /** @param shownUrl the URL as the message may show it: masked, or cut before anything that could be secret */
    private static InvalidDatabaseUrlException refused(String shownUrl, String why) {
        return new InvalidDatabaseUrlException("Database URL '" + shownUrl + "' cannot be used: " + why + ". Use " + ACCEPTED_FORMS + ".");
    }
}
