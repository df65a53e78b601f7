package dev.huddle.authhmac.invitation;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** {@code invitations}, in the ANSI SQL both engines accept. */
@JdbcRepository(dialect = Dialect.ANSI)
public interface InvitationRepository extends CrudRepository<Invitation, UUID> {

    Optional<Invitation> findByTokenHash(String tokenHash);

    /**
     * Marks the invitation accepted if it is still open: 1 when this call accepted it, 0 otherwise. One statement, so
     * two clients racing with the same token cannot both succeed.
     */
    @Query("UPDATE invitations SET accepted_at = :now WHERE token_hash = :tokenHash AND accepted_at IS NULL AND expires_at > :now")
    int acceptIfOpen(String tokenHash, Instant now);
}
