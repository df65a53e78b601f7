/**
 * Signed requests: every {@code /api/**} call but session creation carries an HMAC-SHA256 signature with the session's
 * secret, a timestamp within the window and a nonce never used before.
 */
package dev.huddle.authhmac.signing;
