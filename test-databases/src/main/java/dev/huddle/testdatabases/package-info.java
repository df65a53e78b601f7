/** Freshly migrated test databases in milliseconds: a JUnit 5 extension over templates built once per migration plan. */
package dev.huddle.testdatabases;
