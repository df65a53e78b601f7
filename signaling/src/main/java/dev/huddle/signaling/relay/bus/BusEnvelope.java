package dev.huddle.signaling.relay.bus;

import dev.huddle.signaling.relay.wire.RelayMessage;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** A message on a shared bus with the instance that published it, which ignores its own messages coming back. */
@Serdeable
public record BusEnvelope(UUID origin, RelayMessage message) {
}
