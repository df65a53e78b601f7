package dev.huddle.signaling.http;

/**
 * A request the signaling API refuses: the HTTP status, a stable machine-readable reason (what a client branches on)
 * and a message naming the problem and the fix. Services throw it before they write anything, or inside their
 * transaction, so a refused request leaves nothing behind.
 */
public final class SignalingProblem extends RuntimeException {
    public static final String INVALID_REQUEST = "invalid_request";
    public static final String NOT_FOUND = "not_found";

    private final int status;
    private final String reason;

    private SignalingProblem(int status, String reason, String message) {
        super(message, null, false, false);
        this.status = status;
        this.reason = reason;
    }

    /** 400: the request itself is malformed or out of range. */
    public static SignalingProblem invalid(String message) {
        return new SignalingProblem(400, INVALID_REQUEST, message);
    }

    /** 404: the id names nothing of this kind. */
    public static SignalingProblem notFound(String what, Object id) {
        return new SignalingProblem(404, NOT_FOUND, "No " + what + " has id " + id + "; list them to find a valid id.");
    }

    /** 403: the caller is known but may not do this. */
    public static SignalingProblem forbidden(String reason, String message) {
        return new SignalingProblem(403, reason, message);
    }

    /** 409: the request is well formed but the state it acts on does not allow it. */
    public static SignalingProblem conflict(String reason, String message) {
        return new SignalingProblem(409, reason, message);
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }
}
