package dev.huddle.dataaccess;

import io.micronaut.context.BeanProvider;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.data.connection.ConnectionOperations;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The default DataSource as code that asks it for connections sees it: inside a Micronaut Data transaction or
 * connection scope, that scope's connection (as Micronaut Data's contextual DataSource gives); outside any, a pooled
 * connection of the caller's own, to close when done. Micronaut Data's contextual DataSource alone fails there with
 * "No current connection present", which broke plain-JDBC code (events-sync's ledger and queries) in the app.
 */
final class ConnectionPerCallDataSource extends DelegatingDataSource {
    private final BeanProvider<ConnectionOperations<Connection>> connections;

    ConnectionPerCallDataSource(DataSource contextual, BeanProvider<ConnectionOperations<Connection>> connections) {
        super(contextual);
        this.connections = connections;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (connections.get().findConnectionStatus().isPresent()) {
            return super.getConnection();
        }
        return DelegatingDataSource.unwrapDataSource(this).getConnection();
    }
}
