/** Airtable's REST API as the events sync needs it: every record of a table, page by page, within its rate limit. */
package dev.huddle.eventssync.airtable;
