package dev.huddle.web;

/**
 * A request an API refuses: the HTTP status, a stable machine-readable reason (what a client branches on) and a
 * message naming the problem and the fix. Services throw it before they write anything, or inside their transaction,
 * so a refused request leaves nothing behind.
 */
public final class RequestProblem extends RuntimeException {
    public static final String INVALID_REQUEST = "invalid_request";
    public static final String NOT_FOUND = "not_found";
    public static final String CONFLICT = "conflict";

    private final int status;
    private final String reason;

    private RequestProblem(int status, String reason, String message) {
        // No stack trace: a refusal is an answer, not a failure to investigate.
        super(message, null, false, false);
        this.status = status;
        this.reason = reason;
    }

    /** 400: the request itself is malformed or out of range. */
    public static RequestProblem invalid(String message) {
        return new RequestProblem(400, INVALID_REQUEST, message);
    }

    /** 404: the id names nothing of this kind. */
    public static RequestProblem notFound(String what, Object id) {
        return new RequestProblem(404, NOT_FOUND, "No " + what + " has id " + id + "; list them to find a valid id.");
    }

    /** 404 {@value #NOT_FOUND} with a message of the caller's: for things that cannot be listed, or that expire. */
    public static RequestProblem unknown(String message) {
        return new RequestProblem(404, NOT_FOUND, message);
    }

    /** 403: the caller is known but may not do this. */
    public static RequestProblem forbidden(String reason, String message) {
        return new RequestProblem(403, reason, message);
    }

    /** 409 {@value #CONFLICT}: the request is well formed but the state it acts on does not allow it. */
    public static RequestProblem conflict(String message) {
        return conflict(CONFLICT, message);
    }

    /** 409 with a reason more precise than {@value #CONFLICT}. */
    public static RequestProblem conflict(String reason, String message) {
        return new RequestProblem(409, reason, message);
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }
}
