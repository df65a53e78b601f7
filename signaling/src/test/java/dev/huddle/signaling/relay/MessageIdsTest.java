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
}
