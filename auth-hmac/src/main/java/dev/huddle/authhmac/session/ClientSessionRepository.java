package dev.huddle.authhmac.session;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.UUID;

/** {@code client_sessions}, in the ANSI SQL both engines accept. */
@JdbcRepository(dialect = Dialect.ANSI)
public interface ClientSessionRepository extends CrudRepository<ClientSession, UUID> {

    /** Whether an admin session is still alive: while one is, the bootstrap token cannot make another. */
    boolean existsByAdminAndExpiresAtGreaterThan(boolean admin, Instant now);
}
