package dev.huddle.eventssync.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** A portal admin as the API shows them. */
@Serdeable
public record AdminView(UUID id, String email, String name, String permissionLevel) {
}
