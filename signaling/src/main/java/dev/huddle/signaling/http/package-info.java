/** What the signaling HTTP API shares: request bodies, value checks, and refusals as {@code {"reason", "message"}}. */
package dev.huddle.signaling.http;
