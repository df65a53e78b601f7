package dev.huddle.authhmac.session;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code client_sessions}, in the ANSI SQL both engines accept. */
@JdbcRepository(dialect = Dialect.ANSI)
public interface ClientSessionRepository extends CrudRepository<ClientSession, UUID> {

    /** Whether an admin session is still alive: while one is, the bootstrap token cannot make another. */
    boolean existsByAdminAndExpiresAtGreaterThan(boolean admin, Instant now);

    /** The admin (or ordinary) sessions still alive at the time, oldest first. */
    List<ClientSession> findByAdminAndExpiresAtGreaterThanOrderByCreatedAt(boolean admin, Instant now);

    /** Sets or clears the session's admin flag; 1 when the session exists. */
    @Query("UPDATE client_sessions SET is_admin = :admin WHERE id = :id")
    int updateAdmin(UUID id, boolean admin);

    /** Deletes the session, and with it its nonces (ON DELETE CASCADE); 1 when it existed. */
    @Query("DELETE FROM client_sessions WHERE id = :id")
    int deleteSession(UUID id);
}
