package dev.huddle.signaling.room;

import io.micronaut.core.annotation.Nullable;

import java.util.UUID;

/**
 * The answer to "may this user be in this room now": admitted, or refused with a {@link Refusal} whose code a client
 * or the relay can act on and a message for people.
 */
public record Admission(UUID roomId, UUID userId, @Nullable Refusal refusal, String message) {

    /** Why a user is not admitted; {@link #code()} is the stable text sent to clients. */
    public enum Refusal {
        ROOM_NOT_FOUND("room_not_found"),
        ROOM_CLOSED("room_closed"),
        BANNED("banned"),
        ROOM_FULL("room_full"),
        NOT_A_MEMBER("not_a_member");

        private final String code;

        Refusal(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    static Admission admitted(UUID roomId, UUID userId) {
        return new Admission(roomId, userId, null, "User " + userId + " may take part in room " + roomId + ".");
    }

    static Admission refused(UUID roomId, UUID userId, Refusal refusal, String message) {
        return new Admission(roomId, userId, refusal, message);
    }

    public boolean admitted() {
        return refusal == null;
    }
}
