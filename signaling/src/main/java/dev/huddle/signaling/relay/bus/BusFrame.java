package dev.huddle.signaling.relay.bus;

import dev.huddle.signaling.relay.wire.RelayMessage;

/**
 * A message another instance published, as a bus hands it over: the fields the relay routes by
 * ({@link RelayMessage#routing}) and the frame its peers receive, as the publisher wrote it (UTF-8 JSON).
 */
public record BusFrame(RelayMessage message, byte[] frame) {
}
