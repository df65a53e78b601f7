package dev.huddle.authhmac.settings;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The single row of {@code server_settings} (id 1, seeded by its migration), as stored. */
@MappedEntity("server_settings")
public record ServerSettingsRow(@Id Short id, String serverName, String registrationMode, Instant updatedAt) {
    static final short ONLY_ID = 1;
}
