/** The Huddle server: Micronaut, with every module's schema migrated before anything uses the database. */
package dev.huddle.app;
