/**
 * Rooms and who is in them: created, listed, closed; joined and left within max_participants; and
 * {@link dev.huddle.signaling.room.RoomAdmission}, the one decision about who may take part, which the relay uses too.
 */
package dev.huddle.signaling.room;
