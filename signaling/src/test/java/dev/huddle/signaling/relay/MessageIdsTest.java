package dev.huddle.signaling.relay;

import dev.huddle.signaling.relay.wire.MessageIds;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MessageIdsTest {
    @Test
    void idsGrowAsBytesAndAsTextAndCarryTheirTime() {
        MessageIds ids = new MessageIds();
        long before = System.currentTimeMillis();
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            made.add(ids.next());
        }
        for (int i = 1; i < made.size(); i++) {
            assertThat(made.get(i).toString()).isGreaterThan(made.get(i - 1).toString());
            assertThat(Long.compareUnsigned(made.get(i).getMostSignificantBits(), made.get(i - 1).getMostSignificantBits()))
                    .isPositive();
        }
        assertThat(made.get(0).version()).isEqualTo(7);
        assertThat(made.get(0).variant()).isEqualTo(2);
        assertThat(MessageIds.instantOf(made.get(0))).isBetween(Instant.ofEpochMilli(before), Instant.now().plusSeconds(5));
    }

    @Test
    void theFloorOfAnInstantPrecedesEveryIdMadeFromThenOnAndComparesAsTheDatabasesDo() {
        Instant start = Instant.now();
        UUID floor = MessageIds.floor(start);
        UUID next = new MessageIds().next();

        assertThat(MessageIds.compare(floor, next)).isNegative();
        assertThat(floor.toString()).isLessThan(next.toString());
        assertThat(MessageIds.instantOf(floor)).isEqualTo(start.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        // UUID.compareTo is signed: a high bit set sorts first there, last in the databases and here.
        UUID high = new UUID(0x8000_0000_0000_0000L, 0);
        UUID low = new UUID(0x7000_0000_0000_0000L, 0);
        assertThat(high.compareTo(low)).isNegative();
        assertThat(MessageIds.compare(high, low)).isPositive();
    }

    @Test
    void deliveredIdsAnswerTrueOnceAndForgetOldIdsOnlyWhileNoOutageIsOpen() {
        DeliveredIds delivered = new DeliveredIds(java.time.Duration.ofSeconds(10));
        UUID old = MessageIds.floor(Instant.now().minusSeconds(60));
        UUID recent = new MessageIds().next();

        delivered.hold();
        assertThat(delivered.firstTime(old)).isTrue();
        assertThat(delivered.firstTime(old)).as("a repeat").isFalse();
        assertThat(delivered.firstTime(recent)).isTrue();
        assertThat(delivered.size()).as("held: nothing forgotten").isEqualTo(2);

        delivered.release();
        assertThat(delivered.firstTime(new MessageIds().next())).isTrue();
        assertThat(delivered.size()).as("the old id forgotten once released").isEqualTo(2);
        assertThat(delivered.firstTime(recent)).isFalse();
    }
}
