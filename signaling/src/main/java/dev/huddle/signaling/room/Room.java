package dev.huddle.signaling.room;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code rooms}. A private room is unlisted: it is listed only to its creator, moderators and members, and
 * anyone who has its id may still join. {@code maxParticipants} caps the members at once (none: no cap). A room is
 * open until {@code closedAt} is set; closing is final.
 */
@MappedEntity("rooms")
public record Room(@Id UUID id, String name, @MappedProperty("is_private") boolean privateRoom,
                   @Nullable Integer maxParticipants, @Nullable UUID createdBy, Instant createdAt, Instant updatedAt,
                   @Nullable Instant closedAt) {

    public boolean closed() {
        return closedAt != null;
    }

    public boolean createdBy(UUID userId) {
        return userId.equals(createdBy);
    }
}
