package dev.huddle.signaling.relay.handshake;

import io.micronaut.core.annotation.Nullable;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/** The relay's URL, {@code /signaling/rooms/<room id>/ws?since=<message id>}, read before any route has matched. */
public final class RelayPaths {
    public static final String PREFIX = "/signaling/rooms/";
    public static final String SUFFIX = "/ws";

    private RelayPaths() {
    }

    static Optional<UUID> roomId(String rawPath) {
        if (rawPath == null || !rawPath.startsWith(PREFIX) || !rawPath.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(rawPath.substring(PREFIX.length(), rawPath.length() - SUFFIX.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The room id of a relay path, null when it names none. */
    public static @Nullable UUID roomIdOrNull(String rawPath) {
        return roomId(rawPath).orElse(null);
    }

    /** The {@code since} cursor, null when absent; a malformed one is refused with the fix. */
    static @Nullable UUID since(@Nullable String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        for (String parameter : rawQuery.split("&")) {
            if (parameter.startsWith("since=")) {
                String value = URLDecoder.decode(parameter.substring("since=".length()), StandardCharsets.UTF_8);
                try {
                    return UUID.fromString(value);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("since must be the id of the last message received (a UUID); got \""
                            + value + "\"");
                }
            }
        }
        return null;
    }
}
