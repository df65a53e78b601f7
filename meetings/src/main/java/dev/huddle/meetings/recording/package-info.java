/** Recordings of a meeting: an egress started, then completed or failed with where it is stored and its size. */
package dev.huddle.meetings.recording;
