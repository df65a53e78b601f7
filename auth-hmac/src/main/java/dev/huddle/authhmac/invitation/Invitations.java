package dev.huddle.authhmac.invitation;

import dev.huddle.authhmac.signing.Signature;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/** Creates invitations with a random token kept only as its hash, and accepts each at most once before it expires. */
@Singleton
public class Invitations {
    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final InvitationRepository invitations;

    public Invitations(InvitationRepository invitations) {
        this.invitations = invitations;
    }

    /** @param invitedBy who invites, as the inviting session names itself */
    public IssuedInvitation create(String email, String invitedBy, Duration validFor) {
        if (email == null || !email.contains("@")) {
            throw new IllegalArgumentException("An invitation needs an email address, e.g. ada@example.org");
        }
        byte[] random = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Invitation saved = invitations.save(new Invitation(UUID.randomUUID(), email.strip(), hash(token), invitedBy, now,
                now.plus(validFor), null));
        return new IssuedInvitation(saved.id().toString(), saved.email(), token, saved.expiresAt());
    }

    /** Accepts the invitation the token belongs to, or says why it cannot be accepted. */
    public Invitation accept(String token, Instant now) {
        String tokenHash = hash(token == null ? "" : token.strip());
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        if (invitations.acceptIfOpen(tokenHash, at) == 1) {
            return invitations.findByTokenHash(tokenHash).orElseThrow();
        }
        Optional<Invitation> found = invitations.findByTokenHash(tokenHash);
        if (found.isEmpty()) {
            throw new InvitationRefusedException("No invitation has this token: ask for a new invitation");
        }
        if (found.get().acceptedAt() != null) {
            throw new InvitationRefusedException("This invitation was already accepted at " + found.get().acceptedAt()
                    + ": an invitation is used once; ask for a new one");
        }
        throw new InvitationRefusedException("This invitation expired at " + found.get().expiresAt() + ": ask for a new one");
    }

    static String hash(String token) {
        return Signature.sha256Hex(token.getBytes(StandardCharsets.UTF_8));
    }
}
