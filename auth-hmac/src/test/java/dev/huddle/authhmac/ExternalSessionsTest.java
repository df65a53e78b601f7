package dev.huddle.authhmac;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Guests: created waiting, admitted once, gone when their lifetime ends. */
class ExternalSessionsTest {
    private static final Instant START = Instant.parse("2026-12-01T12:00:00Z");

    private final ExternalSessionStore store = new ExternalSessionStore();
    private final ExternalSessions guests = new ExternalSessions(store, Duration.ofMinutes(15));

    @Test
    void aGuestWaitsUntilAdmitted() {
        ExternalSession guest = guests.create("meeting-1", "Grace", START);

        assertThat(guests.find(guest.id(), START)).get().extracting(ExternalSession::admitted).isEqualTo(false);
        assertThat(guests.admit(guest.id(), START.plusSeconds(60))).isTrue();
        assertThat(guests.find(guest.id(), START.plusSeconds(61))).get().extracting(ExternalSession::admitted).isEqualTo(true);
    }

    @Test
    void aGuestIsGoneOnceItsLifetimeEnds() {
        ExternalSession guest = guests.create("meeting-1", "Grace", START);
        Instant end = START.plus(Duration.ofMinutes(15));

        assertThat(guests.find(guest.id(), end.minusMillis(1))).isPresent();
        assertThat(guests.find(guest.id(), end)).isEmpty();
        assertThat(guests.admit(guest.id(), end)).isFalse();
    }

    @Test
    void creatingAGuestDropsTheExpiredOnes() {
        guests.create("meeting-1", "Grace", START);
        guests.create("meeting-1", "Alan", START.plusSeconds(600));

        guests.create("meeting-2", "Barbara", START.plus(Duration.ofMinutes(16)));

        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void anUnknownGuestCannotBeAdmitted() {
        assertThat(guests.admit("no-such-guest", START)).isFalse();
    }
}
