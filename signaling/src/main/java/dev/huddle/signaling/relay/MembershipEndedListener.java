package dev.huddle.signaling.relay;

import dev.huddle.signaling.room.MembershipEnded;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * Disconnects relay peers whose membership ended (they left through the API, were banned, or the room was closed),
 * once the change has committed: a reconnect would be refused by the admission anyway, and until now the open
 * socket would still relay.
 */
@Singleton
public class MembershipEndedListener {
    private final RoomRelay relay;

    public MembershipEndedListener(RoomRelay relay) {
        this.relay = relay;
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    public void onMembershipEnded(MembershipEnded event) {
        String reason = event.cause() == MembershipEnded.Cause.ROOM_CLOSED ? "room_closed"
                : event.cause().name().toLowerCase(Locale.ROOT);
        relay.remove(event.roomId(), event.userIds(), reason, switch (event.cause()) {
            case LEFT -> "You left the room; join it again to reconnect.";
            case BANNED -> "You were banned from the room.";
            case ROOM_CLOSED -> "The room was closed.";
        });
    }
}
