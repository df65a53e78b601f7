package dev.huddle.signaling;

import dev.huddle.signaling.room.MembershipEnded;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the MembershipEnded events a test context publishes, as a relay listening for them would receive them. */
@Singleton
class MembershipEvents {
    private final List<MembershipEnded> received = new CopyOnWriteArrayList<>();

    @EventListener
    void onMembershipEnded(MembershipEnded event) {
        received.add(event);
    }

    List<MembershipEnded> received() {
        return List.copyOf(received);
    }
}
