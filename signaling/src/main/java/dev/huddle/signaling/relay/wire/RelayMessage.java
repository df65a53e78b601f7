package dev.huddle.signaling.relay.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/**
 * One frame from the relay to a client, and the unit the buses carry between instances (README, "Signaling relay").
 * Which fields are set depends on {@link #type()}: {@code sdp} for SDP signals, {@code candidate}, {@code sdpMid} and
 * {@code sdpMLineIndex} for ICE candidates, {@code text} for chat, {@code reason} and {@code message} for errors.
 * {@code at} is the relay time (ISO-8601, milliseconds), also encoded in {@code id}.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RelayMessage(String type, @Nullable UUID id, @Nullable UUID room, @Nullable UUID from, @Nullable UUID to,
                           @Nullable String sdp, @Nullable String candidate, @Nullable String sdpMid,
                           @Nullable Integer sdpMLineIndex, @Nullable String text, @Nullable String at,
                           @Nullable String reason, @Nullable String message) {

    public MessageType kind() {
        return MessageType.fromWireName(type).orElseThrow(() -> new IllegalStateException("Unknown relay type " + type));
    }

    public static RelayMessage sdp(MessageType type, UUID id, UUID room, UUID from, UUID to, String sdp, String at) {
        return new RelayMessage(type.wireName(), id, room, from, to, sdp, null, null, null, null, at, null, null);
    }

    public static RelayMessage candidate(UUID id, UUID room, UUID from, UUID to, String candidate, @Nullable String sdpMid,
                                         @Nullable Integer sdpMLineIndex, String at) {
        return new RelayMessage(MessageType.CANDIDATE.wireName(), id, room, from, to, null, candidate, sdpMid, sdpMLineIndex,
                null, at, null, null);
    }

    public static RelayMessage chat(UUID id, UUID room, UUID from, String text, String at) {
        return new RelayMessage(MessageType.CHAT.wireName(), id, room, from, null, null, null, null, null, text, at, null, null);
    }

    /** {@code joined} or {@code left}: {@code from} is the user it is about. */
    public static RelayMessage presence(MessageType type, UUID id, UUID room, UUID user, String at) {
        return new RelayMessage(type.wireName(), id, room, user, null, null, null, null, null, null, at, null, null);
    }

    /**
     * Only what the relay routes a message by, for one whose frame another instance already wrote: the frame, not
     * this, is what its peers receive.
     */
    public static RelayMessage routing(String type, @Nullable UUID id, @Nullable UUID room, @Nullable UUID from,
                                       @Nullable UUID to, @Nullable String reason) {
        return new RelayMessage(type, id, room, from, to, null, null, null, null, null, null, reason, null);
    }

    public static RelayMessage welcome(UUID room, UUID you) {
        return new RelayMessage(MessageType.WELCOME.wireName(), null, room, null, you, null, null, null, null, null, null,
                null, null);
    }

    /** {@code reason} is {@code left}, {@code banned} or {@code room_closed}. */
    public static RelayMessage removed(UUID id, UUID room, UUID user, String reason, String message) {
        return new RelayMessage(MessageType.REMOVED.wireName(), id, room, null, user, null, null, null, null, null, null,
                reason, message);
    }

    public static RelayMessage error(UUID room, UUID to, String reason, String message) {
        return new RelayMessage(MessageType.ERROR.wireName(), null, room, null, to, null, null, null, null, null, null,
                reason, message);
    }
}
