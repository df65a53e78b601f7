/** Real databases for tests: one PostgreSQL server per test JVM, a fresh database or SQLite file per test. */
package dev.huddle.testsupport;
