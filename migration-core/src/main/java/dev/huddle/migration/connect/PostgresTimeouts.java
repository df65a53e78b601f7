package dev.huddle.migration.connect;

import dev.huddle.migration.settings.Durations;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Every network wait of a PostgreSQL connection is bounded, so a server that accepts a connection and never answers
 * cannot hang a runner or a boot. A URL parameter of the same name wins over each default (the driver reads URL
 * parameters over connection properties); {@value #SOCKET_TIMEOUT_VARIABLE} sets the socket timeout when the URL
 * does not.
 *
 * <p>The socket timeout bounds each wait for the server's answer, including a single statement's run: a
 * {@code CREATE INDEX} on a big table may take many minutes, so it defaults to an hour rather than to the seconds the
 * others get, and TCP keep-alive notices a vanished server in the meantime. A longer statement needs
 * {@code socketTimeout=0} (no limit) or a larger value.
 */
public final class PostgresTimeouts {
    /** TCP connect ({@code connectTimeout}). */
    public static final Duration CONNECT = Duration.ofSeconds(10);
    /** The whole connection start-up, TCP connect, TLS and authentication included ({@code loginTimeout}). */
    public static final Duration LOGIN = Duration.ofSeconds(10);
    /** Each read of the server's answer, once connected ({@code socketTimeout}; 0 means none). */
    public static final Duration SOCKET = Duration.ofHours(1);
    /** Sets the socket timeout ({@link Durations}: {@code 3600}, {@code 90s}, {@code 30m}, {@code 2h}) when the URL does not. */
    public static final String SOCKET_TIMEOUT_VARIABLE = "HUDDLE_DATABASE_SOCKET_TIMEOUT";

    private PostgresTimeouts() {
    }

    /** The defaults as pgjdbc connection properties. */
    static void addDefaults(Properties properties) {
        properties.setProperty("connectTimeout", String.valueOf(CONNECT.toSeconds()));
        properties.setProperty("loginTimeout", String.valueOf(LOGIN.toSeconds()));
        properties.setProperty("socketTimeout", String.valueOf(SOCKET.toSeconds()));
        properties.setProperty("tcpKeepAlive", "true");
    }

    /** The URL with {@code socketTimeout} from {@value #SOCKET_TIMEOUT_VARIABLE} added, unless the URL sets one. */
    static String withSocketTimeoutFrom(String jdbcUrl, Map<String, String> environment) {
        String value = environment.get(SOCKET_TIMEOUT_VARIABLE);
        if (value == null || value.isBlank() || parameter(jdbcUrl, "socketTimeout") != null) {
            return jdbcUrl;
        }
        return jdbcUrl + (jdbcUrl.indexOf('?') >= 0 ? "&" : "?") + "socketTimeout=" + seconds(value.strip());
    }

    /** Whole seconds, as pgjdbc takes them; a part second rounds up, since 0 would mean no limit at all. */
    private static long seconds(String value) {
        long millis = Durations.parse(SOCKET_TIMEOUT_VARIABLE, value).toMillis();
        return (millis + 999) / 1000;
    }

    /**
     * What to do about a connection attempt that timed out, naming the timeout and how to raise it; null when the
     * failure was no timeout.
     */
    static String explain(String jdbcUrl, SQLException failure) {
        String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        Throwable timedOut = null;
        for (Throwable cause = failure; cause != null && timedOut == null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                timedOut = cause;
            }
        }
        if (timedOut == null && !message.contains("timed out")) {
            return null;
        }
        if (timedOut != null && String.valueOf(timedOut.getMessage()).toLowerCase(Locale.ROOT).contains("connect timed out")) {
            return "Nothing answered the TCP connection within the connect timeout (" + setting(jdbcUrl, "connectTimeout", CONNECT)
                    + "): check the host, port and firewall, or raise it with connectTimeout=SECONDS in the URL.";
        }
        if (timedOut != null && !message.contains("attempt timed out")) {
            return "The server stopped answering within the socket timeout (" + setting(jdbcUrl, "socketTimeout", SOCKET)
                    + "): check the server and the network, or raise it with socketTimeout=SECONDS in the URL (0: no limit) "
                    + "or " + SOCKET_TIMEOUT_VARIABLE + ".";
        }
        return "The server accepted the connection but did not complete the PostgreSQL start-up within the login timeout ("
                + setting(jdbcUrl, "loginTimeout", LOGIN) + "): check that the address is a PostgreSQL server and that it is "
                + "not overloaded, or raise it with loginTimeout=SECONDS in the URL.";
    }

    /** "10 s" from the URL's parameter, else the default. */
    private static String setting(String jdbcUrl, String name, Duration fallback) {
        String value = parameter(jdbcUrl, name);
        return (value != null ? value : String.valueOf(fallback.toSeconds())) + " s, " + name;
    }

    private static String parameter(String jdbcUrl, String name) {
        int query = jdbcUrl.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String parameter : jdbcUrl.substring(query + 1).split("&")) {
            if (parameter.startsWith(name + "=")) {
                return parameter.substring(name.length() + 1);
            }
        }
        return null;
    }
}
