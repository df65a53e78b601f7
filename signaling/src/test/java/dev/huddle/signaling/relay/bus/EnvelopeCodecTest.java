package dev.huddle.signaling.relay.bus;

import dev.huddle.signaling.relay.wire.MessageType;
import dev.huddle.signaling.relay.wire.RelayMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EnvelopeCodecTest {
    private static final byte[] EMPTY = bytes("{}");
    private final UUID publisher = UUID.randomUUID();
    private final EnvelopeCodec sending = new EnvelopeCodec(publisher);
    private final EnvelopeCodec receiving = new EnvelopeCodec(UUID.randomUUID());

    @Test
    void anotherInstanceGetsTheRoutingFieldsAndTheFrameAsWritten() {
        RelayMessage offer = RelayMessage.sdp(MessageType.OFFER, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "v=0\r\nline two\n", "2026-12-01T19:00:00.000Z");
        byte[] frame = "{\"type\":\"offer\",\"sdp\":\"v=0\\r\\nline two\\n\",\"at\":\"é→😀\"}".getBytes(StandardCharsets.UTF_8);

        BusFrame crossed = receiving.decode(sending.encode(offer, frame)).orElseThrow();

        assertThat(crossed.frame()).isEqualTo(frame);
        assertThat(crossed.message()).isEqualTo(RelayMessage.routing("offer", offer.id(), offer.room(), offer.from(), offer.to(),
                null));
    }

    @Test
    void aRemovalKeepsItsReasonAndMissingFieldsStayMissing() {
        RelayMessage removed = RelayMessage.removed(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "banned",
                "You were banned.");

        RelayMessage routing = receiving.decode(sending.encode(removed, EMPTY)).orElseThrow().message();

        assertThat(routing.kind()).isEqualTo(MessageType.REMOVED);
        assertThat(routing.reason()).isEqualTo("banned");
        assertThat(routing.from()).isNull();
        assertThat(routing.to()).isEqualTo(removed.to());
    }

    @Test
    void theInstancesOwnMessagesAndUnreadableTextAreIgnored() {
        RelayMessage chat = RelayMessage.chat(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "hi", "at");

        assertThat(sending.decode(sending.encode(chat, EMPTY))).isEmpty();
        assertThat(receiving.decode(bytes("{\"origin\":\"" + publisher + "\",\"message\":{}}"))).isEmpty();
        assertThat(receiving.decode(bytes(publisher + " nonsense - - - - -\n{}"))).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
