package dev.huddle.authhmac.settings;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

/** {@code GET /api/server-settings}: the server's name and registration mode, for any signed client. */
@Controller("/api/server-settings")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ServerSettingsController {
    private final ServerSettingsService settings;

    public ServerSettingsController(ServerSettingsService settings) {
        this.settings = settings;
    }

    /** The answer's shape: the mode as the API and the table spell it. */
    @Serdeable
    public record SettingsView(String serverName, String registrationMode) {
    }

    @Get
    public SettingsView show() {
        ServerSettings current = settings.current();
        return new SettingsView(current.serverName(), current.registrationMode().columnValue());
    }
}
