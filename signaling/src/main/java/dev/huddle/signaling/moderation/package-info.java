/** Moderating a room: ban (with reason and expiry), unban and promote, by its creator, moderators or an admin. */
package dev.huddle.signaling.moderation;
