/** What {@code GET /health} reports besides liveness: the migration state. */
package dev.huddle.app.health;
