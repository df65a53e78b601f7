package dev.huddle.meetings.meeting;

import dev.huddle.web.RequestProblem;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where the next page of a meeting list starts: the last meeting shown, by (created_at, id), the list's order.
 * Opaque to clients: base64url of {@code <epoch millis>:<id>}.
 */
record MeetingCursor(Instant createdAt, UUID id) {

    static MeetingCursor after(Meeting meeting) {
        return new MeetingCursor(meeting.createdAt(), meeting.id());
    }

    String encode() {
        String plain = createdAt.toEpochMilli() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static MeetingCursor decode(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            return new MeetingCursor(Instant.ofEpochMilli(Long.parseLong(plain.substring(0, colon))),
                    UUID.fromString(plain.substring(colon + 1)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw RequestProblem.invalid("The cursor '" + token + "' is not one this API returned; pass the nextCursor "
                    + "of the previous page unchanged, or leave it out for the first page.");
        }
    }
}
