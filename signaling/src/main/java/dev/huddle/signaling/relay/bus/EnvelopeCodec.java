package dev.huddle.signaling.relay.bus;

import dev.huddle.signaling.relay.wire.MessageType;
import dev.huddle.signaling.relay.wire.RelayMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * What the shared buses carry, in UTF-8: one header line with the publishing instance and what the relay routes by
 * (type, id, room, from, to, removal reason; {@code -} for none), then the frame exactly as the publisher wrote it for
 * its own peers. A receiving instance routes by the header and sends the frame on as it is, so a message is written
 * as JSON once on its way across instances and never read back. Instances on one bus must run the same format.
 */
final class EnvelopeCodec {
    private static final Logger LOG = LoggerFactory.getLogger(EnvelopeCodec.class);
    private static final String NONE = "-";
    private static final byte END_OF_HEADER = '\n';

    private final String originText;
    private final byte[] origin;

    EnvelopeCodec(UUID origin) {
        this.originText = origin.toString();
        this.origin = originText.getBytes(StandardCharsets.US_ASCII);
    }

    byte[] encode(RelayMessage message, byte[] frame) {
        byte[] header = (originText + ' ' + message.type() + ' ' + text(message.id())
                + ' ' + text(message.room()) + ' ' + text(message.from()) + ' ' + text(message.to()) + ' '
                + (message.reason() == null ? NONE : message.reason()) + (char) END_OF_HEADER).getBytes(StandardCharsets.UTF_8);
        byte[] envelope = Arrays.copyOf(header, header.length + frame.length);
        System.arraycopy(frame, 0, envelope, header.length, frame.length);
        return envelope;
    }

    /** Another instance's message and its frame; empty for this instance's own and for what cannot be read. */
    Optional<BusFrame> decode(byte[] envelope) {
        if (Arrays.equals(envelope, 0, Math.min(origin.length, envelope.length), origin, 0, origin.length)) {
            return Optional.empty();
        }
        try {
            int end = indexOf(envelope, END_OF_HEADER);
            String[] header = new String(envelope, 0, end, StandardCharsets.UTF_8).split(" ");
            if (header.length != 7 || MessageType.fromWireName(header[1]).isEmpty()) {
                throw new IllegalArgumentException("not a relay header");
            }
            RelayMessage routing = RelayMessage.routing(header[1], uuid(header[2]), uuid(header[3]), uuid(header[4]),
                    uuid(header[5]), NONE.equals(header[6]) ? null : header[6]);
            return Optional.of(new BusFrame(routing, Arrays.copyOfRange(envelope, end + 1, envelope.length)));
        } catch (RuntimeException e) {
            LOG.warn("Ignored an unreadable message on the signaling bus (an instance of another version?): {}", e.toString());
            return Optional.empty();
        }
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        throw new IllegalArgumentException("no header line");
    }

    private static String text(UUID id) {
        return id == null ? NONE : id.toString();
    }

    private static UUID uuid(String text) {
        return NONE.equals(text) ? null : UUID.fromString(text);
    }
}
