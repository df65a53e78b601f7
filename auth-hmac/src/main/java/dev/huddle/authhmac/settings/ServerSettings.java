package dev.huddle.authhmac.settings;

import java.time.Instant;

/** The server's name and registration mode. */
public record ServerSettings(String serverName, RegistrationMode registrationMode, Instant updatedAt) {
}
