package dev.huddle.migration.connect;

import org.postgresql.Driver;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * PostgreSQL connections straight from the driver. The driver's own DataSource goes through DriverManager, whose first
 * use finds and starts every JDBC driver on the class path (SQLite's too): a cost the runner would pay at every start.
 * Connections get {@link PostgresTimeouts}' defaults unless the URL sets its own.
 */
final class PostgresDriverDataSource implements DataSource {
    private static final Driver DRIVER = new Driver();

    private final String url;
    private final Properties properties = new Properties();

    /** {@code secretParameters} (sslpassword, ...) travel as properties, never in the URL a message could show. */
    PostgresDriverDataSource(String url, String user, String password, Map<String, String> secretParameters) {
        this.url = url;
        PostgresTimeouts.addDefaults(properties);
        for (Map.Entry<String, String> secret : secretParameters.entrySet()) {
            properties.setProperty(secret.getKey(), secret.getValue());
        }
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connect(properties);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        Properties withCredentials = new Properties();
        withCredentials.putAll(properties);
        withCredentials.setProperty("user", user);
        withCredentials.setProperty("password", password);
        return connect(withCredentials);
    }

    private Connection connect(Properties connectionProperties) throws SQLException {
        Connection connection = DRIVER.connect(url, connectionProperties);
        if (connection == null) {
            throw new SQLException("The PostgreSQL driver does not accept the URL " + url);
        }
        return connection;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        properties.setProperty("loginTimeout", String.valueOf(seconds));
    }

    @Override
    public int getLoginTimeout() {
        return Integer.parseInt(properties.getProperty("loginTimeout", "0"));
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // The driver logs through java.util.logging; there is no writer to set.
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("PostgresDriverDataSource does not log");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
