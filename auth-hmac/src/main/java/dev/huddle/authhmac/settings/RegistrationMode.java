package dev.huddle.authhmac.settings;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Who may create a client session: anyone, only holders of an invitation, or nobody. */
public enum RegistrationMode {
    OPEN, INVITE_ONLY, CLOSED;

    /** As {@code server_settings.registration_mode} stores it (its check constraint lists these). */
    public String columnValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RegistrationMode fromColumnValue(String value) {
        for (RegistrationMode mode : values()) {
            if (mode.columnValue().equals(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown registration mode '" + value + "': use one of "
                + Arrays.stream(values()).map(RegistrationMode::columnValue).collect(Collectors.joining(", ")));
    }
}
