package dev.huddle.migration.discover;

/** A script file's bytes are not UTF-8 text; it was not run, and planning refuses it. */
public class MalformedScriptException extends RuntimeException {
    public MalformedScriptException(String message) {
        super(message);
    }
}
