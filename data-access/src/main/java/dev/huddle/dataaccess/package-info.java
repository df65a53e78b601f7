/**
 * Data access for the domain modules: Micronaut's {@code datasources.default} pointed at the database Huddle resolves,
 * the same way the runner does, so that repositories and migrations always meet the same database.
 */
package dev.huddle.dataaccess;
