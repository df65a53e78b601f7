package dev.huddle.authhmac.signing;

/** The headers every signed request carries. */
public final class SignatureHeaders {
    public static final String SESSION = "X-Huddle-Session";
    /** Unix seconds. */
    public static final String TIMESTAMP = "X-Huddle-Timestamp";
    /** 16 to 64 characters, never used twice with one session. */
    public static final String NONCE = "X-Huddle-Nonce";
    /** Lowercase hex HMAC-SHA256 of the canonical request ({@link Signature#canonicalRequest}). */
    public static final String SIGNATURE = "X-Huddle-Signature";

    private SignatureHeaders() {
    }
}
