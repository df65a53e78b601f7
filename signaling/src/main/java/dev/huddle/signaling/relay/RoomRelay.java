package dev.huddle.signaling.relay;

import dev.huddle.signaling.relay.bus.BusFrame;
import dev.huddle.signaling.relay.bus.RelayBus;
import dev.huddle.signaling.relay.store.MissedSignals;
import dev.huddle.signaling.relay.store.SignalWriter;
import dev.huddle.signaling.relay.wire.BadFrameException;
import dev.huddle.signaling.relay.wire.FrameReader;
import dev.huddle.signaling.relay.wire.MessageIds;
import dev.huddle.signaling.relay.wire.MessageType;
import dev.huddle.signaling.relay.wire.RelayMessage;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The relay of one instance: which peers are connected here, per room, and the path of every message. A message a
 * peer sends is checked, handed to the writer (stored behind the relay, never waited for), delivered to this
 * instance's peers and published on the bus for the others; a message from the bus is delivered here only. Started
 * with the context, so the bus listens before the first peer connects.
 *
 * <p>Across instances delivery is at least once, each message delivered here once: every id delivered is remembered
 * for a while ({@link DeliveredIds}), and when the bus comes back from an outage, {@link OutageCatchUp} delivers from
 * the store what this instance missed meanwhile.
 */
@Context
public class RoomRelay {
    private static final Logger LOG = LoggerFactory.getLogger(RoomRelay.class);
    /** 4000 + 403: the peer may no longer be in the room. */
    static final int REMOVED_CLOSE_CODE = 4403;

    private final Map<UUID, Set<RelayPeer>> rooms = new ConcurrentHashMap<>();
    private final RelayBus bus;
    private final SignalWriter writer;
    private final MissedSignals missed;
    private final FrameReader reader;
    private final JsonMapper json;
    private final RelaySettings settings;
    private final ExecutorService blocking;
    private final MessageIds ids;
    private final DeliveredIds delivered;
    private final OutageCatchUp catchUp;
    private final AtomicInteger catchUps = new AtomicInteger();

    public RoomRelay(RelayBus bus, SignalWriter writer, MissedSignals missed, FrameReader reader, JsonMapper json,
                     MessageIds ids, RelaySettings settings, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                     OutageCatchUp catchUp) {
        this.catchUp = catchUp;
        this.ids = ids;
        this.bus = bus;
        this.writer = writer;
        this.missed = missed;
        this.reader = reader;
        this.json = json;
        this.settings = settings;
        this.blocking = blocking;
        // Kept past the margin by the time an outage takes to be noticed (a poll) and clocks of instances may differ.
        this.delivered = new DeliveredIds(settings.catchUpMargin().plusSeconds(5));
    }

    @PostConstruct
    void listen() {
        bus.start(new RelayBus.Receiver() {
            @Override
            public void receive(List<BusFrame> batch) {
                deliverFromBus(batch);
            }

            @Override
            public void deaf() {
                delivered.hold();
            }

            @Override
            public void resumed(Instant deafSince) {
                blocking.execute(() -> {
                    try {
                        catchUp.run(deafSince, rooms, delivered, (message, wanted) -> deliverTo(message, null, wanted));
                    } finally {
                        delivered.release();
                        catchUps.incrementAndGet();
                    }
                });
            }
        });
    }

    /**
     * A peer connected: it joins the room (what is relayed to it from now on waits in the peer), is welcomed, the room
     * hears of it, and with a cursor it gets what it missed before anything live.
     */
    public void open(RelayPeer peer, @Nullable UUID since) {
        RelayMessage joined = presence(MessageType.JOINED, peer);
        peer.coverUntil(joined.id());
        rooms.computeIfAbsent(peer.room(), room -> ConcurrentHashMap.newKeySet()).add(peer);
        peer.sendFirst(write(RelayMessage.welcome(peer.room(), peer.user())));
        relay(joined);
        if (since != null) {
            blocking.execute(() -> replay(peer, since));
        } else {
            peer.endReplay(List.of(), List.of());
        }
    }

    /** A frame from a peer: relayed, or answered with an error frame (nothing relayed, nothing stored). */
    public void receive(RelayPeer peer, String text) {
        RelayMessage message;
        try {
            message = reader.read(text, peer.room(), peer.user());
        } catch (BadFrameException e) {
            peer.send(null, write(RelayMessage.error(peer.room(), peer.user(), e.reason(), e.getMessage())));
            return;
        }
        relay(message);
    }

    public void close(RelayPeer peer) {
        rooms.computeIfPresent(peer.room(), (room, peers) -> {
            peers.remove(peer);
            return peers.isEmpty() ? null : peers;
        });
        relay(presence(MessageType.LEFT, peer));
    }

    /**
     * Users who stopped being members of a room (left, banned, room closed) are told so and disconnected, on every
     * instance: the message travels the bus like any other.
     */
    public void remove(UUID room, List<UUID> users, String reason, String message) {
        for (UUID user : users) {
            relay(RelayMessage.removed(ids.next(), room, user, reason, message));
        }
    }

