package dev.huddle.signaling.relay.wire;

import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Message ids are UUID version 7: their first 48 bits are the relay time in milliseconds and the next 12 a counter,
 * so within one instance ids grow with every message, across instances with the clock. Ordered the same as bytes
 * (PostgreSQL's {@code uuid}) and as lowercase text (SQLite), an id is the cursor a reconnecting peer resumes after,
 * and the time a message was relayed is read back from its id. One per instance, so that every id it hands out,
 * presence announcements' too, is a valid cursor.
 */
@Singleton
public final class MessageIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int COUNTER_LIMIT = 1 << 12;

    private long lastMillis;
    private int counter;

    /** A new id, greater than every id this generator gave before. */
    public synchronized UUID next() {
        long millis = System.currentTimeMillis();
        if (millis > lastMillis) {
            lastMillis = millis;
            counter = RANDOM.nextInt(COUNTER_LIMIT / 2);
        } else if (++counter == COUNTER_LIMIT) {
            // 4,096 ids in one millisecond: borrow the next millisecond rather than repeat or go backwards.
            lastMillis++;
            counter = 0;
        }
        long high = (lastMillis << 16) | 0x7000L | counter;
        long low = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    /** The smallest id of the millisecond {@code at}: every message relayed from then on has a greater one. */
    public static UUID floor(Instant at) {
        return new UUID((at.toEpochMilli() << 16) | 0x7000L, 0x8000_0000_0000_0000L);
    }

    /** Orders ids as the databases do (unsigned, byte by byte), unlike {@link UUID#compareTo}. */
    public static int compare(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /** When the message with this id was relayed, to the millisecond. */
    public static Instant instantOf(UUID id) {
        return Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16);
    }
}
