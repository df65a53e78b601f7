package dev.huddle.authhmac.session;

/**
 * {@code POST /api/sessions} may not create this session: {@link #reason()} is the documented code of the 403 answer,
 * the message says what would be accepted.
 */
public final class RegistrationRefusedException extends RuntimeException {
    public static final String REGISTRATION_CLOSED = "registration_closed";
    public static final String INVITATION_REQUIRED = "invitation_required";
    public static final String INVITATION_REFUSED = "invitation_refused";
    public static final String ADMIN_TOKEN_REFUSED = "admin_token_refused";

    private final String reason;

    public RegistrationRefusedException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
