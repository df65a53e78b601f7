package dev.huddle.signaling.relay.wire;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A frame as a client sends it, before any check: {@code {"type":"offer","to":"<user id>","sdp":"..."}},
 * {@code {"type":"candidate","to":"...","candidate":"...","sdpMid":"0","sdpMLineIndex":0}} or
 * {@code {"type":"chat","text":"..."}}. {@link FrameReader} turns it into a {@link RelayMessage} or refuses it.
 */
@Serdeable
public record ClientFrame(@Nullable String type, @Nullable String to, @Nullable String sdp, @Nullable String candidate,
                          @Nullable String sdpMid, @Nullable Integer sdpMLineIndex, @Nullable String text) {
}
