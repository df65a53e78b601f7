/**
 * The schema each module's migrations are expected to build, derived by applying them to a scratch database of the
 * same engine, and its comparison with a live database (drift) and with the committed snapshots.
 */
package dev.huddle.migration.drift;
