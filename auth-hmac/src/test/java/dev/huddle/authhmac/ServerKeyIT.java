package dev.huddle.authhmac;

import dev.huddle.authhmac.AuthServer.Session;
import dev.huddle.migration.failure.UsageException;
import dev.huddle.testdatabases.MigratedDatabases;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the server key comes from: configuration, or a file generated beside a SQLite database. */
class ServerKeyIT {
    @RegisterExtension
    static final MigratedDatabases DATABASES = MigratedDatabases.withModules(AuthHmacModule.NAME);

    @Test
    void aSqliteDatabaseGetsAnOwnerOnlyKeyBesideItThatLaterStartsReuse() throws Exception {
        TestDatabase db = DATABASES.fresh(Engine.SQLITE);
        Path keyFile = Path.of(db.jdbcUrl().substring("jdbc:sqlite:".length())).toAbsolutePath().getParent().resolve("server.key");
        Session session;
        try (AuthServer server = AuthServer.start(db, Map.of())) {
            session = server.createSession("laptop", "device-1");
        }

        assertThat(Base64.getDecoder().decode(Files.readString(keyFile).strip())).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        String key = Files.readString(keyFile);
        try (AuthServer restarted = AuthServer.start(db, Map.of())) {
            assertThat(restarted.signed(session, "GET", "/api/sessions/current", new byte[0]).status())
                    .as("a session created before the restart still verifies").isEqualTo(200);
        }
        assertThat(Files.readString(keyFile)).isEqualTo(key);
    }

    @Test
    void postgresqlWithoutAConfiguredKeyRefusesToStartNamingTheSetting() {
        TestDatabase db = DATABASES.fresh(Engine.POSTGRESQL);

        assertThatThrownBy(() -> AuthServer.start(db, Map.of()).close())
                .satisfies(error -> assertThat(rootUsage(error).getMessage())
                        .contains("huddle.auth.server-key", "HUDDLE_AUTH_SERVER_KEY", "openssl rand -base64 32"));
    }

    @Test
    void aKeyOfTheWrongSizeIsRefused() {
        TestDatabase db = DATABASES.fresh(Engine.SQLITE);
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> AuthServer.start(db, Map.of("huddle.auth.server-key", shortKey)).close())
                .satisfies(error -> assertThat(rootUsage(error).getMessage()).contains("16 bytes", "must be 32")
                        .doesNotContain(shortKey));
    }

    private static UsageException rootUsage(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof UsageException usage) {
                return usage;
            }
        }
        throw new AssertionError("no UsageException in " + error, error);
    }
}
