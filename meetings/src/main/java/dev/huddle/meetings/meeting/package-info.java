/** Meetings: scheduled or instant, listed by status and time, changed and ended. */
package dev.huddle.meetings.meeting;
