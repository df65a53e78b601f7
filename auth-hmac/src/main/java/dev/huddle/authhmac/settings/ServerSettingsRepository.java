package dev.huddle.authhmac.settings;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** {@code server_settings}; the app only ever reads and updates its one row. */
@JdbcRepository(dialect = Dialect.ANSI)
public interface ServerSettingsRepository extends CrudRepository<ServerSettingsRow, Short> {
}
