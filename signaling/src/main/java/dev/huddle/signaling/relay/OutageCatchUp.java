package dev.huddle.signaling.relay;

import dev.huddle.signaling.relay.store.MissedSignals;
import dev.huddle.signaling.relay.store.SignalWriter;
import dev.huddle.signaling.relay.wire.MessageIds;
import dev.huddle.signaling.relay.wire.RelayMessage;
import dev.huddle.signaling.room.Admission;
import dev.huddle.signaling.room.RoomAdmission;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What the relay does once its bus listens again after an outage ({@link RoomRelay}): what was stored in this
 * instance's rooms from {@code catch-up-margin} before the outage on, and not delivered here yet, goes to the peers it
 * is for that did not have it (after their join, or after what their own replay read). Removals are never stored, so
 * it also asks the database whether each peer here is still a member, and removes those that are not.
 */
@Singleton
class OutageCatchUp {
    private static final Logger LOG = LoggerFactory.getLogger(OutageCatchUp.class);

    /** How the relay hands a message to those of a room's peers here that the filter accepts. */
    interface Delivery {
        void deliverTo(RelayMessage message, Predicate<RelayPeer> wanted);
    }

    private final MissedSignals missed;
    private final SignalWriter writer;
    private final RoomAdmission admission;
    private final RelaySettings settings;
    private final MessageIds ids;

    OutageCatchUp(MissedSignals missed, SignalWriter writer, RoomAdmission admission, RelaySettings settings,
                  MessageIds ids) {
        this.missed = missed;
        this.writer = writer;
        this.admission = admission;
        this.settings = settings;
        this.ids = ids;
    }

    /** Waits first, as a replay does, for the writers of every instance; then delivers and removes. */
    void run(Instant deafSince, Map<UUID, Set<RelayPeer>> rooms, DeliveredIds delivered, Delivery delivery) {
        try {
            Thread.sleep(settings.replayDelay().toMillis());
            writer.awaitStored();
            int caughtUp = deliverStored(MessageIds.floor(deafSince.minus(settings.catchUpMargin())), rooms, delivered,
                    delivery);
            LOG.info("Signaling catch-up after the bus outage from {}: {} messages delivered from the store, {} peers no "
                    + "longer members removed", deafSince, caughtUp, removeThoseNoLongerMembers(rooms, delivered, delivery));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.error("Signaling catch-up after the bus outage from {} failed; peers here may miss messages relayed "
                    + "elsewhere meanwhile until they reconnect with since: {}", deafSince, e.getMessage());
        }
    }

    private int deliverStored(UUID after, Map<UUID, Set<RelayPeer>> rooms, DeliveredIds delivered, Delivery delivery)
            throws SQLException {
        int caughtUp = 0;
        for (UUID room : List.copyOf(rooms.keySet())) {
            List<RelayMessage> stored = missed.inRoom(room, after, settings.replayLimit());
            if (stored.size() >= settings.replayLimit()) {
                LOG.warn("Room {} relayed more than {} messages of a kind during the bus outage; the catch-up delivers "
                        + "the first ones (huddle.signaling.replay-limit)", room, settings.replayLimit());
            }
            for (RelayMessage message : stored) {
                if (delivered.firstTime(message.id())) {
                    caughtUp++;
                    delivery.deliverTo(message, peer -> MessageIds.compare(message.id(), peer.coveredUntil()) > 0);
                }
            }
        }
        return caughtUp;
    }

    /** Each peer here that is no longer a member of its room (it left, was banned, the room closed) is removed. */
    private int removeThoseNoLongerMembers(Map<UUID, Set<RelayPeer>> rooms, DeliveredIds delivered, Delivery delivery) {
        int removed = 0;
        for (Set<RelayPeer> peers : List.copyOf(rooms.values())) {
            for (RelayPeer peer : List.copyOf(peers)) {
                Admission now = admission.admit(peer.room(), peer.user());
                if (!now.admitted()) {
                    removed++;
                    String reason = switch (now.refusal()) {
                        case BANNED -> "banned";
                        case NOT_A_MEMBER, ROOM_FULL -> "left";
                        case ROOM_CLOSED, ROOM_NOT_FOUND -> "room_closed";
                    };
                    RelayMessage removal = RelayMessage.removed(ids.next(), peer.room(), peer.user(), reason, now.message());
                    delivered.firstTime(removal.id());
                    delivery.deliverTo(removal, any -> true);
                }
            }
        }
        return removed;
    }
}
