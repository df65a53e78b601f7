/** What the meetings HTTP API shares: request bodies, value checks and the refusals they raise. */
package dev.huddle.meetings.api;
