/** API keys for server-to-server calls: created by an admin (shown once), stored hashed, listed, revoked, verified. */
package dev.huddle.signaling.apikey;
