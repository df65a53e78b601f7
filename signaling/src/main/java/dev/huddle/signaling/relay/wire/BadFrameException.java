package dev.huddle.signaling.relay.wire;

/** A client frame the relay refuses: {@link #reason()} is the code sent back in the error frame, the message the fix. */
public class BadFrameException extends Exception {
    private final String reason;

    public BadFrameException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
