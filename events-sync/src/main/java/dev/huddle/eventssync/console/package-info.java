/** The admin console's read-only PostgreSQL role (seed 003): its password comes from configuration at boot. */
package dev.huddle.eventssync.console;
