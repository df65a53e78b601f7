package dev.huddle.signaling.relay.wire;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Reads what a client sent into the message the relay passes on, stamped with a new id, the sender and the room; a
 * frame that is not JSON, names an unknown type, misses a field or addresses nobody is refused with the fix.
 */
@Singleton
public class FrameReader {
    /** Chat longer than this is refused: the relay carries conversation, not files. */
    public static final int LONGEST_CHAT = 8_000;
    /** The instant format SQLite's column defaults write, and so every stored time. */
    public static final DateTimeFormatter RELAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final JsonMapper json;
    private final MessageIds ids;

    public FrameReader(JsonMapper json, MessageIds ids) {
        this.json = json;
        this.ids = ids;
    }

    public RelayMessage read(String text, UUID room, UUID sender) throws BadFrameException {
        ClientFrame frame = parse(text);
        if (frame.type() == null) {
            throw new BadFrameException("bad_message", "The frame has no \"type\": send one of offer, answer, pranswer, "
                    + "rollback, candidate, chat.");
        }
        MessageType type = MessageType.fromWireName(frame.type()).filter(MessageType::sentByPeers)
                .orElseThrow(() -> new BadFrameException("bad_message", "Unknown type \"" + frame.type() + "\": send one "
                        + "of offer, answer, pranswer, rollback, candidate, chat."));
        UUID id = ids.next();
        String at = RELAY_TIME.format(MessageIds.instantOf(id));
        if (type == MessageType.CHAT) {
            if (frame.text() == null || frame.text().isBlank()) {
                throw new BadFrameException("bad_message", "A chat frame needs a non-blank \"text\".");
            }
            if (frame.text().length() > LONGEST_CHAT) {
                throw new BadFrameException("bad_message", "Chat text is " + frame.text().length() + " characters; send at "
                        + "most " + LONGEST_CHAT + ".");
            }
            return RelayMessage.chat(id, room, sender, frame.text(), at);
        }
        UUID to = addressee(frame, type, sender);
        if (type == MessageType.CANDIDATE) {
            if (frame.candidate() == null) {
                throw new BadFrameException("bad_message", "A candidate frame needs \"candidate\" (an empty string marks "
                        + "the end of candidates).");
            }
            if (frame.sdpMLineIndex() != null && frame.sdpMLineIndex() < 0) {
                throw new BadFrameException("bad_message", "\"sdpMLineIndex\" must be 0 or more.");
            }
            return RelayMessage.candidate(id, room, sender, to, frame.candidate(), frame.sdpMid(), frame.sdpMLineIndex(), at);
        }
        if (frame.sdp() == null || (type != MessageType.ROLLBACK && frame.sdp().isBlank())) {
            throw new BadFrameException("bad_message", "An " + type.wireName() + " frame needs \"sdp\""
                    + (type == MessageType.ROLLBACK ? " (an empty string will do)." : ": the session description."));
        }
        return RelayMessage.sdp(type, id, room, sender, to, frame.sdp(), at);
    }

    private ClientFrame parse(String text) throws BadFrameException {
        try {
            ClientFrame frame = json.readValue(text, ClientFrame.class);
            if (frame == null) {
                throw new BadFrameException("bad_message", "The frame is empty: send one JSON object.");
            }
            return frame;
        } catch (IOException | RuntimeException e) {
            throw new BadFrameException("bad_message", "The frame is not a JSON object of the relay's format "
                    + "(README, \"Signaling relay\").");
        }
    }

    private static UUID addressee(ClientFrame frame, MessageType type, UUID sender) throws BadFrameException {
        if (frame.to() == null) {
            throw new BadFrameException("bad_message", "An " + type.wireName() + " frame needs \"to\": the user id of the "
                    + "peer it is for (from its \"joined\" announcement).");
        }
        UUID to;
        try {
            to = UUID.fromString(frame.to().strip());
        } catch (IllegalArgumentException e) {
            throw new BadFrameException("bad_message", "\"to\" must be a user id (a UUID); got \"" + frame.to() + "\".");
        }
        if (to.equals(sender)) {
            throw new BadFrameException("bad_message", "\"to\" is your own user id: address the other peer.");
        }
        return to;
    }
}
