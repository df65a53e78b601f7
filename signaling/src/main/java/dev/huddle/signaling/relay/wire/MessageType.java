package dev.huddle.signaling.relay.wire;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every kind of frame the relay carries, by its wire name (the {@code type} field). */
public enum MessageType {
    OFFER(Audience.ADDRESSEE, true),
    ANSWER(Audience.ADDRESSEE, true),
    PRANSWER(Audience.ADDRESSEE, true),
    ROLLBACK(Audience.ADDRESSEE, true),
    CANDIDATE(Audience.ADDRESSEE, true),
    CHAT(Audience.ROOM, true),
    JOINED(Audience.OTHERS, true),
    LEFT(Audience.OTHERS, true),
    /** The server's first frame on a connection: who you are in which room. */
    WELCOME(Audience.ADDRESSEE, false),
    /** A frame the relay refused; the connection stays open. */
    ERROR(Audience.ADDRESSEE, false),
    /** The addressee is no longer a member (left, banned, room closed): told why, then disconnected everywhere. */
    REMOVED(Audience.ADDRESSEE, false);

    /** Who in the room receives a message of a type. */
    public enum Audience {
        /** Only the peer named in {@code to}. */
        ADDRESSEE,
        /** Everyone in the room, the sender too (its copy carries the id to resume from). */
        ROOM,
        /** Everyone in the room but the user it is about. */
        OTHERS
    }

    /** Looked up for every frame read and every peer a message is routed to: a map, not a scan. */
    private static final Map<String, MessageType> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(MessageType::wireName, type -> type));

    private final Audience audience;
    private final boolean stored;
    private final String wireName;

    MessageType(Audience audience, boolean stored) {
        this.audience = audience;
        this.stored = stored;
        this.wireName = name().toLowerCase(Locale.ROOT);
    }

    public String wireName() {
        return wireName;
    }

    public Audience audience() {
        return audience;
    }

    /** Whether messages of this type are persisted, and so replayed to a peer that reconnects. */
    public boolean stored() {
        return stored;
    }

    /** An SDP signal: stored in {@code sdp_signals}, its type in {@code signal_type}. */
    public boolean isSdp() {
        return this == OFFER || this == ANSWER || this == PRANSWER || this == ROLLBACK;
    }

    /** Whether a peer may send a frame of this type; the others come from the relay only. */
    public boolean sentByPeers() {
        return stored && !isPresence();
    }

    /** A join or a leave: stored in {@code room_presence}, its type in {@code kind}. */
    public boolean isPresence() {
        return this == JOINED || this == LEFT;
    }

    public static Optional<MessageType> fromWireName(String name) {
        return Optional.ofNullable(name == null ? null : BY_WIRE_NAME.get(name));
    }
}
