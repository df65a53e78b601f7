package dev.huddle.meetings.participant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The body of a join: who joins, and the name to show for them. */
@Serdeable
public record ParticipantRequests(@Nullable String identity, @Nullable String name) {
}
