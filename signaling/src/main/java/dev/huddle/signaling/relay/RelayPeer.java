package dev.huddle.signaling.relay;

import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * One open relay connection: a user in a room. From its creation until {@link #endReplay}, live messages wait here:
 * the welcome goes first, then (on a reconnect with {@code since}) the missed messages, then what arrived meanwhile
 * minus what the replay already held; so the peer receives everything once, oldest first. Frames are JSON already
 * encoded as UTF-8, written once per message for every peer it goes to and sent as they are (never changed after).
 */
public final class RelayPeer {
    private final UUID room;
    private final UUID user;
    private final WebSocketSession session;
    /** The connection's Netty event loop, where its writes happen; null when unknown (sent from the caller's thread). */
    private final Executor loop;
    private List<Pending> held = new ArrayList<>();
    /** Every message up to this id that the peer should have is sent or was never its to get (see RoomRelay). */
    private volatile UUID coveredUntil;

    private record Pending(UUID id, byte[] json) {
    }

    public RelayPeer(UUID room, UUID user, WebSocketSession session, Executor loop) {
        this.room = room;
        this.user = user;
        this.session = session;
        this.loop = loop;
    }

    public UUID room() {
        return room;
    }

    public UUID user() {
        return user;
    }

    Executor loop() {
        return loop;
    }

    UUID coveredUntil() {
        return coveredUntil;
    }

    void coverUntil(UUID id) {
        coveredUntil = id;
    }

    /** The connection's first frame, ahead of everything held. */
    synchronized void sendFirst(byte[] json) {
        session.sendAsync(textFrame(json));
    }

    /** Sends a frame now or, during a replay, once the replay is sent. */
    synchronized void send(UUID id, byte[] json) {
        if (held != null) {
            held.add(new Pending(id, json));
        } else if (session.isOpen()) {
            session.sendAsync(textFrame(json));
        }
    }

    /** A text frame over the bytes as they are: each send wraps them anew, as Netty consumes what it writes. */
    private static TextWebSocketFrame textFrame(byte[] json) {
        return new TextWebSocketFrame(Unpooled.wrappedBuffer(json));
    }

    /** Ends the connection with a close code and its reason word; the relay hears of it as any close. */
    void disconnect(int code, String reason) {
        session.close(new CloseReason(code, reason));
    }

    /** Sends the replayed frames ({@code ids[i]} for {@code frames[i]}), then the held ones the replay did not hold. */
    synchronized void endReplay(List<UUID> ids, List<byte[]> frames) {
        Set<UUID> replayed = new HashSet<>(ids);
        List<Pending> live = held == null ? List.of() : held;
        held = null;
        for (byte[] frame : frames) {
            send(null, frame);
        }
        for (Pending pending : live) {
            if (pending.id() == null || !replayed.contains(pending.id())) {
                send(pending.id(), pending.json());
            }
        }
    }
}
