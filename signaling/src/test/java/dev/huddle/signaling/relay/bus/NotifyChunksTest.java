package dev.huddle.signaling.relay.bus;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class NotifyChunksTest {
    @Test
    void aSmallMessageIsOnePayload() {
        List<String> payloads = NotifyChunks.split("k1", "{\"type\":\"chat\"}");
        assertThat(payloads).containsExactly("k1 0 1 {\"type\":\"chat\"}");
        assertThat(new NotifyChunks().accept(payloads.get(0))).contains("{\"type\":\"chat\"}");
    }

    @Test
    void aLargeMessageIsSplitBetweenCharactersUnderTheLimitAndJoinedAgainWhenInterleaved() {
        String large = "v=0 é→😀 ".repeat(4_000);
        String other = "x".repeat(9_000);
        List<String> first = NotifyChunks.split("a", large);
        List<String> second = NotifyChunks.split("b", other);
        assertThat(first).hasSizeGreaterThan(2);
        assertThat(first).allSatisfy(payload -> assertThat(NotifyChunks.payloadBytes(payload)).isLessThan(8_000));

        NotifyChunks chunks = new NotifyChunks();
        Optional<String> joined = Optional.empty();
        Optional<String> joinedOther = Optional.empty();
        for (int i = 0; i < Math.max(first.size(), second.size()); i++) {
            if (i < second.size()) {
                joinedOther = chunks.accept(second.get(i)).or(() -> Optional.empty());
                if (joinedOther.isPresent()) {
                    assertThat(joinedOther).contains(other);
                }
            }
            if (i < first.size()) {
                joined = chunks.accept(first.get(i));
            }
        }
        assertThat(joined).contains(large);
    }

    @Test
    void aPayloadThatIsNotAPartIsIgnored() {
        assertThat(new NotifyChunks().accept("hello")).isEmpty();
        assertThat(new NotifyChunks().accept("k x 1 text")).isEmpty();
    }
}
