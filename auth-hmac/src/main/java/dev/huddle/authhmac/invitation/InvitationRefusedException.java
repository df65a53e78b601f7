package dev.huddle.authhmac.invitation;

/** An invitation token that cannot be accepted; the message says why (unknown, already accepted, expired). */
public final class InvitationRefusedException extends RuntimeException {
    public InvitationRefusedException(String message) {
        super(message);
    }
}
