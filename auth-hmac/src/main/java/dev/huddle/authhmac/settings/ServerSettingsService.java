package dev.huddle.authhmac.settings;

import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Reads and changes the server settings, refusing values the table's checks would refuse, with a message. */
@Singleton
public class ServerSettingsService {
    static final int LONGEST_NAME = 100;

    private final ServerSettingsRepository rows;

    public ServerSettingsService(ServerSettingsRepository rows) {
        this.rows = rows;
    }

    public ServerSettings current() {
        return toSettings(row());
    }

    /** Changes the name and mode; {@link IllegalArgumentException} names a value that cannot be used. */
    public ServerSettings update(String serverName, RegistrationMode mode) {
        if (serverName == null || serverName.isBlank() || serverName.strip().length() > LONGEST_NAME) {
            throw new IllegalArgumentException("The server name must be 1 to " + LONGEST_NAME + " characters");
        }
        if (mode == null) {
            throw new IllegalArgumentException("The registration mode is missing: use open, invite_only or closed");
        }
        ServerSettingsRow row = row();
        return toSettings(rows.update(new ServerSettingsRow(row.id(), serverName.strip(), mode.columnValue(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS))));
    }

    private ServerSettingsRow row() {
        return rows.findById(ServerSettingsRow.ONLY_ID).orElseThrow(() -> new IllegalStateException("server_settings has "
                + "no row 1, which its migration inserts: the auth-hmac migrations have not run on this database"));
    }

    private static ServerSettings toSettings(ServerSettingsRow row) {
        return new ServerSettings(row.serverName(), RegistrationMode.fromColumnValue(row.registrationMode()), row.updatedAt());
    }
}
