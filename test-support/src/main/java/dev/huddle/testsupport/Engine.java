package dev.huddle.testsupport;

/** The database engines every database test runs on. */
public enum Engine {
    POSTGRESQL,
    SQLITE
}
