package dev.huddle.authhmac.signing;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Why a signed request was refused: the 401 body, {@code {"reason": ..., "message": ...}}. The reason is one of the
 * documented codes; the message says what to change and never holds a secret or the expected signature.
 */
@Serdeable
public record Refusal(String reason, String message) {
    public static final String MISSING_HEADER = "missing_header";
    public static final String UNKNOWN_SESSION = "unknown_session";
    public static final String EXPIRED_SESSION = "expired_session";
    public static final String STALE_TIMESTAMP = "stale_timestamp";
    public static final String REPLAYED_NONCE = "replayed_nonce";
    public static final String BAD_SIGNATURE = "bad_signature";
}
