package dev.huddle.signaling.relay.bus;

import dev.huddle.signaling.relay.wire.MessageType;
import dev.huddle.signaling.relay.wire.RelayMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.UUID;

/**
 * The text the shared buses carry: one header line with the publishing instance and what the relay routes by (type,
 * id, room, from, to, removal reason; {@code -} for none), then the frame exactly as the publisher wrote it for its
 * own peers. A receiving instance routes by the header and sends the frame on as it is, so a message is written as
 * JSON once on its way across instances, and never read back. Instances on one bus must run the same format.
 */
final class EnvelopeCodec {
    private static final Logger LOG = LoggerFactory.getLogger(EnvelopeCodec.class);
    private static final String NONE = "-";

    private final String origin;

    EnvelopeCodec(UUID origin) {
        this.origin = origin.toString();
    }

    String encode(RelayMessage message, String frame) {
        return origin + ' ' + message.type() + ' ' + text(message.id()) + ' ' + text(message.room()) + ' '
                + text(message.from()) + ' ' + text(message.to()) + ' ' + (message.reason() == null ? NONE : message.reason())
                + '\n' + frame;
    }

    /** Another instance's message and its frame; empty for this instance's own and for what cannot be read. */
    Optional<BusFrame> decode(String text) {
        if (text.startsWith(origin)) {
            return Optional.empty();
        }
        try {
            int end = text.indexOf('\n');
            String[] header = text.substring(0, end).split(" ");
            if (header.length != 7 || MessageType.fromWireName(header[1]).isEmpty()) {
                throw new IllegalArgumentException("not a relay header");
            }
            RelayMessage routing = RelayMessage.routing(header[1], uuid(header[2]), uuid(header[3]), uuid(header[4]),
                    uuid(header[5]), NONE.equals(header[6]) ? null : header[6]);
            return Optional.of(new BusFrame(routing, text.substring(end + 1)));
        } catch (RuntimeException e) {
            LOG.warn("Ignored an unreadable message on the signaling bus (an instance of another version?): {}", e.toString());
            return Optional.empty();
        }
    }

    private static String text(UUID id) {
        return id == null ? NONE : id.toString();
    }

    private static UUID uuid(String text) {
        return NONE.equals(text) ? null : UUID.fromString(text);
    }

    /** What crossed the bus: the fields the relay routes by, and the frame the peers receive. */
    record BusFrame(RelayMessage message, String frame) {
    }
}
