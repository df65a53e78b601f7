package dev.huddle.eventssync.api;

import java.time.Instant;

/**
 * Which events to list: all filters optional.
 *
 * @param startsFrom events starting at or after this instant
 * @param startsBefore events starting before this instant
 */
record EventFilter(String triageStatus, Instant startsFrom, Instant startsBefore) {
}
