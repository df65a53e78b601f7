/** The events-sync module: Events, admins and attendees synced from Airtable, and the sync's own metadata. */
package dev.huddle.eventssync;
