package dev.huddle.migration.execute;

/** A repair named a version that needs no such repair; nothing was changed. */
public class RepairRefusedException extends IllegalArgumentException {
    public RepairRefusedException(String message) {
        super(message);
    }
}
