package dev.huddle.signaling.relay.bus;

import dev.huddle.signaling.relay.wire.RelayMessage;
import io.micronaut.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;

/** Writes a message into the JSON the shared buses carry, and reads only other instances' messages back. */
final class EnvelopeCodec {
    private static final Logger LOG = LoggerFactory.getLogger(EnvelopeCodec.class);

    private final JsonMapper json;
    private final UUID origin;

    EnvelopeCodec(JsonMapper json, UUID origin) {
        this.json = json;
        this.origin = origin;
    }

    byte[] encode(RelayMessage message) {
        try {
            return json.writeValueAsBytes(new BusEnvelope(origin, message));
        } catch (IOException e) {
            throw new UncheckedIOException("A relay message could not be written as JSON", e);
        }
    }

    /** The message another instance published; empty for this instance's own and for what cannot be read. */
    Optional<RelayMessage> decode(byte[] bytes) {
        try {
            BusEnvelope envelope = json.readValue(bytes, BusEnvelope.class);
            if (envelope == null || origin.equals(envelope.origin()) || envelope.message() == null) {
                return Optional.empty();
            }
            return Optional.of(envelope.message());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignored an unreadable message on the signaling bus: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
