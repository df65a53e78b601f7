/** Analytics of a meeting: events recorded as they happen, and a summary per meeting. */
package dev.huddle.meetings.analytics;