    /** How many catch-ups after a bus outage have ended (the log has what each delivered). */
    public int catchUps() {
        return catchUps.get();
    }

    /** How many peers are connected to this instance (the benchmark waits for all of them). */
    public int connectedPeers() {
        return rooms.values().stream().mapToInt(Set::size).sum();
    }

    /** The frame is written once, here, for this instance's peers and the other instances' alike. */
    private void relay(RelayMessage message) {
        if (message.kind().stored()) {
            writer.store(message);
        }
        byte[] frame = write(message);
        deliver(message, frame);
        bus.publish(message, frame);
    }

    /** Hands the frame to each peer of the message's room here that its type addresses, unless delivered here before. */
    private void deliver(RelayMessage message, byte[] frame) {
        if (firstTimeHere(message)) {
            deliverTo(message, frame, peer -> true);
        }
    }

    /**
     * As {@link #deliver}, for a batch from the bus: the sends are grouped per peer event loop and handed over in one
     * task each ({@link LoopHandOver}), in the batch's order; the bus's thread never waits for a peer.
     */
    private void deliverFromBus(List<BusFrame> batch) {
        LoopHandOver handOver = new LoopHandOver();
        for (BusFrame crossed : batch) {
            RelayMessage message = crossed.message();
            if (firstTimeHere(message)) {
                for (RelayPeer peer : addressedHere(message)) {
                    handOver.add(peer, () -> sendTo(peer, message, crossed.frame()));
                }
            }
        }
        handOver.handOver();
    }

    private boolean firstTimeHere(RelayMessage message) {
        // One instance (SQLite) has no bus and no catch-up, so nothing can arrive twice: it keeps no ids.
        return message.id() == null || !bus.crossInstance() || delivered.firstTime(message.id());
    }

    /** As {@link #deliver}, to the peers the filter accepts; without a frame, one is written if anyone is addressed. */
    private void deliverTo(RelayMessage message, @Nullable byte[] written, Predicate<RelayPeer> wanted) {
        byte[] frame = written;
        for (RelayPeer peer : addressedHere(message)) {
            if (wanted.test(peer)) {
                frame = frame == null ? write(message) : frame;
                sendTo(peer, message, frame);
            }
        }
    }

    /** The peers of the message's room connected here that its type addresses. */
    private List<RelayPeer> addressedHere(RelayMessage message) {
        Set<RelayPeer> peers = rooms.get(message.room());
        if (peers == null) {
            return List.of();
        }
        List<RelayPeer> addressed = new ArrayList<>();
        for (RelayPeer peer : peers) {
            if (addresses(message, peer)) {
                addressed.add(peer);
            }
        }
        return addressed;
    }

    private static void sendTo(RelayPeer peer, RelayMessage message, byte[] frame) {
        peer.send(message.id(), frame);
        if (message.kind() == MessageType.REMOVED) {
            peer.disconnect(REMOVED_CLOSE_CODE, message.reason());
        }
    }

    private static boolean addresses(RelayMessage message, RelayPeer peer) {
        return switch (message.kind().audience()) {
            case ADDRESSEE -> peer.user().equals(message.to());
            case ROOM -> true;
            case OTHERS -> !peer.user().equals(message.from());
        };
    }

    private void replay(RelayPeer peer, UUID since) {
        List<RelayMessage> found = List.of();
        try {
            if (bus.crossInstance()) {
                // Other instances store what they relayed within about one write; give them that long.
                Thread.sleep(settings.replayDelay().toMillis());
            }
            writer.awaitStored();
            // A catch-up from now on leaves this peer what the read below covers (it would find it stored too).
            UUID readFrom = MessageIds.floor(Instant.now());
            if (MessageIds.compare(readFrom, peer.coveredUntil()) > 0) {
                peer.coverUntil(readFrom);
            }
            found = missed.after(peer.room(), peer.user(), since, settings.replayLimit());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Could not read the messages peer {} missed in room {}: {}", peer.user(), peer.room(), e.getMessage());
            peer.send(null, write(RelayMessage.error(peer.room(), peer.user(), "replay_failed", "What you missed could not "
                    + "be read now; reconnect with the same since to try again.")));
        }
        List<UUID> replayedIds = new ArrayList<>(found.size());
        List<byte[]> frames = new ArrayList<>(found.size());
        for (RelayMessage message : found) {
            replayedIds.add(message.id());
            frames.add(write(message));
        }
        peer.endReplay(replayedIds, frames);
    }

    private RelayMessage presence(MessageType type, RelayPeer peer) {
        UUID id = ids.next();
        return RelayMessage.presence(type, id, peer.room(), peer.user(), FrameReader.RELAY_TIME.format(MessageIds.instantOf(id)));
    }

    /** The frame as UTF-8 JSON, written straight to bytes: what the peers receive and the bus carries. */
    private byte[] write(RelayMessage message) {
        try {
            return json.writeValueAsBytes(message);
        } catch (IOException e) {
            throw new UncheckedIOException("A relay frame could not be written as JSON", e);
        }
    }
}
