package dev.huddle.authhmac.session;

import dev.huddle.authhmac.AuthConfiguration;
import dev.huddle.authhmac.crypto.SecretCipher;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/** Creates client sessions: a random id and secret, the secret stored encrypted and handed out once. */
@Singleton
public class SessionIssuer {
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ClientSessionRepository sessions;
    private final SecretCipher cipher;
    private final AuthConfiguration configuration;

    public SessionIssuer(ClientSessionRepository sessions, SecretCipher cipher, AuthConfiguration configuration) {
        this.sessions = sessions;
        this.cipher = cipher;
        this.configuration = configuration;
    }

    public IssuedSession issue(String name, String deviceId, boolean admin) {
        byte[] random = new byte[SECRET_BYTES];
        RANDOM.nextBytes(random);
        String secret = HexFormat.of().formatHex(random);
        UUID id = UUID.randomUUID();
        // Milliseconds: what SQLite keeps, so a session reads back exactly as it was written on both engines.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant expiresAt = now.plus(configuration.getSessionTtl());
        sessions.save(new ClientSession(id, name, deviceId, cipher.encrypt(id, secret.getBytes(StandardCharsets.UTF_8)),
                now, expiresAt, null, admin));
        return new IssuedSession(id.toString(), secret, expiresAt);
    }
}
