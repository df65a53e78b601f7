package dev.huddle.signaling.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.huddle.authhmac.signing.SignedSession;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

/** {@code GET /api/signaling/users/me}: the signaling user the signed session is (created on its first call). */
@Controller("/api/signaling/users")
@ExecuteOn(TaskExecutors.BLOCKING)
public class UserController {
    private final SignalingUsers users;

    public UserController(SignalingUsers users) {
        this.users = users;
    }

    /** A signaling user as the API shows it: the id other calls (bans, promotions) name them by. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record UserView(String id, String username, @Nullable String displayName, String createdAt) {
    }

    @Get("/me")
    public UserView me(@RequestAttribute(SignedSession.ATTRIBUTE) SignedSession session) {
        SignalingUser user = users.userOf(session);
        return new UserView(user.id().toString(), user.username(), user.displayName(), user.createdAt().toString());
    }
}
