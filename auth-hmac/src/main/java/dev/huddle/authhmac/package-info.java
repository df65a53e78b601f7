/** The auth-hmac module: HMAC client sessions, the nonce cache against replay, server settings and invitations. */
package dev.huddle.authhmac;
