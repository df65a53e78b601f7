package dev.huddle.dataaccess;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.transaction.annotation.ReadOnly;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** ANSI, as every Huddle repository: the one SQL both engines accept. */
@JdbcRepository(dialect = Dialect.ANSI)
public interface ProbeRepository extends CrudRepository<Probe, UUID> {

    /** Read-only, so that Micronaut Data marks the connection read-only, which plain sqlite-jdbc refuses. */
    @ReadOnly
    List<Probe> findBySeenAtBeforeOrderBySeenAt(Instant time);
}
