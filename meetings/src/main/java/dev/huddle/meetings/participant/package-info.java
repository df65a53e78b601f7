/** Participants of a meeting: joining is an upsert per identity, leaving stamps left_at. */
package dev.huddle.meetings.participant;
