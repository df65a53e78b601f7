package dev.huddle.authhmac;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory external_sessions table; time is passed in, so nothing here waits. */
class ExternalSessionStoreTest {
    private static final Instant NOW = Instant.parse("2025-06-16T12:00:00Z");

    private final ExternalSessionStore store = new ExternalSessionStore();

    @Test
    void findsASavedSessionUntilItExpires() {
        store.save(session("guest-1", Duration.ofMinutes(10)));

        assertThat(store.find("guest-1", NOW)).hasValueSatisfying(found -> {
            assertThat(found.meetingId()).isEqualTo("meeting-1");
            assertThat(found.admitted()).isFalse();
        });
        assertThat(store.find("guest-1", NOW.plus(Duration.ofMinutes(10)))).as("expired at its expiry instant").isEmpty();
        assertThat(store.find("nobody", NOW)).isEmpty();
    }

    @Test
    void admitsOnlyALiveSession() {
        store.save(session("guest-1", Duration.ofMinutes(10)));
        store.save(session("guest-2", Duration.ofMinutes(1)));

        assertThat(store.admit("guest-1", NOW)).isTrue();
        assertThat(store.admit("guest-2", NOW.plus(Duration.ofMinutes(1)))).as("expired").isFalse();
        assertThat(store.admit("nobody", NOW)).isFalse();

        assertThat(store.find("guest-1", NOW)).hasValueSatisfying(found -> assertThat(found.admitted()).isTrue());
        assertThat(store.find("guest-2", NOW)).hasValueSatisfying(found -> assertThat(found.admitted()).isFalse());
    }

    @Test
    void purgesExpiredSessionsAndKeepsLiveOnes() {
        store.save(session("expired-1", Duration.ofMinutes(-1)));
        store.save(session("expired-2", Duration.ZERO));
        store.save(session("live", Duration.ofMinutes(5)));

        assertThat(store.purgeExpired(NOW)).isEqualTo(2);

        assertThat(store.size()).isEqualTo(1);
        assertThat(store.find("live", NOW)).isPresent();
        assertThat(store.purgeExpired(NOW)).isZero();
    }

    @Test
    void removesASession() {
        store.save(session("guest-1", Duration.ofMinutes(10)));

        store.remove("guest-1");

        assertThat(store.find("guest-1", NOW)).isEmpty();
        assertThat(store.size()).isZero();
    }

    private static ExternalSession session(String id, Duration lifetime) {
        return new ExternalSession(id, "meeting-1", "Guest " + id, false, NOW.minus(Duration.ofMinutes(30)), NOW.plus(lifetime));
    }
}
