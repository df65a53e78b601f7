package dev.huddle.dataaccess;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;

/**
 * Wraps the default DataSource, once Micronaut Data has made it contextual, in {@link ConnectionPerCallDataSource}:
 * last of the listeners, so that it wraps what the others made.
 */
@Singleton
public class ConnectionPerCallBinding implements BeanCreatedEventListener<DataSource>, Ordered {
    private final BeanProvider<ConnectionOperations<Connection>> connections;

    public ConnectionPerCallBinding(BeanProvider<ConnectionOperations<Connection>> connections) {
        this.connections = connections;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource dataSource = event.getBean();
        if (dataSource instanceof DelegatingDataSource && !(dataSource instanceof ConnectionPerCallDataSource)) {
            return new ConnectionPerCallDataSource(dataSource, connections);
        }
        return dataSource;
    }

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }
}
