package dev.huddle.meetings.api;

/**
 * A request the meetings API refuses, with the status it answers and a message that names the problem and the fix.
 * Services throw it before they write anything, or inside their transaction so that nothing is kept.
 */
public final class RequestProblem extends RuntimeException {
    /** What kind of refusal; each maps to one HTTP status. */
    public enum Kind {
        INVALID(400), NOT_FOUND(404), CONFLICT(409);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;

    private RequestProblem(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public static RequestProblem invalid(String message) {
        return new RequestProblem(Kind.INVALID, message);
    }

    public static RequestProblem notFound(String what, Object id) {
        return new RequestProblem(Kind.NOT_FOUND, "No " + what + " has id " + id + "; list them to find a valid id.");
    }

    public static RequestProblem conflict(String message) {
        return new RequestProblem(Kind.CONFLICT, message);
    }

    public Kind kind() {
        return kind;
    }
}
