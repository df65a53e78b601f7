package dev.huddle.signaling.relay;

import dev.huddle.signaling.relay.wire.MessageType;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class MessageTypeTest {
    @Test
    void everyTypeIsFoundByItsLowercaseWireNameAndNothingElseIs() {
        for (MessageType type : MessageType.values()) {
            assertThat(type.wireName()).isEqualTo(type.name().toLowerCase(Locale.ROOT));
            assertThat(MessageType.fromWireName(type.wireName())).contains(type);
        }
        assertThat(MessageType.fromWireName("OFFER")).isEmpty();
        assertThat(MessageType.fromWireName("bye")).isEmpty();
        assertThat(MessageType.fromWireName(null)).isEmpty();
    }
}
