package dev.huddle.authhmac.client;

import dev.huddle.authhmac.signing.SignatureHeaders;

import java.util.LinkedHashMap;
import java.util.Map;

/** The values of the four signature headers for one request. */
public record SignedHeaders(String sessionId, long timestamp, String nonce, String signature) {

    /** Header name to value, in the order the README lists them. */
    public Map<String, String> asMap() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SignatureHeaders.SESSION, sessionId);
        headers.put(SignatureHeaders.TIMESTAMP, Long.toString(timestamp));
        headers.put(SignatureHeaders.NONCE, nonce);
        headers.put(SignatureHeaders.SIGNATURE, signature);
        return headers;
    }
}
