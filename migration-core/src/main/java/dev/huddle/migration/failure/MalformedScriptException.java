package dev.huddle.migration.failure;

/** A script file's bytes are not UTF-8 text; it was not run, and planning refuses it. */
public final class MalformedScriptException extends HuddleFailure {
    public MalformedScriptException(String message) {
        super(message, "", null);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.REFUSED;
    }
}
