package dev.huddle.meetings;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;

/**
 * Test stand-in for the app's data access configuration: sqlite-jdbc refuses {@code setReadOnly} on an open
 * connection, which Micronaut Data calls for reads (see shared NOTES.md), so connections here ignore it.
 */
@Singleton
final class SqliteReadOnlyTolerance implements BeanCreatedEventListener<DataSource>, Ordered {
    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource pool = event.getBean();
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(pool, method, args);
                    return result instanceof Connection connection ? tolerant(connection) : result;
                });
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    private static Connection tolerant(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> method.getName().equals("setReadOnly") ? null : invoke(connection, method, args));
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
