package dev.huddle.dataaccess;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * SQLite connections that accept {@link Connection#setReadOnly}: Micronaut Data marks every read-only transaction so,
 * and sqlite-jdbc refuses the call on an open connection (micronaut-data issue #3560). The flag is only a hint to the
 * driver, so ignoring it changes nothing a repository relies on. (sqlite-jdbc's {@code jdbc.explicit_readonly} would
 * honour it, but changes how every transaction begins, which the migration engine's locking does not expect.)
 */
final class ReadOnlyIgnoringDataSource implements DataSource {
    private final DataSource driver;

    ReadOnlyIgnoringDataSource(DataSource driver) {
        this.driver = driver;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return ignoringReadOnly(driver.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return ignoringReadOnly(driver.getConnection(username, password));
    }

    private static Connection ignoringReadOnly(Connection connection) {
        InvocationHandler handler = (proxy, method, arguments) -> isSetReadOnly(method) ? null : invoke(connection, method, arguments);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private static boolean isSetReadOnly(Method method) {
        return method.getName().equals("setReadOnly") && method.getParameterCount() == 1;
    }

    private static Object invoke(Connection connection, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(connection, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return driver.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        driver.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        driver.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return driver.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return driver.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : driver.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || driver.isWrapperFor(type);
    }
}
