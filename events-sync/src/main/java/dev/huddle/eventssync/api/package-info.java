/** The events API (events, their attendees, admins) and the admin endpoints of the sync, under /api. */
package dev.huddle.eventssync.api;
