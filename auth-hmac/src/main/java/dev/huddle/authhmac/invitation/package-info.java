/** Invitations: a token handed out once, kept as its hash, accepted at most once before it expires. */
package dev.huddle.authhmac.invitation;
