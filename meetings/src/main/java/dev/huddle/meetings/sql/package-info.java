/** How meetings values travel to both dialects: as text, through one converter per Java type. */
package dev.huddle.meetings.sql;
