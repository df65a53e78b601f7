/** The Airtable events sync: one run reads both tables whole, maps them, and writes the difference in one transaction. */
package dev.huddle.eventssync.sync;
