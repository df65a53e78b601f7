/** How the events-sync code reads and writes its tables on either engine. */
package dev.huddle.eventssync.store;
