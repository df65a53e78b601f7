package dev.huddle.signaling.relay.handshake;

/**
 * Why a relay connection is refused: an HTTP-like status (the close code is 4000 plus it), a reason code (those of
 * signed requests, {@code bad_api_key}, {@code bad_cursor}, and the room admission's: {@code room_not_found},
 * {@code room_closed}, {@code banned}, {@code not_a_member}, {@code room_full}) and a message saying what to change.
 */
public record HandshakeRefusal(int status, String reason, String message) {
    /** The WebSocket close code: a private-use code (4000-4999) that carries the status. */
    public int closeCode() {
        return 4000 + status;
    }
}
