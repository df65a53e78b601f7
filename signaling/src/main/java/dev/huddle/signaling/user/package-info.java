/** Signaling users: the row each signed session or API key acts as, created on first use. */
package dev.huddle.signaling.user;
