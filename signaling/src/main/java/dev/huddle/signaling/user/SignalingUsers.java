package dev.huddle.signaling.user;

import dev.huddle.authhmac.signing.SignedSession;
import dev.huddle.signaling.apikey.ApiKeyIdentity;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Which signaling user a caller is, created on first use. A signed client session is the user
 * {@code session:<session id>}: the session id is the only identity the server has proven (a session's name and
 * device id are whatever the client chose, and are not unique, so mapping on them would let one client take another's
 * rooms and moderator rights). A new session is therefore a new user; its name becomes the display name. An API key
 * is the user {@code api-key:<key id>}, so a server-to-server peer can be admitted to rooms like anyone else.
 */
@Singleton
public class SignalingUsers {
    static final String SESSION_PREFIX = "session:";
    static final String API_KEY_PREFIX = "api-key:";
    private static final int LONGEST_DISPLAY_NAME = 200;

    private final SignalingUserRepository users;

    public SignalingUsers(SignalingUserRepository users) {
        this.users = users;
    }

    /** The session's signaling user id, its row created if this is the session's first signaling call. */
    public UUID userIdOf(SignedSession session) {
        return userOf(session).id();
    }

    /** The session as a caller of the signaling API. */
    public Caller callerOf(SignedSession session) {
        return new Caller(userIdOf(session), session.admin());
    }

    public SignalingUser userOf(SignedSession session) {
        return findOrCreate(SESSION_PREFIX + session.id(), session.name());
    }

    /** The API key's signaling user id, created on first use. */
    public UUID userIdOf(ApiKeyIdentity key) {
        return findOrCreate(API_KEY_PREFIX + key.id(), key.name()).id();
    }

    /** The user with this id, if there is one. */
    public Optional<SignalingUser> find(UUID id) {
        return users.findById(id);
    }

    private SignalingUser findOrCreate(String username, @Nullable String name) {
        return users.findByUsername(username).orElseGet(() -> {
            users.insertIfAbsent(UUID.randomUUID(), username, displayName(name), Instant.now().truncatedTo(ChronoUnit.MILLIS));
            return users.findByUsername(username).orElseThrow();
        });
    }

    private static String displayName(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String stripped = name.strip();
        return stripped.length() > LONGEST_DISPLAY_NAME ? stripped.substring(0, LONGEST_DISPLAY_NAME) : stripped;
    }
}
