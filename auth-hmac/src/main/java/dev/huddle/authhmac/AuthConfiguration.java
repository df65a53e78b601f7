package dev.huddle.authhmac;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code huddle.auth.*}: how long client sessions live, how far a signed request's clock may be off, and how many sessions' credentials stay in memory. The server
 * key ({@code huddle.auth.server-key}) is not bound here: Micronaut traces the values it binds to beans, and a key
 * must reach no log at any level ({@link dev.huddle.authhmac.crypto.ServerKeyFactory} reads it).
 */
@ConfigurationProperties("huddle.auth")
public class AuthConfiguration {
    private Duration sessionTtl = Duration.ofDays(30);
    private Duration signatureWindow = Duration.ofSeconds(300);
    private int sessionCacheSize = 10_000;

    /** How long a client session lasts from its creation ({@code huddle.auth.session-ttl}, default 30 days). */
    public Duration getSessionTtl() {
        return sessionTtl;
    }

    public void setSessionTtl(Duration sessionTtl) {
        this.sessionTtl = sessionTtl;
    }

    /**
     * How far a request's timestamp may be from the server's clock, either way ({@code huddle.auth.signature-window},
     * default 300 s); a nonce is kept exactly as long as its request could still pass this check.
     */
    public Duration getSignatureWindow() {
        return signatureWindow;
    }

    public void setSignatureWindow(Duration signatureWindow) {
        this.signatureWindow = signatureWindow;
    }

    /**
     * How many client sessions' credentials a server keeps in memory ({@code huddle.auth.session-cache-size}, default
     * 10,000; 0 reads the row at every request). Revocation does not wait for the cache: every request re-checks the row.
     */
    public int getSessionCacheSize() {
        return sessionCacheSize;
    }

    public void setSessionCacheSize(int sessionCacheSize) {
        this.sessionCacheSize = sessionCacheSize;
    }
}
